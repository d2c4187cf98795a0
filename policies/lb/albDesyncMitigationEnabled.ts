import { withAwsDefault } from "../lib/awsdefault";
import { resourcePolicy } from "../lib/policy";
import { checkSetting } from "../lib/settings";
import { UNKNOWN, str } from "../lib/values";

const LB = "aws:lb/loadBalancer:LoadBalancer";
const ALB = "aws:alb/loadBalancer:LoadBalancer";

export const albDesyncMitigationEnabled = withAwsDefault(resourcePolicy({
    name: "lb-alb-desync-mitigation-enabled",
    description: "Application load balancers mitigate HTTP desync (request smuggling) in defensive or strictest mode, never monitor.",
    severity: "medium",
    enforcementLevel: "advisory",
    frameworks: [{ framework: "fsbp", control: "ELB.12" }],
    topics: ["network"],
    resourceTypes: [LB, ALB],
    remediation: "Leave desyncMitigationMode out (defensive) or set \"defensive\" or \"strictest\".",
    url: "https://docs.aws.amazon.com/elasticloadbalancing/latest/application/application-load-balancers.html#desync-mitigation-mode",
    check(r, _config, report) {
        const kind = str(r.props.loadBalancerType);
        if (kind === UNKNOWN) return report.unknown("whether this is an application load balancer", "loadBalancerType");
        if (kind !== undefined && kind !== "application") return;
        checkSetting(r.props, report, {
            path: ["desyncMitigationMode"], kind: "string", absent: "defensive",
            accept: (mode) => ["defensive", "strictest"].includes(mode.toLowerCase()),
            what: "how the load balancer handles ambiguous requests",
            problem: "so requests that could smuggle a second request reach the targets",
            fix: "Set desyncMitigationMode: \"defensive\" (or \"strictest\").",
        });
    },
}), {
    behaviour: "Application Load Balancers use desync mitigation mode defensive unless another mode is set.",
    source: "https://docs.aws.amazon.com/elasticloadbalancing/latest/application/application-load-balancers.html#desync-mitigation-mode",
    checked: "2026-12-04",
});
