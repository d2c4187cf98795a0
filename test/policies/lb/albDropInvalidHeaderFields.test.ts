import * as assert from "node:assert/strict";
import { albDropInvalidHeaderFields } from "../../../policies/lb/albDropInvalidHeaderFields";
import { res, T } from "../helpers/fixtures";
import { details, runResource } from "../helpers/server";

describe("lb-alb-drop-invalid-header-fields", () => {
    it("accepts an ALB that drops invalid headers", () => {
        assert.deepEqual(runResource(albDropInvalidHeaderFields, res(T.loadBalancer, "alb", { loadBalancerType: "application", dropInvalidHeaderFields: true })), []);
    });
    it("ignores network load balancers", () => {
        assert.deepEqual(runResource(albDropInvalidHeaderFields, res(T.loadBalancer, "nlb", { loadBalancerType: "network" })), []);
    });
    it("flags an ALB (the default type) that keeps invalid headers", () => {
        assert.deepEqual(details(runResource(albDropInvalidHeaderFields, res(T.albLoadBalancer, "alb", {}))),
            ["alb: dropInvalidHeaderFields is not set, so requests with malformed headers reach the targets (an HTTP desync / request-smuggling vector). Set dropInvalidHeaderFields: true."]);
    });
});
