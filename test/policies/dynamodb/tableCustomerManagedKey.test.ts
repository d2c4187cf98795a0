import { UNKNOWN } from "../helpers/server";
import { judgesSetting } from "../helpers/settingCases";
import { tableCustomerManagedKey } from "../../../policies/dynamodb/tableCustomerManagedKey";

describe("dynamodb-table-customer-managed-key", () => {
    judgesSetting(tableCustomerManagedKey, {
        type: "aws:dynamodb/table:Table",
        name: "sessions",
        base: { billingMode: "PAY_PER_REQUEST", hashKey: "id" },
        passes: {
        "a customer-managed key": { serverSideEncryption: { enabled: true, kmsKeyArn: UNKNOWN } },
    },
        fails: {
        "the AWS managed key": { serverSideEncryption: { enabled: true } },
        "encryption left to the AWS-owned key": { serverSideEncryption: { enabled: false } },
    },
        absent: "fails",
        unknown: { serverSideEncryption: { enabled: UNKNOWN } },
        mentions: ["serverSideEncryption"],
    });
});
