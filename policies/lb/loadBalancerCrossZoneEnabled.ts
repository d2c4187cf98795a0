import { withAwsDefault } from "../lib/awsdefault";
import { resourcePolicy } from "../lib/policy";
import { checkFlagOn } from "../lib/settings";
import { UNKNOWN, str } from "../lib/values";

const LB = "aws:lb/loadBalancer:LoadBalancer";

export const loadBalancerCrossZoneEnabled = withAwsDefault(resourcePolicy({
    name: "lb-load-balancer-cross-zone-enabled",
    description: "Network load balancers spread traffic across zones (enableCrossZoneLoadBalancing), so losing targets in one zone does not drop that zone's share.",
    severity: "low",
    enforcementLevel: "advisory",
    frameworks: [],
    topics: ["resilience"],
    resourceTypes: [LB],
    remediation: "Set enableCrossZoneLoadBalancing: true on network load balancers (inter-zone data is charged).",
    url: "https://docs.aws.amazon.com/elasticloadbalancing/latest/network/network-load-balancers.html#cross-zone-load-balancing",
    check(r, _config, report) {
        const kind = str(r.props.loadBalancerType);
        if (kind === UNKNOWN) return report.unknown("whether this is a network load balancer", "loadBalancerType");
        if (kind !== "network") return;
        checkFlagOn(r.props, report, ["enableCrossZoneLoadBalancing"], false, {
            what: "whether traffic crosses zones",
            problem: "so a zone whose targets are unhealthy still receives its share of connections",
            fix: "Set enableCrossZoneLoadBalancing: true.",
        });
    },
}), {
    behaviour: "Cross-zone load balancing is off by default for Network Load Balancers (always on for Application Load Balancers).",
    source: "https://docs.aws.amazon.com/elasticloadbalancing/latest/network/network-load-balancers.html#cross-zone-load-balancing",
    checked: "2026-12-04",
});
