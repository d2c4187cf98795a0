import * as assert from "node:assert/strict";
import { WEB_ACL_ASSOCIATION, webAclNotOnNetworkLoadBalancer } from "../../../policies/wafv2/webAclNotOnNetworkLoadBalancer";
import { res } from "../helpers/fixtures";
import { advisory, details, runStack, UNKNOWN } from "../helpers/server";

describe("wafv2-web-acl-not-on-network-load-balancer", () => {
    const LB = "aws:lb/loadBalancer:LoadBalancer";
    const association = (props: Record<string, unknown>, lb?: string) =>
        res(WEB_ACL_ASSOCIATION, "waf-assoc", { webAclArn: "arn:aws:wafv2:us-east-1:123456789012:regional/webacl/a/1", ...props }, lb !== undefined ? { propertyDependencies: { resourceArn: [lb] } } : {});

    it("accepts an association with an Application Load Balancer (known while planning, or linked)", () => {
        assert.deepEqual(runStack(webAclNotOnNetworkLoadBalancer, [
            res(LB, "alb", { loadBalancerType: "application" }),
            association({ resourceArn: UNKNOWN }, "alb"),
        ]), []);
        assert.deepEqual(runStack(webAclNotOnNetworkLoadBalancer, [
            association({ resourceArn: "arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/web/50dc6c495c0c9188" }),
        ]), []);
    });

    it("flags an association with an NLB of the stack, whose ARN is unknown during preview, and says to use an ALB", () => {
        const [message] = details(runStack(webAclNotOnNetworkLoadBalancer, [
            res(LB, "mtls-nlb", { loadBalancerType: "network" }),
            association({ resourceArn: UNKNOWN }, "mtls-nlb"),
        ]));
        assert.match(message, /^waf-assoc: associates a web ACL with the Network Load Balancer mtls-nlb\. WAF inspects HTTP requests/);
        assert.match(message, /put an Application Load Balancer/);
    });

    it("flags a known NLB ARN from outside the stack", () => {
        assert.equal(details(runStack(webAclNotOnNetworkLoadBalancer, [
            association({ resourceArn: "arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/net/mtls/50dc6c495c0c9188" }),
        ])).length, 1);
    });

    it("notes a linked load balancer whose type is unknown, and ignores associations with other resources", () => {
        assert.equal(advisory(runStack(webAclNotOnNetworkLoadBalancer, [
            res(LB, "lb", { loadBalancerType: UNKNOWN }),
            association({ resourceArn: UNKNOWN }, "lb"),
        ])).length, 1);
        assert.deepEqual(runStack(webAclNotOnNetworkLoadBalancer, [
            association({ resourceArn: "arn:aws:apigateway:us-east-1::/restapis/a1b2c3/stages/prod" }),
        ]), []);
    });

    it("does not crash on an association without resourceArn", () => {
        assert.deepEqual(runStack(webAclNotOnNetworkLoadBalancer, [association({})]), []);
    });
});
