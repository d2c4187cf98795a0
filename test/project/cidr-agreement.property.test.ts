// One CIDR contract (STYLE.md, "Layers and one-of-each"): the program's parser
// (components/lib/cidr.ts, used by the config and the security-group rule specs), the policy
// pack's (policies/lib/cidr.ts, which cannot import it: the pack is published on its own) and the
// mocks' IPv4 parser (tools/mocks/cidr.ts) give the same verdict and the same network for any
// text. The contract is what the AWS provider accepts at preview (Go's net.ParseCIDR, IPv6 blocks
// with an IPv4 form refused); the table pins each case where the three parsers used to disagree.
import * as assert from "node:assert/strict";
import fc from "fast-check";
import * as program from "../../components/lib/cidr";
import * as mocks from "../../tools/mocks/cidr";
import * as pack from "../../policies/lib/cidr";

const SEED = 20_260_821;
const RUNS = 5_000;

/** What each parser makes of a text, in one comparable shape ("refused" or the canonical network). */
function verdicts(text: string): { program: string; pack: string; mocks: string } {
    const a = program.parseCidr(text);
    const b = pack.parseCidr(text);
    let m: string;
    try {
        const c = mocks.parseCidr(text);
        m = `${mocks.formatCidr(c)}`;
    } catch {
        m = "refused";
    }
    const show = (c: program.Cidr | pack.Cidr | undefined, canonical: string | undefined) =>
        c === undefined ? "refused" : `v${c.version} ${canonical} value=${c.value} base=${c.base} hostBits=${String(c.value !== c.base)}`;
    return {
        program: show(a, a && program.canonicalCidr(a)),
        pack: show(b, b && pack.canonicalCidr(b)),
        mocks: m,
    };
}

/**
 * The contract written out from its grammar without ipaddr.js (RFC 4291 text form, Go's rules:
 * decimal octets without leading zeros, one "::" standing for at least one group, a dotted tail,
 * no zone, IPv4-mapped refused): the oracle that the parsers' use of the library holds to.
 */
function reference(text: string): { version: 4 | 6; prefix: number; value: bigint } | undefined {
    const m = /^([^/]*)\/(\d+)$/.exec(text);
    if (!m) return undefined;
    const [, address, prefixText] = m;
    const prefix = Number(prefixText);
    const ipv4 = (s: string): bigint | undefined => {
        const octets = s.split(".");
        if (octets.length !== 4 || !octets.every((o) => /^(0|[1-9]\d{0,2})$/.test(o) && Number(o) <= 255)) return undefined;
        return octets.reduce((acc, o) => (acc << 8n) | BigInt(o), 0n);
    };
    if (!address.includes(":")) {
        const value = ipv4(address);
        return value === undefined || prefix > 32 ? undefined : { version: 4, prefix, value };
    }
    let body = address;
    const tail: bigint[] = [];
    const dotted = /^(.*:)([^:]*\.[^:]*)$/.exec(address);
    if (dotted) {
        const v4 = ipv4(dotted[2]);
        if (v4 === undefined) return undefined;
        tail.push(v4 >> 16n, v4 & 0xffffn);
        body = dotted[1].endsWith("::") ? dotted[1] : dotted[1].slice(0, -1);
    }
    const halves = body.split("::");
    if (halves.length > 2) return undefined;
    const groupsOf = (s: string) => (s === "" ? [] : s.split(":"));
    const head = groupsOf(halves[0]);
    const rest = halves.length === 2 ? groupsOf(halves[1]) : [];
    if (![...head, ...rest].every((g) => /^[0-9a-fA-F]{1,4}$/.test(g))) return undefined;
    const count = head.length + rest.length + tail.length;
    if (halves.length === 1 ? count !== 8 : count > 7) return undefined;
    const hex = (g: string) => BigInt(parseInt(g, 16));
    const groups = [...head.map(hex), ...Array<bigint>(8 - count).fill(0n), ...rest.map(hex), ...tail];
    const value = groups.reduce((acc, g) => (acc << 16n) | g, 0n);
    if (value >> 32n === 0xffffn || prefix > 128) return undefined;
    return { version: 6, prefix, value };
}

function agreesWithReference(text: string): void {
    const a = program.parseCidr(text);
    const r = reference(text);
    assert.deepEqual(a && { version: a.version, prefix: a.prefix, value: a.value }, r, `reference: ${JSON.stringify(text)}`);
}

