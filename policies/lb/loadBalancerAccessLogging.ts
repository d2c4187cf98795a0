import { withAwsDefault } from "../lib/awsdefault";
import { resourcePolicy } from "../lib/policy";
import { checkFlagOn } from "../lib/settings";

const LB = "aws:lb/loadBalancer:LoadBalancer";
const ALB = "aws:alb/loadBalancer:LoadBalancer";

export const loadBalancerAccessLogging = withAwsDefault(resourcePolicy({
    name: "lb-load-balancer-access-logging",
    description: "Load balancers write access logs to S3 (accessLogs.enabled).",
    severity: "medium",
    enforcementLevel: "advisory",
    frameworks: [{ framework: "fsbp", control: "ELB.5" }],
    topics: ["logging"],
    resourceTypes: [LB, ALB],
    remediation: "Set accessLogs: { bucket, enabled: true } with a bucket whose policy lets the ELB service write.",
    url: "https://docs.aws.amazon.com/elasticloadbalancing/latest/application/enable-access-logging.html",
    check(r, _config, report) {
        checkFlagOn(r.props, report, ["accessLogs", "enabled"], false, {
            what: "whether access logs are written",
            problem: "so requests leave no record for incident response",
            fix: "Set accessLogs: { bucket: <log bucket>, enabled: true }.",
        });
    },
}), {
    behaviour: "Access logging is off for a new load balancer; the provider leaves accessLogs.enabled false even when a bucket is named.",
    source: "https://docs.aws.amazon.com/elasticloadbalancing/latest/application/enable-access-logging.html",
    checked: "2026-12-04",
});
