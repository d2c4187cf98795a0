import { withAwsDefault } from "../lib/awsdefault";
import { resourcePolicy } from "../lib/policy";
import { checkFlagOn } from "../lib/settings";

const LB = "aws:lb/loadBalancer:LoadBalancer";
const ALB = "aws:alb/loadBalancer:LoadBalancer";

export const loadBalancerDeletionProtected = withAwsDefault(resourcePolicy({
    name: "lb-load-balancer-deletion-protected",
    description: "Load balancers have deletion protection, so the entry point of the service cannot be deleted by one call or a replacing update.",
    severity: "low",
    enforcementLevel: "advisory",
    frameworks: [{ framework: "fsbp", control: "ELB.6" }],
    topics: ["resilience"],
    resourceTypes: [LB, ALB],
    remediation: "Set enableDeletionProtection: true (turn it off in a separate update before a deliberate deletion).",
    url: "https://docs.aws.amazon.com/elasticloadbalancing/latest/application/application-load-balancers.html#deletion-protection",
    check(r, _config, report) {
        checkFlagOn(r.props, report, ["enableDeletionProtection"], false, {
            what: "whether the load balancer is protected from deletion",
            problem: "so a delete or a replacing update takes the service's entry point (and its DNS name) away",
            fix: "Set enableDeletionProtection: true.",
        });
    },
}), {
    behaviour: "Deletion protection is off for a new load balancer unless deletion_protection.enabled is set.",
    source: "https://docs.aws.amazon.com/elasticloadbalancing/latest/application/application-load-balancers.html#deletion-protection",
    checked: "2026-12-04",
});
