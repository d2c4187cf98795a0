import { UNKNOWN } from "../helpers/server";
import { judgesSetting } from "../helpers/settingCases";
import { functionEnvironmentCustomerManagedKey } from "../../../policies/lambda/functionEnvironmentCustomerManagedKey";

describe("lambda-function-environment-customer-managed-key", () => {
    judgesSetting(functionEnvironmentCustomerManagedKey, {
        type: "aws:lambda/function:Function",
        name: "handler",
        base: { runtime: "nodejs22.x", handler: "index.handler", role: UNKNOWN, environment: { variables: { TABLE: "sessions" } } },
        passes: {
        "a customer-managed key": { kmsKeyArn: UNKNOWN },
        "no variables": { environment: { variables: {} } },
    },
        fails: {
        "an empty key": { kmsKeyArn: "" },
    },
        absent: "fails",
        unknown: { environment: { variables: UNKNOWN } },
        mentions: ["kmsKeyArn"],
    });
});
