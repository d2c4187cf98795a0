import { requireFlag } from "../lib/checks";
import { resourcePolicy } from "../lib/policy";
import { str, UNKNOWN } from "../lib/values";
import { ELB_DOCS } from "./shared";

const LOAD_BALANCER_TYPES = ["aws:lb/loadBalancer:LoadBalancer", "aws:alb/loadBalancer:LoadBalancer"];

export const albDropInvalidHeaderFields = resourcePolicy({
    name: "lb-alb-drop-invalid-header-fields",
    description: "Application load balancers drop HTTP headers with invalid fields (request-smuggling defence).",
    severity: "medium",
    // AWS's own default for this setting is the weaker one, so a plan that says nothing keeps the
    // default rather than weakening it: mandatory only where a stack config asks (policies/config/).
    enforcementLevel: "advisory",
    frameworks: [{ framework: "fsbp", control: "ELB.4" }],
    topics: ["network"],
    resourceTypes: LOAD_BALANCER_TYPES,
    remediation: "Set dropInvalidHeaderFields: true.",
    url: ELB_DOCS,
    check(r, _config, report) {
        const type = str(r.props.loadBalancerType);
        if (type === UNKNOWN) return report.unknown("whether invalid headers are dropped", "loadBalancerType");
        if ((type ?? "application") !== "application") return;
        requireFlag(r.props, ["dropInvalidHeaderFields"], report, {
            what: "whether invalid headers are dropped",
            problem: "so requests with malformed headers reach the targets (an HTTP desync / request-smuggling vector)",
            fix: "Set dropInvalidHeaderFields: true.",
        });
    },
});
