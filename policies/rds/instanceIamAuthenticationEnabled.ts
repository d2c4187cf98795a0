import { withAwsDefault } from "../lib/awsdefault";
import { resourcePolicy } from "../lib/policy";
import { checkFlagOn } from "../lib/settings";

const INSTANCE = "aws:rds/instance:Instance";
const CLUSTER = "aws:rds/cluster:Cluster";

export const instanceIamAuthenticationEnabled = withAwsDefault(resourcePolicy({
    name: "rds-instance-iam-authentication-enabled",
    description: "RDS DB instances and clusters accept IAM database authentication, so applications can connect with short-lived tokens instead of stored passwords.",
    severity: "low",
    enforcementLevel: "advisory",
    frameworks: [{ framework: "fsbp", control: "RDS.10" }],
    topics: ["identity"],
    resourceTypes: [INSTANCE, CLUSTER],
    remediation: "Set iamDatabaseAuthenticationEnabled: true and grant rds-db:connect to the application's role.",
    url: "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/UsingWithRDS.IAMDBAuth.html",
    check(r, _config, report) {
        checkFlagOn(r.props, report, ["iamDatabaseAuthenticationEnabled"], false, {
            what: "whether IAM database authentication is on",
            problem: "so every client needs a long-lived database password",
            fix: "Set iamDatabaseAuthenticationEnabled: true.",
        });
    },
}), {
    behaviour: "IAM database authentication is off unless EnableIAMDatabaseAuthentication is true.",
    source: "https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_CreateDBInstance.html",
    checked: "2026-12-04",
});
