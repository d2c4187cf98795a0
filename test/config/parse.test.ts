import * as assert from "node:assert/strict";
import { problemsOf, settingsFrom } from "../helpers/settings";


describe("config: defaults", () => {
    it("an empty stack config yields phase 1 with the documented defaults", () => {
        const s = settingsFrom({});
        assert.equal(s.phase, 1);
        assert.equal(s.environment, "dev");
        assert.equal(s.app.port, 8000);
        assert.equal(s.host.instanceType, "t3.micro");
        assert.equal(s.host.amiFamily, "al2023");
        assert.equal(s.host.rootVolumeSizeGb, 30);
        assert.deepEqual(s.host.sshCidrs, []);
        assert.deepEqual(s.host.appPortCidrs, ["0.0.0.0/0"]);
        assert.equal(s.network.natStrategy, "none");
        assert.equal(s.logRetentionDays, 14);
        assert.equal(s.dns.tls, false);
        assert.equal(s.protectStateful, false);
    });

    it("the environment defaults to the stack name", () => {
        assert.equal(settingsFrom({}, { stack: "qa" }).environment, "qa");
        assert.equal(settingsFrom({ environment: "prod" }, { stack: "qa" }).environment, "prod");
    });

    it("tags carry project, environment and owner", () => {
        const s = settingsFrom({ appName: "chat", owner: "team-a", environment: "prod" });
        assert.equal(s.tags.project, "chat");
        assert.equal(s.tags.environment, "prod");
        assert.equal(s.tags.owner, "team-a");
    });

    it("empty strings count as unset (Pulumi.yaml declares \"\" defaults)", () => {
        const s = settingsFrom({ domain: "", alertEmail: "", appRepository: "" });
        assert.equal(s.dns.domain, undefined);
        assert.equal(s.alertEmail, undefined);
        assert.equal(s.app.repository, undefined);
    });
});

