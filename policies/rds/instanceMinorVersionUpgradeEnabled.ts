import { withAwsDefault } from "../lib/awsdefault";
import { resourcePolicy } from "../lib/policy";
import { checkFlagOn } from "../lib/settings";

const INSTANCE = "aws:rds/instance:Instance";
const CLUSTER_INSTANCE = "aws:rds/clusterInstance:ClusterInstance";

export const instanceMinorVersionUpgradeEnabled = withAwsDefault(resourcePolicy({
    name: "rds-instance-minor-version-upgrade-enabled",
    description: "RDS DB instances and Aurora cluster instances take minor engine upgrades (security patches) in their maintenance window.",
    severity: "medium",
    enforcementLevel: "advisory",
    frameworks: [{ framework: "fsbp", control: "RDS.13" }],
    topics: ["compute", "resilience"],
    resourceTypes: [INSTANCE, CLUSTER_INSTANCE],
    remediation: "Leave autoMinorVersionUpgrade out (true by default) or set it to true.",
    url: "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_UpgradeDBInstance.Upgrading.html",
    check(r, _config, report) {
        checkFlagOn(r.props, report, ["autoMinorVersionUpgrade"], true, {
            what: "whether minor engine upgrades are applied",
            problem: "so security patches of the engine are never applied automatically",
            fix: "Set autoMinorVersionUpgrade: true (or leave it out).",
        });
    },
}), {
    behaviour: "CreateDBInstance turns automatic minor version upgrades on unless AutoMinorVersionUpgrade is false.",
    source: "https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_CreateDBInstance.html",
    checked: "2026-12-04",
});
