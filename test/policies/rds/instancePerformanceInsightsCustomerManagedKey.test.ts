import { UNKNOWN } from "../helpers/server";
import { judgesSetting } from "../helpers/settingCases";
import { instancePerformanceInsightsCustomerManagedKey } from "../../../policies/rds/instancePerformanceInsightsCustomerManagedKey";

describe("rds-instance-performance-insights-customer-managed-key", () => {
    judgesSetting(instancePerformanceInsightsCustomerManagedKey, {
        type: "aws:rds/instance:Instance",
        name: "db",
        base: { engine: "postgres", instanceClass: "db.t4g.micro", allocatedStorage: 20, username: "app", manageMasterUserPassword: true, performanceInsightsEnabled: true },
        passes: {
        "a customer-managed key": { performanceInsightsKmsKeyId: "arn:aws:kms:us-east-1:123456789012:key/1" },
        "Performance Insights off": { performanceInsightsEnabled: false },
    },
        fails: {
        "an empty key": { performanceInsightsKmsKeyId: "" },
    },
        absent: "fails",
        unknown: { performanceInsightsEnabled: UNKNOWN },
        mentions: ["performanceInsightsKmsKeyId"],
    });
});
