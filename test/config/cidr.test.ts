import * as assert from "node:assert/strict";
import { canonicalCidr, cidrSyntaxProblem, hasHostBits, parseCidr, sizeExponent } from "../../components/lib/cidr";

describe("cidr", () => {
    it("parses IPv4 and IPv6 CIDRs", () => {
        assert.deepEqual(parseCidr("10.0.0.0/16")?.prefix, 16);
        assert.equal(parseCidr("10.0.0.0/16")?.version, 4);
        assert.equal(parseCidr("2001:db8::/32")?.version, 6);
        assert.equal(parseCidr("::/0")?.prefix, 0);
        assert.equal(parseCidr("::1/128")?.value, 1n);
    });

    it("rejects malformed input", () => {
        for (const text of ["10.0.0.0", "10.0.0/8", "256.0.0.0/8", "10.0.0.0/33", "2001:db8:::/32", "1:2:3:4:5:6:7:8:9/64", "01.2.3.4/32", "x/1", ""]) {
            assert.equal(parseCidr(text), undefined, text);
        }
    });

    it("detects host bits and gives the canonical network", () => {
        const c = parseCidr("203.0.113.10/24")!;
        assert.equal(hasHostBits(c), true);
        assert.equal(canonicalCidr(c), "203.0.113.0/24");
        assert.equal(hasHostBits(parseCidr("203.0.113.0/24")!), false);
        assert.equal(canonicalCidr(parseCidr("2001:db8::1/48")!), "2001:db8::/48");
    });

    it("follows the provider's contract: no whitespace, no leading zeros, no zone, no IPv4-mapped address", () => {
        for (const text of [" 10.0.0.0/8", "10.0.0.0/8 ", "010.0.0.0/8", "fe80::1%eth0/64", "::ffff:10.0.0.0/104", "::ffff:0:0/96", "10.0.0.0/+8"]) {
            assert.equal(parseCidr(text), undefined, text);
        }
        assert.equal(canonicalCidr(parseCidr("64:ff9b::192.0.2.0/96")!), "64:ff9b::/96");
        assert.equal(canonicalCidr(parseCidr("10.0.0.0/08")!), "10.0.0.0/8");
        assert.equal(canonicalCidr(parseCidr("2001:DB8:0:0:1:0:0:1/128")!), "2001:db8::1:0:0:1/128");
    });

    it("explains a refusal in words a config message can end with", () => {
        assert.equal(cidrSyntaxProblem("10.0.0.0/8"), undefined);
        assert.match(cidrSyntaxProblem("10.0.0.0/8 ")!, /whitespace/);
        assert.match(cidrSyntaxProblem("010.0.0.0/8")!, /leading zero/);
        assert.match(cidrSyntaxProblem("10.0.0.0/x")!, /not a decimal number/);
        assert.match(cidrSyntaxProblem("::/129")!, /at most \/128/);
        assert.match(cidrSyntaxProblem("1::2::3/64")!, /:: at most once/);
    });

    it("measures the size of a range", () => {
        assert.equal(sizeExponent(parseCidr("10.0.0.0/16")!), 16);
        assert.equal(sizeExponent(parseCidr("2001:db8::/48")!), 80);
    });
});
