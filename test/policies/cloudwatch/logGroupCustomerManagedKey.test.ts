import { UNKNOWN } from "../helpers/server";
import { judgesSetting } from "../helpers/settingCases";
import { logGroupCustomerManagedKey } from "../../../policies/cloudwatch/logGroupCustomerManagedKey";

describe("cloudwatch-log-group-customer-managed-key", () => {
    judgesSetting(logGroupCustomerManagedKey, {
        type: "aws:cloudwatch/logGroup:LogGroup",
        name: "app",
        base: { retentionInDays: 30 },
        passes: {
        "a customer-managed key": { kmsKeyId: "arn:aws:kms:us-east-1:123456789012:key/1" },
    },
        fails: {
        "an empty key": { kmsKeyId: "" },
    },
        absent: "fails",
        unknown: { kmsKeyId: UNKNOWN },
    unknownMeans: "present",
        mentions: ["kmsKeyId"],
    });
});
