import { withAwsDefault } from "../lib/awsdefault";
import { resourcePolicy } from "../lib/policy";
import { checkNamed } from "../lib/settings";
import { UNKNOWN, at, bool } from "../lib/values";

const TABLE = "aws:dynamodb/table:Table";

export const tableCustomerManagedKey = withAwsDefault(resourcePolicy({
    name: "dynamodb-table-customer-managed-key",
    description: "Tables are encrypted with a customer-managed KMS key (serverSideEncryption enabled with kmsKeyArn).",
    severity: "low",
    enforcementLevel: "advisory",
    frameworks: [],
    topics: ["encryption"],
    resourceTypes: [TABLE],
    remediation: "Set serverSideEncryption: { enabled: true, kmsKeyArn: <key ARN> }.",
    url: "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/EncryptionAtRest.html",
    check(r, _config, report) {
        const enabled = bool(at(r.props, "serverSideEncryption", "enabled"));
        if (enabled === UNKNOWN) return report.unknown("which key encrypts the table", "serverSideEncryption.enabled");
        if (enabled !== true) return report.violation("serverSideEncryption.enabled is not true, so the table is encrypted with an AWS-owned key no key policy of yours controls. Set serverSideEncryption: { enabled: true, kmsKeyArn: <key ARN> }.");
        checkNamed(r.props, report, ["serverSideEncryption", "kmsKeyArn"], {
            what: "which key encrypts the table",
            problem: "so the table uses the AWS managed key aws/dynamodb, whose use no key policy of yours limits",
            fix: "Set serverSideEncryption.kmsKeyArn to a customer-managed key.",
        });
    },
}), {
    behaviour: "Tables are encrypted at rest with an AWS-owned key unless a KMS key is chosen.",
    source: "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/EncryptionAtRest.html",
    checked: "2026-12-04",
});
