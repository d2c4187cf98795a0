/**
 * Load balancer ↔ web ACL association: an internet-facing Application Load Balancer is judged
 * with the aws.wafv2.WebAclAssociation resources that name it. Internal load balancers and NLBs
 * (which WAF cannot inspect) are left alone.
 */
import { withAwsDefault } from "../lib/awsdefault";
import type { StackResource } from "../lib/graph";
import { stackPolicy } from "../lib/policy";
import { requireSide } from "../lib/sides";
import { bool, str, UNKNOWN } from "../lib/values";

const LOAD_BALANCERS = ["aws:lb/loadBalancer:LoadBalancer", "aws:alb/loadBalancer:LoadBalancer"];
const WEB_ACL_ASSOCIATION = "aws:wafv2/webAclAssociation:WebAclAssociation";
const WAF_DOCS = "https://docs.aws.amazon.com/waf/latest/developerguide/waf-chapter.html";

/** "yes" for an internet-facing ALB, "no" for internal or non-application load balancers, UNKNOWN while undecidable. */
function publicAlb(lb: StackResource): "yes" | "no" | typeof UNKNOWN {
    const kind = str(lb.props.loadBalancerType);
    const internal = bool(lb.props.internal);
    if (kind !== undefined && kind !== UNKNOWN && kind !== "application") return "no";
    if (internal === true) return "no";
    if (kind === UNKNOWN || internal === UNKNOWN) return UNKNOWN;
    return "yes";
}

export const loadBalancerWebAclRequired = withAwsDefault(stackPolicy({
    name: "lb-load-balancer-web-acl-required",
    description: "An internet-facing Application Load Balancer is associated with a WAF web ACL (aws.wafv2.WebAclAssociation whose resourceArn is the load balancer).",
    severity: "medium",
    enforcementLevel: "advisory",
    frameworks: [],
    topics: ["network"],
    resourceTypes: [...LOAD_BALANCERS, WEB_ACL_ASSOCIATION],
    remediation: "Add an aws.wafv2.WebAclAssociation with resourceArn set to the load balancer's arn and webAclArn set to a REGIONAL web ACL with managed rule groups and a rate limit.",
    url: WAF_DOCS,
    check(stack, _config, report) {
        const albs: StackResource[] = [];
        for (const lb of stack.ofType(LOAD_BALANCERS)) {
            const verdict = publicAlb(lb);
            if (verdict === "yes") albs.push(lb);
            else if (verdict === UNKNOWN) report.unknown(lb, "whether it is an internet-facing Application Load Balancer that needs a web ACL", bool(lb.props.internal) === UNKNOWN ? "internal" : "loadBalancerType");
        }
        requireSide(stack, report, {
            targets: albs,
            sideTypes: [WEB_ACL_ASSOCIATION], key: "resourceArn", targetTypes: LOAD_BALANCERS, identityKeys: ["arn"],
            what: () => "whether the load balancer has a web ACL",
            missing: () => "is an internet-facing Application Load Balancer with no web ACL (no aws.wafv2.WebAclAssociation names it), so every request from the internet reaches the targets uninspected: no managed rules, no rate limit. "
                + "Add an aws.wafv2.WebAclAssociation with resourceArn set to this load balancer's arn and a REGIONAL web ACL.",
        });
    },
}), {
    behaviour: "A new load balancer has no web ACL; WAF inspects its requests only once a web ACL is associated with it.",
    source: "https://docs.aws.amazon.com/waf/latest/developerguide/web-acl-associating-aws-resource.html",
    checked: "2026-12-04",
});
