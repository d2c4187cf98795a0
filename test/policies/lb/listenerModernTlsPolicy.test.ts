import * as assert from "node:assert/strict";
import { listenerModernTlsPolicy } from "../../../policies/lb/listenerModernTlsPolicy";
import { res, T } from "../helpers/fixtures";
import { advisory, details, runResource, UNKNOWN } from "../helpers/server";

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
