import { withAwsDefault } from "../lib/awsdefault";
import { resourcePolicy } from "../lib/policy";
import { checkSetting } from "../lib/settings";

const TG = "aws:lb/targetGroup:TargetGroup";
const ALBTG = "aws:alb/targetGroup:TargetGroup";

export const targetGroupNoPlainHttp = withAwsDefault(resourcePolicy({
    name: "lb-target-group-no-plain-http",
    description: "Target groups reach their targets over HTTPS (or TCP/TLS pass-through), not plain HTTP, so traffic stays encrypted inside the VPC.",
    severity: "low",
    enforcementLevel: "advisory",
    frameworks: [],
    topics: ["encryption", "network"],
    resourceTypes: [TG, ALBTG],
    remediation: "Set protocol: \"HTTPS\" and serve TLS on the target, or accept plain HTTP inside the VPC with an exemption naming why.",
    url: "https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-target-groups.html#target-group-routing-configuration",
    check(r, _config, report) {
        checkSetting(r.props, report, {
            path: ["protocol"], kind: "string", absent: undefined,
            accept: (protocol) => protocol.toUpperCase() !== "HTTP",
            what: "how the load balancer reaches its targets",
            problem: "so requests travel unencrypted from the load balancer to the targets",
            fix: "Set protocol: \"HTTPS\" and serve TLS on the targets.",
        });
    },
}), {
    behaviour: "Target groups use the protocol they are created with; the provider has no default and HTTP is the common choice.",
    source: "https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-target-groups.html#target-group-routing-configuration",
    checked: "2026-12-04",
});
