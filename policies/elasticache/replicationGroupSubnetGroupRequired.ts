import { withAwsDefault } from "../lib/awsdefault";
import { resourcePolicy } from "../lib/policy";
import { checkNamed } from "../lib/settings";

const RG = "aws:elasticache/replicationGroup:ReplicationGroup";
const CLUSTER = "aws:elasticache/cluster:Cluster";

export const replicationGroupSubnetGroupRequired = withAwsDefault(resourcePolicy({
    name: "elasticache-replication-group-subnet-group-required",
    description: "Caches run in a subnet group of the program's VPC (subnetGroupName), not the default subnet group.",
    severity: "medium",
    enforcementLevel: "advisory",
    frameworks: [{ framework: "fsbp", control: "ElastiCache.7" }],
    topics: ["network"],
    resourceTypes: [RG, CLUSTER],
    remediation: "Create an aws.elasticache.SubnetGroup of private subnets and set subnetGroupName.",
    url: "https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/SubnetGroups.html",
    check(r, _config, report) {
        checkNamed(r.props, report, ["subnetGroupName"], {
            what: "which subnets hold the cache",
            problem: "so the cache lands in the default VPC's default subnet group",
            fix: "Set subnetGroupName to a subnet group of private subnets.",
        });
    },
}), {
    behaviour: "Without a subnet group the cache is placed in the default subnet group of the default VPC.",
    source: "https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/SubnetGroups.html",
    checked: "2026-12-04",
});
