import * as assert from "node:assert/strict";
import { contains, describeSource, exposure, exposureOf, parseCidr, parseSource, size } from "../../../policies/lib/cidr";

function cidr(text: string) {
    const c = parseCidr(text);
    if (c === undefined) throw new Error(`bad test CIDR ${text}`);
    return c;
}

describe("policies/lib/cidr", () => {
    it("parses IPv4 blocks and clears host bits", () => {
        const c = cidr("10.1.2.3/16");
        assert.equal(c.version, 4);
        assert.equal(c.prefix, 16);
        assert.equal(c.base, (10n << 24n) | (1n << 16n));
    });

    it("refuses a bare address, as the provider's CIDR fields do; its exposure stays that of one host", () => {
        // Was: parsed as a /32 and a /128 (the program's parser refused them).
        assert.equal(parseCidr("203.0.113.10"), undefined);
        assert.equal(parseCidr("2001:db8::1"), undefined);
        assert.equal(exposureOf("203.0.113.10"), "restricted");
    });

    it("parses IPv6 with ::, full form and an embedded IPv4 tail", () => {
        assert.equal(cidr("::/0").base, 0n);
        assert.equal(cidr("0:0:0:0:0:0:0:0/0").base, 0n);
        assert.equal(cidr("64:ff9b::1.2.3.4/128").base, (0x64n << 112n) | (0xff9bn << 96n) | 0x01020304n);
        assert.equal(cidr("::1.2.3.4/128").base, 0x01020304n);
        assert.equal(cidr("2001:db8::/32").base, 0x20010db8n << 96n);
    });

    it("refuses an IPv4-mapped block, but reads it as the IPv4 block it maps when judging a source", () => {
        // Was: parsed as the IPv6 block ::ffff:1.2.3.4/128 (the program's parser refused it).
        assert.equal(parseCidr("::ffff:1.2.3.4/128"), undefined);
        assert.deepEqual([parseSource("::ffff:1.2.3.4/128")?.version, parseSource("::ffff:1.2.3.4/128")?.prefix], [4, 32]);
        assert.equal(exposureOf("::ffff:0.0.0.0/96"), "world");
        assert.equal(exposureOf("::ffff:0:0/97"), "internet-wide");
        assert.equal(describeSource("::ffff:0:0/96"), "::ffff:0:0/96 (the whole IPv4 internet)");
        assert.equal(parseSource("::ffff:0:0/95"), undefined);
    });

    it("rejects malformed blocks", () => {
        for (const bad of ["", "1.2.3/8", "256.0.0.0/8", "1.2.3.4/33", "::/129", "1::2::3/64", "1.2.3.4/x", "g::/8"]) {
            assert.equal(parseCidr(bad), undefined, bad);
        }
    });

    it("counts addresses and tests containment", () => {
        assert.equal(size(cidr("10.0.0.0/8")), 1n << 24n);
        assert.equal(contains(cidr("10.0.0.0/8"), cidr("10.2.0.0/16")), true);
        assert.equal(contains(cidr("10.2.0.0/16"), cidr("10.0.0.0/8")), false);
        assert.equal(contains(cidr("10.0.0.0/8"), cidr("::/0")), false);
    });

    it("classifies 0.0.0.0/0, ::/0 and their other spellings as the world", () => {
        for (const w of ["0.0.0.0/0", "::/0", "0::/0", " 0.0.0.0/0 ", "10.0.0.0/0"]) assert.equal(exposureOf(w), "world", w);
    });

    it("classifies halves and other internet-wide ranges as internet-wide", () => {
        for (const w of ["0.0.0.0/1", "128.0.0.0/1", "3.0.0.0/8", "2000::/3", "2600::/12"]) assert.equal(exposureOf(w), "internet-wide", w);
    });

    it("keeps private, loopback and narrow public ranges restricted", () => {
        for (const r of ["10.0.0.0/8", "127.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "203.0.113.10/32", "3.0.0.0/9", "fc00::/7", "2001:db8::/32"]) {
            assert.equal(exposureOf(r), "restricted", r);
        }
    });

    it("treats text that is not a CIDR as restricted (AWS rejects it)", () => {
        assert.equal(exposureOf("anywhere"), "restricted");
    });

    it("describes world and internet-wide sources for messages", () => {
        assert.equal(describeSource("0.0.0.0/0"), "0.0.0.0/0 (the whole IPv4 internet)");
        assert.equal(describeSource("::/0"), "::/0 (the whole IPv6 internet)");
        assert.equal(describeSource("0.0.0.0/1"), "0.0.0.0/1 (an internet-wide range of 2^31 addresses)");
        assert.equal(describeSource("10.0.0.0/8"), "10.0.0.0/8");
        assert.equal(exposure(cidr("3.0.0.0/8")), "internet-wide");
    });
});
