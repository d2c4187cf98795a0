import { withAwsDefault } from "../lib/awsdefault";
import { resourcePolicy } from "../lib/policy";
import { checkFlagOn } from "../lib/settings";

const INSTANCE = "aws:rds/instance:Instance";
const CLUSTER = "aws:rds/cluster:Cluster";

export const instanceDeletionProtected = withAwsDefault(resourcePolicy({
    name: "rds-instance-deletion-protected",
    description: "RDS DB instances and clusters have deletion protection, so neither a console click nor a replacing update can delete the database.",
    severity: "medium",
    enforcementLevel: "advisory",
    frameworks: [{ framework: "fsbp", control: "RDS.8" }],
    topics: ["resilience", "data-protection"],
    resourceTypes: [INSTANCE, CLUSTER],
    remediation: "Set deletionProtection: true (turn it off in a separate update before a deliberate deletion).",
    url: "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_DeleteInstance.html#USER_DeleteInstance.DeletionProtection",
    check(r, _config, report) {
        checkFlagOn(r.props, report, ["deletionProtection"], false, {
            what: "whether the database is protected from deletion",
            problem: "so a delete (or a replacing update) removes the database",
            fix: "Set deletionProtection: true.",
        });
    },
}), {
    behaviour: "CreateDBInstance and CreateDBCluster create databases without deletion protection unless DeletionProtection is true.",
    source: "https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_CreateDBInstance.html",
    checked: "2026-12-04",
});