describe("one CIDR contract: the cases where the three parsers disagreed", () => {
    // [text, canonical network or undefined when refused, what the old parsers did]
    const cases: [string, string | undefined, string][] = [
        ["010.0.0.0/8", undefined, "config refused; pack read 10.0.0.0/8; mocks read 10.0.0.0/8; ipaddr.js alone reads octal 8.0.0.0/8"],
        ["10.0.0.010/32", undefined, "config refused; pack and mocks read 10.0.0.10/32"],
        [" 10.0.0.0/8", undefined, "all three trimmed and accepted; the provider refuses it"],
        ["10.0.0.0/8\n", undefined, "all three trimmed and accepted"],
        ["203.0.113.10", undefined, "config refused; pack read 203.0.113.10/32"],
        ["::ffff:1.2.3.4/128", undefined, "config refused; pack read the IPv6 block"],
        ["::ffff:0:0/96", undefined, "config and pack accepted an IPv6 block the provider refuses"],
        ["fe80::1%eth0/64", undefined, "refused by both; ipaddr.js alone accepts zone ids"],
        ["10.0.0/8", undefined, "refused by all; ipaddr.js alone accepts three-part forms"],
        ["0x0a.0.0.0/8", undefined, "refused by all; ipaddr.js alone accepts hex octets"],
        ["10.0.0.0/33", undefined, "refused by all"],
        ["::/129", undefined, "refused by both"],
        ["10.0.0.0/0008", "10.0.0.0/8", "all refused four prefix digits; Go (and the provider) read /8"],
        ["10.0.0.0/08", "10.0.0.0/8", "accepted by all"],
        ["64:ff9b::1.2.3.4/96", "64:ff9b::/96", "config refused a dotted tail; pack accepted"],
        ["::1.2.3.4/128", "::102:304/128", "config refused; pack read ::102:304; ipaddr.js alone reads ::ffff:102:304"],
        ["2001:DB8::1/48", "2001:db8::/48", "accepted with host bits by both"],
        ["1:2:3:4:5:6:7::/112", "1:2:3:4:5:6:7:0/112", "accepted by both (:: standing for one group)"],
    ];
    for (const [text, canonical, before] of cases) {
        it(`${JSON.stringify(text)}: ${canonical === undefined ? "refused" : canonical} by every parser (before: ${before})`, () => {
            const v = verdicts(text);
            assert.equal(v.program, v.pack);
            agreesWithReference(text);
            if (canonical === undefined) {
                assert.equal(v.program, "refused");
            } else {
                assert.match(v.program, new RegExp(`^v[46] ${canonical.replace(/[.]/g, "\\.")} `));
            }
            const ipv4 = v.program.startsWith("v4 ");
            assert.equal(v.mocks, ipv4 ? canonical : "refused");
        });
    }
});

const hex = (n: number, upper: boolean, pad: boolean) => {
    const h = n.toString(16).padStart(pad ? 4 : 1, "0");
    return upper ? h.toUpperCase() : h;
};

const octet = fc.oneof(
    { weight: 8, arbitrary: fc.integer({ min: 0, max: 255 }).map(String) },
    { weight: 1, arbitrary: fc.integer({ min: 0, max: 255 }).map((n) => `0${n}`) },
    { weight: 1, arbitrary: fc.integer({ min: 256, max: 999 }).map(String) },
    { weight: 1, arbitrary: fc.integer({ min: 0, max: 255 }).map((n) => `0x${n.toString(16)}`) },
);

const ipv4 = fc.oneof(
    { weight: 8, arbitrary: fc.tuple(octet, octet, octet, octet).map((o) => o.join(".")) },
    { weight: 1, arbitrary: fc.array(octet, { minLength: 1, maxLength: 6 }).map((o) => o.join(".")) },
);

