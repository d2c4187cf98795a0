import { withAwsDefault } from "../lib/awsdefault";
import { resourcePolicy } from "../lib/policy";
import { checkFlagOn } from "../lib/settings";

const INSTANCE = "aws:rds/instance:Instance";

export const instanceStorageEncrypted = withAwsDefault(resourcePolicy({
    name: "rds-instance-storage-encrypted",
    description: "RDS DB instances encrypt their storage (storageEncrypted), and with it their automated backups, snapshots and read replicas.",
    severity: "high",
    enforcementLevel: "mandatory",
    frameworks: [{ framework: "fsbp", control: "RDS.3" }],
    topics: ["encryption", "data-protection"],
    resourceTypes: [INSTANCE],
    remediation: "Set storageEncrypted: true (and kmsKeyId for a customer-managed key); an existing instance is encrypted by restoring an encrypted snapshot copy.",
    url: "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Overview.Encryption.html",
    check(r, _config, report) {
        checkFlagOn(r.props, report, ["storageEncrypted"], false, {
            what: "whether the database storage is encrypted",
            problem: "so the database files, automated backups and snapshots are stored unencrypted",
            fix: "Set storageEncrypted: true (kmsKeyId for a customer-managed key).",
        });
    },
}), {
    behaviour: "CreateDBInstance leaves storage unencrypted unless StorageEncrypted is true (Aurora instances take the cluster's setting).",
    source: "https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_CreateDBInstance.html",
    checked: "2026-12-04",
});
