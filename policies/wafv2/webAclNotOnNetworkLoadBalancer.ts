import { stackPolicy } from "../lib/policy";
import { str, UNKNOWN } from "../lib/values";

export const WEB_ACL_ASSOCIATION = "aws:wafv2/webAclAssociation:WebAclAssociation";
const LOAD_BALANCERS = ["aws:lb/loadBalancer:LoadBalancer", "aws:alb/loadBalancer:LoadBalancer"];

/** Load balancer ARNs name their kind: `loadbalancer/app/...`, `loadbalancer/net/...`, `loadbalancer/gwy/...`. */
const NETWORK_LB_ARN = /:loadbalancer\/net\//;

const NLB_FIX = "WAF inspects HTTP requests, and an NLB passes TCP (or TLS) through without parsing them, so AWS rejects the association and nothing would be inspected. "
    + "Where WAF is required, put an Application Load Balancer (or API Gateway / CloudFront) in front and associate the web ACL with that; keep the NLB for TCP passthrough such as mTLS.";

export const webAclNotOnNetworkLoadBalancer = stackPolicy({
    name: "wafv2-web-acl-not-on-network-load-balancer",
    description: "No web ACL is associated with a Network Load Balancer (WAF cannot inspect TCP/TLS passthrough; use an ALB where WAF is required).",
    severity: "medium",
    enforcementLevel: "mandatory",
    frameworks: [],
    topics: ["network"],
    resourceTypes: [WEB_ACL_ASSOCIATION, ...LOAD_BALANCERS],
    remediation: "Associate the web ACL with an Application Load Balancer, API Gateway stage or CloudFront distribution in front of the service.",
    url: "https://docs.aws.amazon.com/waf/latest/developerguide/waf-chapter.html",
    check(stack, _config, report) {
        for (const association of stack.ofType([WEB_ACL_ASSOCIATION])) {
            const arn = str(association.props.resourceArn);
            if (typeof arn === "string" && NETWORK_LB_ARN.test(arn)) {
                report.violation(association, `associates a web ACL with the Network Load Balancer ${arn}. ${NLB_FIX}`);
                continue;
            }
            const target = stack.target(association, "resourceArn", LOAD_BALANCERS, ["arn"]);
            if (target.kind !== "resolved") continue;
            for (const lb of target.resources) {
                const kind = str(lb.props.loadBalancerType);
                if (kind === "network") report.violation(association, `associates a web ACL with the Network Load Balancer ${lb.name}. ${NLB_FIX}`);
                else if (kind === UNKNOWN) report.unknown(association, `whether ${lb.name} is a Network Load Balancer`, "resourceArn");
            }
        }
    },
});
