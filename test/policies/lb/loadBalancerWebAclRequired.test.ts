import * as assert from "node:assert/strict";
import { loadBalancerWebAclRequired as policy } from "../../../policies/lb/loadBalancerWebAclRequired";
import { res, T } from "../helpers/fixtures";
import { runStack, UNKNOWN } from "../helpers/server";

const ASSOCIATION = "aws:wafv2/webAclAssociation:WebAclAssociation";
const associate = (name: string, lb: string) => res(ASSOCIATION, name, { resourceArn: UNKNOWN, webAclArn: UNKNOWN }, { propertyDependencies: { resourceArn: [lb] } });

describe("lb-load-balancer-web-acl-required", () => {
    it("accepts an internet-facing ALB with a web ACL association (preview link or known arn)", () => {
        assert.deepEqual(runStack(policy, [res(T.loadBalancer, "web", { loadBalancerType: "application", internal: false }), associate("web-waf", "web")]), []);
        const arn = "arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/web/1";
        assert.deepEqual(runStack(policy, [res(T.albLoadBalancer, "web", { arn }), res(ASSOCIATION, "a", { resourceArn: arn, webAclArn: "arn:aws:wafv2:x" })]), []);
    });
    it("flags an internet-facing ALB (type and internal left to their defaults) without one", () => {
        const diags = runStack(policy, [res(T.loadBalancer, "web", {})]);
        assert.equal(diags.length, 1);
        assert.match(diags[0].detail, /^web: is an internet-facing Application Load Balancer with no web ACL/);
        assert.equal(diags[0].enforcementLevel, "advisory");
    });
    it("leaves internal load balancers and NLBs alone (the listener on an internal LB is not internet-facing)", () => {
        assert.deepEqual(runStack(policy, [
            res(T.loadBalancer, "internal", { loadBalancerType: "application", internal: true }),
            res(T.loadBalancer, "mtls", { loadBalancerType: "network" }),
        ], { level: "mandatory" }), []);
    });
    it("notes, never fails, what is unknown during preview", () => {
        const unknownKind = runStack(policy, [res(T.loadBalancer, "web", { internal: UNKNOWN })], { level: "mandatory" });
        assert.deepEqual(unknownKind.map((d) => d.enforcementLevel), ["advisory"]);
        assert.match(unknownKind[0].detail, /^web: internal is not known during preview/);
        const unlinked = runStack(policy, [res(T.loadBalancer, "web", {}), res(ASSOCIATION, "a", { resourceArn: UNKNOWN }, { propertyDependencies: { resourceArn: [] } })], { level: "mandatory" });
        assert.deepEqual(unlinked.map((d) => d.enforcementLevel), ["advisory"]);
    });
});