describe("config: SSH sources", () => {
    it("accepts admin /32 and IPv6 /128 addresses", () => {
        const s = settingsFrom({ sshCidrs: ["203.0.113.10/32", "2001:db8::1/128"] });
        assert.deepEqual(s.host.sshCidrs, ["203.0.113.10/32", "2001:db8::1/128"]);
    });

    it("rejects 0.0.0.0/0, naming key, value and the SSM alternative", () => {
        const [p] = problemsOf({ sshCidrs: ["0.0.0.0/0"] });
        assert.equal(p.key, "stagecraft:sshCidrs");
        assert.equal(p.value, "0.0.0.0/0");
        assert.match(p.allowed, /never the whole internet/);
        assert.match(p.allowed, /ssm start-session/);
    });

    it("rejects ::/0", () => {
        const [p] = problemsOf({ sshCidrs: ["::/0"] });
        assert.equal(p.value, "::/0");
        assert.match(p.allowed, /never the whole internet/);
    });

    it("rejects ranges wider than /16 that are the internet in all but name", () => {
        const problems = problemsOf({ sshCidrs: ["0.0.0.0/1", "10.0.0.0/8", "2001:db8::/32"] });
        assert.deepEqual(problems.map((p) => p.value), ["0.0.0.0/1", "10.0.0.0/8", "2001:db8::/32"]);
        assert.ok(problems.every((p) => /no wider than/.test(p.allowed)));
    });

    it("rejects malformed CIDRs", () => {
        const problems = problemsOf({ sshCidrs: ["203.0.113.10", "300.1.1.1/32", "10.0.0.0/33", "abc"] });
        assert.equal(problems.length, 4);
        assert.ok(problems.every((p) => p.key === "stagecraft:sshCidrs"));
    });

    it("says why a CIDR is malformed: a leading zero, a mapped address, a zone id, a missing prefix", () => {
        const problems = problemsOf({ sshCidrs: ["010.0.0.0/8", "::ffff:203.0.113.10/128", "fe80::1%eth0/128", "203.0.113.10"] });
        assert.deepEqual(problems.map((p) => p.value), ["010.0.0.0/8", "::ffff:203.0.113.10/128", "fe80::1%eth0/128", "203.0.113.10"]);
        assert.match(problems[0].allowed, /^CIDR blocks of your admin addresses, such as 203\.0\.113\.10\/32 \(an octet has a leading zero/);
        assert.match(problems[1].allowed, /IPv4-mapped address .* write the IPv4 block/);
        assert.match(problems[2].allowed, /zone id/);
        assert.match(problems[3].allowed, /prefix length is missing: add \/32/);
    });

    it("says why an app-port source or the VPC block is malformed", () => {
        const [app] = problemsOf({ appPortCidrs: ["10.0.0.0/33"] });
        assert.match(app.allowed, /^CIDR blocks such as 203\.0\.113\.10\/32 or 2001:db8::\/48 \(an IPv4 prefix length is at most \/32\)$/);
        const [vpc] = problemsOf({ vpcCidr: "10.0.0/16" });
        assert.match(vpc.allowed, /^an IPv4 network CIDR from \/16 to \/24 without host bits, e\.g\. 10\.0\.0\.0\/16 \(an IPv4 address is four decimal numbers/);
    });

    it("rejects host bits and names the canonical form", () => {
        const [p] = problemsOf({ sshCidrs: ["203.0.113.10/24"] });
        assert.match(p.allowed, /203\.0\.113\.0\/24/);
    });

    it("rejects a value that is not a list", () => {
        const [p] = problemsOf({ sshCidrs: "203.0.113.10/32" });
        assert.match(p.allowed, /a list of strings/);
    });
});

describe("config: ports, phases, retention, domains", () => {
    it("rejects an app port out of range", () => {
        for (const port of [0, 80, 70000, -1]) {
            const [p] = problemsOf({ appPort: port });
            assert.equal(p.key, "stagecraft:appPort");
            assert.match(p.allowed, /from 1024 to 65535/);
        }
    });

    it("rejects a port that is not a number", () => {
        const [p] = problemsOf({ appPort: "http" });
        assert.equal(p.value, "http");
    });

    it("rejects an unknown phase, listing the phases", () => {
        const [p] = problemsOf({ phase: 7 });
        assert.equal(p.key, "stagecraft:phase");
        assert.match(p.allowed, /one of 1, 2, 3, 4/);
    });

    it("rejects a phase that does not exist, naming the four", () => {
        const [p] = problemsOf({ phase: 5 });
        assert.equal(p.key, "stagecraft:phase");
        assert.match(p.allowed, /1, 2, 3, 4/);
    });

    it("rejects negative and non-CloudWatch retention periods", () => {
        for (const days of [-1, 0, 10]) {
            const [p] = problemsOf({ logRetentionDays: days });
            assert.equal(p.key, "stagecraft:logRetentionDays");
            assert.match(p.allowed, /14, 30, 60, 90/);
        }
    });

    it("requires a domain when TLS is on", () => {
        const [p] = problemsOf({ tls: true });
        assert.equal(p.key, "stagecraft:domain");
        assert.match(p.allowed, /when stagecraft:tls is true/);
    });

    it("accepts TLS with a domain", () => {
        const s = settingsFrom({ tls: true, domain: "API.Example.com" });
        assert.equal(s.dns.domain, "api.example.com");
        assert.equal(s.dns.tls, true);
    });

    it("rejects a hosted zone without a domain, and a malformed zone id", () => {
        const problems = problemsOf({ hostedZoneId: "zone-1" });
        assert.deepEqual(problems.map((p) => p.key), ["stagecraft:hostedZoneId", "stagecraft:hostedZoneId"]);
    });

    it("rejects a NAT strategy in phase 1, which has no private subnets", () => {
        const [p] = problemsOf({ natStrategy: "gateway" });
        assert.equal(p.key, "stagecraft:natStrategy");
        assert.match(p.allowed, /"none" while stagecraft:phase is 1/);
    });

    it("rejects an unknown NAT strategy and AMI family", () => {
        const problems = problemsOf({ natStrategy: "nat-box", amiFamily: "windows" });
        assert.deepEqual(problems.map((p) => p.key), ["stagecraft:natStrategy", "stagecraft:amiFamily"]);
    });

    it("rejects wildcard and path CORS origins (the uploads bucket is writable)", () => {
        const problems = problemsOf({ corsOrigins: ["*", "https://app.example.com/path", "https://app.example.com"] });
        assert.deepEqual(problems.map((p) => p.value), ["*", "https://app.example.com/path"]);
    });

    it("CORS defaults to the stack's own https origins when a domain is set, never *, and config overrides", () => {
        assert.deepEqual(settingsFrom({}).storage.corsOrigins, [], "no domain, no browser access");
        assert.deepEqual(settingsFrom({ domain: "API.example.com" }).storage.corsOrigins, ["https://api.example.com"]);
        assert.deepEqual(settingsFrom({ domain: "api.example.com", corsOrigins: ["https://admin.example.org"] }).storage.corsOrigins,
            ["https://admin.example.org"], "an explicit list replaces the default");
        const phase2 = settingsFrom({ phase: 2, domain: "example.com", hostedZoneId: "Z0123456789EXAMPLE01", alertEmail: "ops@example.com", natStrategy: "instance" });
        assert.deepEqual(phase2.storage.corsOrigins, ["https://app.example.com", "https://example.com"], "phase 2: the app host and the apex");
        assert.ok(!phase2.storage.corsOrigins.includes("*"));
        const bad = problemsOf({ domain: "not a domain" });
        assert.ok(bad.some((p) => p.key === "stagecraft:domain"), "a bad domain is refused, not turned into an origin");
    });

    it("rejects a repository URL with credentials in it", () => {
        const [p] = problemsOf({ appRepository: "https://user:token@github.com/acme/api.git" });
        assert.equal(p.key, "stagecraft:appRepository");
    });

    it("rejects IPv6 app-port sources unless IPv6 is enabled", () => {
        const [p] = problemsOf({ appPortCidrs: ["::/0"] });
        assert.match(p.allowed, /enableIpv6/);
        assert.deepEqual(settingsFrom({ appPortCidrs: ["::/0"], enableIpv6: true }).host.appPortCidrs, ["::/0"]);
    });

    it("a cost budget (USD 10 by default, seed 004) needs an alert e-mail to tell", () => {
        const [p] = problemsOf({ budgetMonthlyUsd: 10 });
        assert.equal(p.key, "stagecraft:alertEmail");
        assert.match(p.allowed, /cost alerts need a recipient \(or set budgetMonthlyUsd to 0\)/);
        const s = settingsFrom({ budgetMonthlyUsd: 10, alertEmail: "ops@example.com" });
        assert.deepEqual(s.cost, { monthlyBudgetUsd: 10, anomalyMonitor: false, anomalyThresholdUsd: 5 });
    });

    it("rejects a negative budget", () => {
        const [p] = problemsOf({ budgetMonthlyUsd: -1, alertEmail: "ops@example.com" });
        assert.equal(p.key, "stagecraft:budgetMonthlyUsd");
    });

    it("requires aws:region", () => {
        const [p] = problemsOf({}, { region: null });
        assert.equal(p.key, "aws:region");
        assert.match(p.allowed, /pulumi config set aws:region/);
    });

    it("reports every problem at once, in one message naming each key", () => {
        let message = "";
        try {
            settingsFrom({ appPort: 1, sshCidrs: ["0.0.0.0/0"], logRetentionDays: -5, phase: 9 });
        } catch (err) {
            message = (err as Error).message;
        }
        assert.match(message, /invalid stack configuration \(4 values\); nothing was created/);
        for (const key of ["stagecraft:appPort", "stagecraft:sshCidrs", "stagecraft:logRetentionDays", "stagecraft:phase"]) {
            assert.ok(message.includes(key), `message names ${key}`);
        }
    });
});

describe("config: a shared cost anomaly monitor", () => {
    const arn = "arn:aws:ce::123456789012:anomalymonitor/0d1c2b3a-1111-2222-3333-444455556666";

    it("takes an existing monitor's ARN for the second stack of an account", () => {
        const s = settingsFrom({ alertEmail: "ops@example.com", costAnomalyMonitorArn: arn });
        assert.equal(s.cost.anomalyMonitorArn, arn);
        assert.equal(s.cost.anomalyMonitor, false);
        assert.equal(settingsFrom({ alertEmail: "ops@example.com" }).cost.anomalyMonitorArn, undefined, "\"\" is none");
    });

    it("rejects creating the monitor and referencing one, and a value that is no monitor ARN", () => {
        assert.deepEqual(problemsOf({ alertEmail: "ops@example.com", costAnomalyMonitor: "true", costAnomalyMonitorArn: arn }).map((p) => p.key), ["stagecraft:costAnomalyMonitorArn"]);
        const [bad] = problemsOf({ alertEmail: "ops@example.com", costAnomalyMonitorArn: "arn:aws:ce::123456789012:anomalysubscription/x" });
        assert.equal(bad.key, "stagecraft:costAnomalyMonitorArn");
        assert.match(bad.allowed, /anomalymonitor/);
    });
});
