import * as assert from "node:assert/strict";
import { singleHostEgress, singleHostIngress } from "../../components/architectures/phase1/traffic";
import { expandRules } from "../../components/blocks/security/ruleSpecs";

/** A compact view of expanded rules: "tcp 443 0.0.0.0/0". */
function view(rules: ReturnType<typeof expandRules>): string[] {
    return rules.map((r) => `${r.ipProtocol} ${r.fromPort ?? "*"}${r.toPort !== r.fromPort ? `-${r.toPort}` : ""} ${r.cidrIpv4 ?? r.cidrIpv6 ?? `sg:${r.securityGroupKey}`}`);
}

describe("security rules: single host", () => {
    it("dev (no SSH CIDRs): 80, 443 and the app port from the world, and no port-22 rule at all", () => {
        const rules = expandRules(singleHostIngress({ appPort: 5000, appPortCidrs: ["0.0.0.0/0"], sshCidrs: [], ipv6: false }));
        assert.deepEqual(view(rules), ["tcp 80 0.0.0.0/0", "tcp 443 0.0.0.0/0", "tcp 5000 0.0.0.0/0"]);
        assert.ok(rules.every((r) => r.fromPort !== 22));
    });

    it("SSH is allowed only from each configured admin CIDR", () => {
        const rules = expandRules(singleHostIngress({ appPort: 8000, appPortCidrs: [], sshCidrs: ["203.0.113.10/32", "198.51.100.0/24"], ipv6: false }));
        assert.deepEqual(view(rules.filter((r) => r.fromPort === 22)), ["tcp 22 203.0.113.10/32", "tcp 22 198.51.100.0/24"]);
        assert.ok(rules.filter((r) => r.fromPort === 22).every((r) => r.description === "SSH from admin networks"));
    });

    it("prod (app port closed): only 80 and 443 from the world", () => {
        const rules = expandRules(singleHostIngress({ appPort: 5000, appPortCidrs: [], sshCidrs: [], ipv6: false }));
        assert.deepEqual(view(rules), ["tcp 80 0.0.0.0/0", "tcp 443 0.0.0.0/0"]);
    });

    it("IPv6 adds ::/0 for HTTP and HTTPS (seed 000's optional IPv6 rule)", () => {
        const rules = expandRules(singleHostIngress({ appPort: 8000, appPortCidrs: ["0.0.0.0/0", "::/0"], sshCidrs: [], ipv6: true }));
        assert.deepEqual(view(rules), [
            "tcp 80 0.0.0.0/0", "tcp 80 ::/0", "tcp 443 0.0.0.0/0", "tcp 443 ::/0", "tcp 8000 0.0.0.0/0", "tcp 8000 ::/0",
        ]);
    });

    it("egress allows only HTTPS and HTTP", () => {
        assert.deepEqual(view(expandRules(singleHostEgress(false, [443, 80]))), ["tcp 443 0.0.0.0/0", "tcp 80 0.0.0.0/0"]);
    });

    it("every rule has a description and a stable, unique key", () => {
        const rules = expandRules(singleHostIngress({ appPort: 8000, appPortCidrs: ["0.0.0.0/0"], sshCidrs: ["203.0.113.10/32"], ipv6: true }));
        assert.ok(rules.every((r) => r.description.length > 0));
        assert.equal(new Set(rules.map((r) => r.key)).size, rules.length);
        assert.ok(rules.some((r) => r.key === "tcp-22-203-0-113-10-32"));
    });
});

describe("security rules: expansion", () => {
    it("drops duplicate rules and expands security-group peers", () => {
        const rules = expandRules([
            { description: "a", protocol: "tcp", fromPort: 443, toPort: 443, cidrs: ["10.0.0.0/16", "10.0.0.0/16"] },
            { description: "from alb", protocol: "tcp", fromPort: 8000, toPort: 8000, securityGroupKey: "alb" },
        ]);
        assert.deepEqual(view(rules), ["tcp 443 10.0.0.0/16", "tcp 8000 sg:alb"]);
    });

    it("protocol -1 carries no ports", () => {
        const [rule] = expandRules([{ description: "all", protocol: "-1", fromPort: 0, toPort: 0, cidrs: ["10.0.0.0/16"] }]);
        assert.equal(rule.fromPort, undefined);
        assert.equal(rule.key, "all-all-10-0-0-0-16");
    });

    it("refuses an invalid CIDR rather than creating a broken rule", () => {
        assert.throws(() => expandRules([{ description: "bad", protocol: "tcp", fromPort: 1, toPort: 1, cidrs: ["nope"] }]), /invalid CIDR/);
    });
});