const ipv6 = fc.record({
    groups: fc.array(fc.integer({ min: 0, max: 0xffff }), { minLength: 8, maxLength: 8 }),
    // Bias towards zero runs so :: compression and zero-run canonical forms get exercised.
    zeros: fc.tuple(fc.nat(7), fc.nat(8)),
    compress: fc.boolean(),
    upper: fc.boolean(),
    pad: fc.boolean(),
    tail: fc.oneof({ weight: 4, arbitrary: fc.constant("none") }, { weight: 1, arbitrary: fc.constantFrom("dotted", "mapped", "compat", "zone", "extra", "long") }),
}).map(({ groups, zeros, compress, upper, pad, tail }) => {
    const g = groups.map((v, i) => (i >= zeros[0] && i < zeros[0] + zeros[1] ? 0 : v));
    if (tail === "mapped") g.splice(0, 6, 0, 0, 0, 0, 0, 0xffff);
    if (tail === "compat") g.splice(0, 6, 0, 0, 0, 0, 0, 0);
    let parts = g.map((v) => hex(v, upper, pad));
    if (tail === "dotted" || tail === "mapped" || tail === "compat") {
        parts = [...parts.slice(0, 6), `${g[6] >> 8}.${g[6] & 255}.${g[7] >> 8}.${g[7] & 255}`];
    }
    if (tail === "extra") parts.push(hex(g[0], upper, pad));
    if (tail === "long") parts[0] = `1${hex(g[0], upper, true)}`;
    // "::" in place of the chosen run (which may be empty or hold non-zero groups: both are refused).
    const text = compress
        ? `${parts.slice(0, zeros[0]).join(":")}::${parts.slice(Math.min(parts.length, zeros[0] + zeros[1])).join(":")}`
        : parts.join(":");
    return tail === "zone" ? `${text}%eth0` : text;
});

const prefix = fc.oneof(
    { weight: 10, arbitrary: fc.integer({ min: 0, max: 32 }).map(String) },
    { weight: 6, arbitrary: fc.integer({ min: 33, max: 128 }).map(String) },
    { weight: 1, arbitrary: fc.integer({ min: 129, max: 999 }).map(String) },
    { weight: 1, arbitrary: fc.integer({ min: 0, max: 128 }).map((n) => `0${n}`) },
    { weight: 1, arbitrary: fc.constantFrom("", "-1", "+8", "x", "8.0", "8/8", "١٢") },
);

const junk = fc.array(fc.constantFrom(..."0123456789abcdefABCDEF:./%x -\n\t".split("")), { maxLength: 24 }).map((c) => c.join(""));

const space = fc.constantFrom("", "", "", "", "", "", " ", "\t", "\n");

const cidrish = fc.oneof(
    { weight: 5, arbitrary: fc.tuple(ipv4, prefix).map(([a, p]) => `${a}/${p}`) },
    { weight: 5, arbitrary: fc.tuple(ipv6, prefix).map(([a, p]) => `${a}/${p}`) },
    { weight: 1, arbitrary: fc.oneof(ipv4, ipv6) },
    { weight: 2, arbitrary: junk },
    { weight: 1, arbitrary: fc.tuple(space, fc.oneof(ipv4, ipv6), prefix, space).map(([a, ip, p, b]) => `${a}${ip}/${p}${b}`) },
);

describe("one CIDR contract: the program's, the pack's and the mocks' parsers agree (property, fixed seed)", () => {
    it(`give the same verdict and the same network as the grammar for ${RUNS} generated CIDR-ish texts`, () => {
        const seen = { accepted: 0, refused: 0, ipv6: 0, hostBits: 0, mocks: 0 };
        fc.assert(fc.property(cidrish, (text) => {
            const v = verdicts(text);
            assert.equal(v.pack, v.program, JSON.stringify(text));
            agreesWithReference(text);
            const a = program.parseCidr(text);
            if (a === undefined) {
                seen.refused++;
            } else {
                seen.accepted++;
                if (a.version === 6) seen.ipv6++;
                if (program.hasHostBits(a)) seen.hostBits++;
                // The canonical form is itself a CIDR of the same network, without host bits.
                const again = program.parseCidr(program.canonicalCidr(a));
                assert.deepEqual([again?.base, again?.prefix, again && program.hasHostBits(again)], [a.base, a.prefix, false], JSON.stringify(text));
            }
            const ipv4 = a?.version === 4;
            if (ipv4) seen.mocks++;
            assert.equal(v.mocks, ipv4 ? program.canonicalCidr(a) : "refused", JSON.stringify(text));
        }), { seed: SEED, numRuns: RUNS, endOnFailure: true });
        // Not vacuous: both verdicts, both versions and host bits are well represented.
        assert.ok(seen.accepted > RUNS / 5 && seen.refused > RUNS / 5, JSON.stringify(seen));
        assert.ok(seen.ipv6 > RUNS / 20 && seen.hostBits > RUNS / 20 && seen.mocks > RUNS / 20, JSON.stringify(seen));
    });
});
