import { withAwsDefault } from "../lib/awsdefault";
import { resourcePolicy } from "../lib/policy";
import { checkFlagOn } from "../lib/settings";

const CLUSTER = "aws:rds/cluster:Cluster";

export const clusterStorageEncrypted = withAwsDefault(resourcePolicy({
    name: "rds-cluster-storage-encrypted",
    description: "RDS and Aurora DB clusters encrypt their storage (storageEncrypted), and with it their backups and snapshots.",
    severity: "high",
    enforcementLevel: "mandatory",
    frameworks: [{ framework: "fsbp", control: "RDS.27" }],
    topics: ["encryption", "data-protection"],
    resourceTypes: [CLUSTER],
    remediation: "Set storageEncrypted: true (and kmsKeyId for a customer-managed key).",
    url: "https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/Overview.Encryption.html",
    check(r, _config, report) {
        checkFlagOn(r.props, report, ["storageEncrypted"], false, {
            what: "whether the cluster storage is encrypted",
            problem: "so the cluster volume, backups and snapshots are stored unencrypted",
            fix: "Set storageEncrypted: true (kmsKeyId for a customer-managed key).",
        });
    },
}), {
    behaviour: "CreateDBCluster leaves a provisioned cluster unencrypted unless StorageEncrypted is true (a snapshot restore keeps the snapshot's encryption).",
    source: "https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_CreateDBCluster.html",
    checked: "2026-12-04",
});
