import * as assert from "node:assert/strict";
import { listenerHttpsOrRedirect } from "../../../policies/lb/listenerHttpsOrRedirect";
import { res, T } from "../helpers/fixtures";
import { advisory, details, runResource, UNKNOWN } from "../helpers/server";

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
