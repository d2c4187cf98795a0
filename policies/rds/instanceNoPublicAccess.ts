import { withAwsDefault } from "../lib/awsdefault";
import { resourcePolicy } from "../lib/policy";
import { checkFlagOff } from "../lib/settings";

const INSTANCE = "aws:rds/instance:Instance";
const CLUSTER_INSTANCE = "aws:rds/clusterInstance:ClusterInstance";

export const instanceNoPublicAccess = withAwsDefault(resourcePolicy({
    name: "rds-instance-no-public-access",
    description: "RDS DB instances and Aurora cluster instances are not publicly accessible (no public DNS name resolving to a public IP).",
    severity: "critical",
    enforcementLevel: "mandatory",
    frameworks: [{ framework: "fsbp", control: "RDS.2" }],
    topics: ["network", "data-protection"],
    resourceTypes: [INSTANCE, CLUSTER_INSTANCE],
    remediation: "Set publiclyAccessible: false (the default) and reach the database from inside the VPC (bastion through SSM, VPN or an application).",
    url: "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_VPC.WorkingWithRDSInstanceinaVPC.html",
    check(r, _config, report) {
        checkFlagOff(r.props, report, ["publiclyAccessible"], false, {
            what: "whether the database gets a public address",
            problem: "so the database gets a public IP and only its security group stands between it and the internet",
            fix: "Set publiclyAccessible: false and reach the database from inside the VPC.",
        });
    },
}), {
    behaviour: "CreateDBInstance makes an instance private (PubliclyAccessible false) when it is created in a VPC with a DB subnet group, as every instance is today.",
    source: "https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_CreateDBInstance.html",
    checked: "2026-12-04",
});
