import { withAwsDefault } from "../lib/awsdefault";
import { resourcePolicy } from "../lib/policy";
import { checkNamed } from "../lib/settings";
import { UNKNOWN, bool } from "../lib/values";

const INSTANCE = "aws:rds/instance:Instance";
const CLUSTER_INSTANCE = "aws:rds/clusterInstance:ClusterInstance";
const CLUSTER = "aws:rds/cluster:Cluster";

export const instancePerformanceInsightsCustomerManagedKey = withAwsDefault(resourcePolicy({
    name: "rds-instance-performance-insights-customer-managed-key",
    description: "Where Performance Insights is on, its data (which holds SQL text) is encrypted with a customer-managed KMS key (performanceInsightsKmsKeyId).",
    severity: "low",
    enforcementLevel: "advisory",
    frameworks: [],
    topics: ["encryption"],
    resourceTypes: [INSTANCE, CLUSTER_INSTANCE, CLUSTER],
    remediation: "Set performanceInsightsKmsKeyId to a customer-managed key's ARN whenever performanceInsightsEnabled is true.",
    url: "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_PerfInsights.Enabling.html",
    check(r, _config, report) {
        const enabled = bool(r.props.performanceInsightsEnabled);
        if (enabled === UNKNOWN) return report.unknown("whether Performance Insights is on (and needs a key)", "performanceInsightsEnabled");
        if (enabled !== true) return;
        checkNamed(r.props, report, ["performanceInsightsKmsKeyId"], {
            what: "which key encrypts Performance Insights",
            problem: "so Performance Insights data (SQL text included) is encrypted with the AWS managed key, whose use no key policy of yours limits",
            fix: "Set performanceInsightsKmsKeyId to a customer-managed key.",
        });
    },
}), {
    behaviour: "Performance Insights data is encrypted with the AWS managed key aws/rds when no KMS key is given.",
    source: "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_PerfInsights.access-control.html",
    checked: "2026-12-04",
});
