import * as assert from "node:assert/strict";
import { albDropInvalidHeaderFields } from "../../policies/lb/albDropInvalidHeaderFields";
import { listenerHttpsOrRedirect } from "../../policies/lb/listenerHttpsOrRedirect";
import { listenerModernTlsPolicy } from "../../policies/lb/listenerModernTlsPolicy";
import { res, T } from "./helpers/fixtures";
import { advisory, details, runResource, UNKNOWN } from "./helpers/server";

const REDIRECT = { type: "redirect", redirect: { protocol: "HTTPS", port: "443", statusCode: "HTTP_301" } };
const FORWARD = { type: "forward", targetGroupArn: UNKNOWN };
const FIX = "Make the HTTP listener only redirect: { type: \"redirect\", redirect: { protocol: \"HTTPS\", port: \"443\", statusCode: \"HTTP_301\" } }.";

describe("lb-listener-https-or-redirect", () => {
    it("accepts an HTTP listener that only redirects to HTTPS", () => {
        assert.deepEqual(runResource(listenerHttpsOrRedirect, res(T.listener, "http", { port: 80, protocol: "HTTP", defaultActions: [REDIRECT] })), []);
    });
    it("ignores HTTPS and TCP (NLB passthrough) listeners", () => {
        assert.deepEqual(runResource(listenerHttpsOrRedirect, res(T.listener, "https", { port: 443, protocol: "HTTPS", defaultActions: [FORWARD] })), []);
        assert.deepEqual(runResource(listenerHttpsOrRedirect, res(T.listener, "tls", { port: 443, protocol: "TCP", defaultActions: [FORWARD] })), []);
    });
    it("flags an HTTP listener that forwards", () => {
        assert.deepEqual(details(runResource(listenerHttpsOrRedirect, res(T.listener, "http", { port: 80, protocol: "HTTP", defaultActions: [FORWARD] }))),
            [`http: defaultActions[0] (forward) on a plain-HTTP listener serves traffic unencrypted. ${FIX}`]);
    });
    it("flags a forwarding listener whose protocol defaults to HTTP, in the aws.alb spelling", () => {
        assert.match(details(runResource(listenerHttpsOrRedirect, res(T.albListener, "http", { port: 80, defaultActions: [FORWARD] })))[0], /\(protocol defaults to HTTP\)/);
    });
    it("flags a redirect that stays on HTTP", () => {
        assert.deepEqual(details(runResource(listenerHttpsOrRedirect, res(T.listener, "http", { protocol: "HTTP", defaultActions: [{ type: "redirect", redirect: { port: "8080", statusCode: "HTTP_302" } }] }))),
            [`http: defaultActions[0] redirects to the same protocol (HTTP), not HTTPS. ${FIX}`]);
    });
    it("notes unknown actions", () => {
        assert.equal(advisory(runResource(listenerHttpsOrRedirect, res(T.listener, "http", { protocol: "HTTP", defaultActions: UNKNOWN }))).length, 1);
    });
});

describe("lb-listener-modern-tls-policy", () => {
    it("accepts TLS 1.2+ policies on HTTPS and TLS listeners", () => {
        for (const sslPolicy of ["ELBSecurityPolicy-TLS13-1-2-2021-06", "ELBSecurityPolicy-TLS13-1-3-2021-06", "ELBSecurityPolicy-FS-1-2-Res-2020-10"]) {
            assert.deepEqual(runResource(listenerModernTlsPolicy, res(T.listener, "https", { protocol: "HTTPS", sslPolicy })), [], sslPolicy);
        }
        assert.deepEqual(runResource(listenerModernTlsPolicy, res(T.listener, "nlb", { protocol: "TLS", sslPolicy: "ELBSecurityPolicy-TLS13-1-2-2021-06" })), []);
    });
    it("ignores plain HTTP and TCP listeners", () => {
        assert.deepEqual(runResource(listenerModernTlsPolicy, res(T.listener, "tcp", { protocol: "TCP" })), []);
    });
    it("flags an HTTPS listener without a policy (AWS's 2016 default)", () => {
        assert.deepEqual(details(runResource(listenerModernTlsPolicy, res(T.listener, "https", { protocol: "HTTPS", certificateArn: UNKNOWN }))),
            ["https: sslPolicy is not set, so AWS applies ELBSecurityPolicy-2016-08, which still accepts TLS 1.0 and 1.1. Set sslPolicy to ELBSecurityPolicy-TLS13-1-2-2021-06."]);
    });
    it("flags policies that accept TLS below 1.2", () => {
        for (const sslPolicy of ["ELBSecurityPolicy-2016-08", "ELBSecurityPolicy-TLS13-1-1-2021-06"]) {
            assert.match(details(runResource(listenerModernTlsPolicy, res(T.albListener, "https", { protocol: "HTTPS", sslPolicy })))[0], /accepts protocol versions or ciphers older than TLS 1\.2/, sslPolicy);
        }
    });
    it("notes an unknown policy", () => {
        assert.equal(advisory(runResource(listenerModernTlsPolicy, res(T.listener, "https", { protocol: "HTTPS", sslPolicy: UNKNOWN }))).length, 1);
    });
});

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
