import { UNKNOWN } from "../helpers/server";
import { judgesSetting } from "../helpers/settingCases";
import { parameterCustomerManagedKey } from "../../../policies/ssm/parameterCustomerManagedKey";

describe("ssm-parameter-customer-managed-key", () => {
    judgesSetting(parameterCustomerManagedKey, {
        type: "aws:ssm/parameter:Parameter",
        name: "db-password",
        base: { type: "SecureString", value: UNKNOWN },
        passes: {
        "a customer-managed key": { keyId: "alias/app" },
        "a String parameter": { type: "String", value: "eu-west-1" },
    },
        fails: {
        "an empty key": { keyId: "" },
    },
        absent: "fails",
        unknown: { type: UNKNOWN },
        mentions: ["keyId"],
    });
});
