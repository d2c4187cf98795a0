// The host's CloudWatch agent config and the alarms on its metrics must agree: an alarm on a metric
// the agent never emits (one dimension too many is enough) stays INSUFFICIENT_DATA and never fires.
// The agent is modelled here from its documented behaviour and its cloudwatch output's source
// (plugins/outputs/cloudwatch: ProcessRollup, drop_original_metrics), independently of the
// generator, and every alarm is matched against what that model says the agent publishes.
import * as assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import fc from "fast-check";
import { agentConfig, agentConfigText, agentMetricCount, type AgentConfigInput, hostAlarmSpecs, hostMetricsNamespace } from "../../components/blocks/observability/hostMetrics";
import { agentDebUrl, metricsAgentSetup } from "../../components/blocks/compute/metricsAgent";
import { type AlarmSpec } from "../../components/blocks/observability/webAlarmRules";
import { singleHostFiles } from "../../components/architectures/phase1/firstBoot";
import { ConfigError } from "../../components/lib/errors";
import { settingsFrom, type RawConfig } from "../helpers/settings";

const INSTANCE_ID = "i-0123456789abcdef0";

interface Series { namespace: string; metricName: string; dimensions: Record<string, string> }

/* eslint-disable @typescript-eslint/no-explicit-any */
/**
 * What the agent publishes for a config on a host with the given instance id. Linux tags: disk has
 * path, device and fstype; mem none; `host` unless omit_hostname or a global append_dimensions
 * drops it. Rollups add a series per aggregation set whose keys all exist and are fewer than the
 * original's; drop_original_metrics removes the original series of the listed metrics.
 */
function published(config: any, instanceId = INSTANCE_ID): Series[] {
    const metrics = config.metrics;
    const namespace: string = metrics.namespace ?? "CWAgent";
    const append: Record<string, string> = Object.fromEntries(Object.entries(metrics.append_dimensions ?? {})
        .map(([k, v]) => [k, v === "${aws:InstanceId}" ? instanceId : String(v)]));
    const keepHost = !(config.agent?.omit_hostname ?? false) && Object.keys(append).length === 0;
    const rollups: string[][] = metrics.aggregation_dimensions ?? [];
    const series: Series[] = [];
    const emit = (plugin: any, prefix: string, tagSets: Record<string, string>[]) => {
        const names = (plugin.measurement as string[]).map((m) => (m.startsWith(`${prefix}_`) ? m : `${prefix}_${m}`));
        const dropped = new Set(((plugin.drop_original_metrics ?? []) as string[]).map((m) => (m.startsWith(`${prefix}_`) ? m : `${prefix}_${m}`)));
        for (const metricName of names) {
            for (const tags of tagSets) {
                const raw: Record<string, string> = { ...tags, ...(keepHost ? { host: "ip-10-0-0-1" } : {}), ...append };
                if (!dropped.has(metricName)) series.push({ namespace, metricName, dimensions: raw });
                for (const keys of rollups) {
                    if (keys.length >= Object.keys(raw).length || !keys.every((k) => k in raw)) continue;
                    series.push({ namespace, metricName, dimensions: Object.fromEntries(keys.map((k) => [k, raw[k]])) });
                }
            }
        }
    };
    const collected = metrics.metrics_collected;
    if (collected.mem !== undefined) emit(collected.mem, "mem", [{}]);
    if (collected.disk !== undefined) {
        const disk = collected.disk;
        emit(disk, "disk", (disk.resources as string[]).map((p) => ({
            path: p,
            ...(disk.drop_device === true ? {} : { device: "nvme0n1p1" }),
            fstype: "xfs",
        })));
    }
    return series;
}
/* eslint-enable @typescript-eslint/no-explicit-any */

const same = (a: Series, b: Series) => a.namespace === b.namespace && a.metricName === b.metricName
    && JSON.stringify(Object.entries(a.dimensions).sort()) === JSON.stringify(Object.entries(b.dimensions).sort());

/** The series an alarm spec watches (single metric or metric-math queries). */
function watched(spec: AlarmSpec<string>): Series[] {
    if (spec.metric !== undefined) return [{ namespace: spec.metric.namespace, metricName: spec.metric.metricName, dimensions: spec.metric.dimensions }];
    return (spec.metricQueries ?? []).flatMap((q) => (q.metric !== undefined ? [{ namespace: q.metric.namespace, metricName: q.metric.metricName, dimensions: q.metric.dimensions }] : []));
}

function specsFor(input: AgentConfigInput, burstable = true): AlarmSpec<string>[] {
    return hostAlarmSpecs({
        instanceId: INSTANCE_ID, cpuPercent: 80, burstable, cpuCreditBalance: 20,
        agent: { ...input, memoryPercent: 85, diskPercent: 85 },
    }) as AlarmSpec<string>[];
}

const segment = fc.stringMatching(/^[a-z0-9_][a-z0-9._-]{0,11}$/);
const mountPoint = fc.array(segment, { minLength: 1, maxLength: 4 }).map((s) => `/${s.join("/")}`);
const agentInput = fc.record({
    namespace: fc.tuple(fc.stringMatching(/^[a-z][a-z0-9-]{0,14}[a-z0-9]$/), fc.stringMatching(/^[a-z][a-z0-9-]{0,8}[a-z0-9]$/)).map(([a, e]) => hostMetricsNamespace(a, e)),
    diskPaths: fc.uniqueArray(mountPoint, { maxLength: 3 }).map((extra) => ["/", ...extra.filter((p) => p !== "/")]),
});

describe("host metrics: the CloudWatch agent's config and the alarms agree", () => {
    it("every alarm on an agent metric watches a series the agent publishes, with exactly its dimensions", () => {
        fc.assert(fc.property(agentInput, (input) => {
            const emitted = published(agentConfig(input));
            for (const spec of specsFor(input)) {
                for (const s of watched(spec).filter((w) => w.namespace === input.namespace)) {
                    assert.ok(emitted.some((e) => same(e, s)), `${spec.key} watches ${JSON.stringify(s)}, the agent publishes ${JSON.stringify(emitted)}`);
                }
            }
        }), { numRuns: 200 });
    });

    it("the agent publishes only what an alarm watches: one series per metric and path, as many as agentMetricCount (each costs $0.30)", () => {
        fc.assert(fc.property(agentInput, (input) => {
            const emitted = published(agentConfig(input));
            const alarmed = specsFor(input).flatMap(watched).filter((w) => w.namespace === input.namespace);
            assert.equal(emitted.length, agentMetricCount(input));
            for (const e of emitted) assert.ok(alarmed.some((w) => same(w, e)), `nobody watches ${JSON.stringify(e)}`);
        }), { numRuns: 200 });
    });

    it("the model catches a config that would leave an alarm blind: without the rollup, disks carry fstype and the disk alarms match nothing", () => {
        const input = { namespace: "chat/dev/host", diskPaths: ["/", "/var/lib/stagecraft-data"] };
        const config = agentConfig(input) as { metrics: { aggregation_dimensions?: unknown; metrics_collected: { disk: { drop_original_metrics?: unknown } } } };
        delete config.metrics.aggregation_dimensions;
        delete config.metrics.metrics_collected.disk.drop_original_metrics;
        const emitted = published(config);
        const disk = specsFor(input).filter((s) => s.key.startsWith("disk-"));
        assert.equal(disk.length, 2);
        for (const spec of disk) assert.ok(!watched(spec).some((w) => emitted.some((e) => same(e, w))), spec.key);
        // ...and dropping the memory "original" (it has no rollup) would publish no memory at all.
        const dropMem = agentConfig(input) as { metrics: { metrics_collected: { mem: Record<string, unknown> } } };
        dropMem.metrics.metrics_collected.mem.drop_original_metrics = ["mem_used_percent"];
        assert.ok(!published(dropMem).some((e) => e.metricName === "mem_used_percent"));
    });

    it("CPU alarms read AWS/EC2 by InstanceId: CPUUtilization always, CPUCreditBalance on burstable types only", () => {
        const input = { namespace: "chat/dev/host", diskPaths: ["/"] };
        const burstable = specsFor(input, true).flatMap(watched).filter((w) => w.namespace === "AWS/EC2");
        assert.deepEqual(burstable.map((w) => [w.metricName, w.dimensions]), [["CPUUtilization", { InstanceId: INSTANCE_ID }], ["CPUCreditBalance", { InstanceId: INSTANCE_ID }]]);
        assert.deepEqual(specsFor(input, false).flatMap(watched).filter((w) => w.namespace === "AWS/EC2").map((w) => w.metricName), ["CPUUtilization"]);
        const off = hostAlarmSpecs({ instanceId: INSTANCE_ID, cpuPercent: 80, burstable: true, cpuCreditBalance: 0 });
        assert.deepEqual(off.map((s) => s.key), ["cpu"], "credit alarm off at 0; no agent, no memory or disk alarms");
    });

    it("the credit alarm fires only while the balance is low and not growing (a new host earning credits stays quiet)", () => {
        const [, credits] = hostAlarmSpecs({ instanceId: INSTANCE_ID, cpuPercent: 80, burstable: true, cpuCreditBalance: 20 });
        const expression = credits.metricQueries?.find((q) => q.returnData === true)?.expression ?? "";
        assert.equal(expression, "IF(credits < 20 AND DIFF(credits) <= 0, 1, 0)");
        // The expression evaluated on balances: launch (0 then earning), draining, exhausted, full.
        const evaluate = (prev: number, cur: number) => (cur < 20 && cur - prev <= 0 ? 1 : 0);
        assert.equal(evaluate(0, 1), 0, "earning after launch");
        assert.equal(evaluate(25, 15), 1, "draining under 20");
        assert.equal(evaluate(0, 0), 1, "exhausted: throttled to the baseline");
        assert.equal(evaluate(288, 288), 0, "full");
        assert.equal(credits.threshold, 0);
        assert.equal(credits.comparisonOperator, "GreaterThanThreshold");
    });

    it("the config is minified JSON with a 60-second interval, run as cwagent, no host name, no logs", () => {
        const text = agentConfigText({ namespace: "chat/dev/host", diskPaths: ["/"] });
        assert.ok(!text.includes("\n") && !text.includes(" "));
        const parsed = JSON.parse(text);
        assert.deepEqual(parsed.agent, { metrics_collection_interval: 60, omit_hostname: true, run_as_user: "cwagent" });
        assert.equal(parsed.logs, undefined);
        assert.equal(parsed.metrics.namespace, "chat/dev/host");
    });

    it("refuses disk paths the agent cannot take and namespaces that are not custom", () => {
        for (const bad of [[], ["relative"], ["/", "/"], ["/a b"], ["/$(reboot)"], ["/x/../y"]]) {
            assert.throws(() => agentConfig({ namespace: "chat/dev/host", diskPaths: bad }), /mount point|distinct/, JSON.stringify(bad));
        }
        assert.throws(() => hostMetricsNamespace("a b", "dev"), /namespace/);
    });
});

describe("host metrics: first boot", () => {
    it("Amazon Linux installs the agent with dnf; Ubuntu from AWS's regional bucket for dpkg's architecture", () => {
        assert.deepEqual(metricsAgentSetup("al2023", "us-east-1", "{}").filter((l) => /install/.test(l)), ["dnf install -y amazon-cloudwatch-agent"]);
        const ubuntu = metricsAgentSetup("ubuntu-22.04", "eu-west-1", "{}").join("\n");
        assert.match(ubuntu, /arch=\$\(dpkg --print-architecture\)/);
        assert.ok(ubuntu.includes('"https://amazoncloudwatch-agent-eu-west-1.s3.eu-west-1.amazonaws.com/ubuntu/$arch/latest/amazon-cloudwatch-agent.deb"'));
        assert.match(ubuntu, /dpkg -i -E \/tmp\/cwagent\.deb/);
        assert.throws(() => agentDebUrl("eu-west-1; reboot"), /region/);
        assert.throws(() => metricsAgentSetup("al2023", "us-east-1", "{not json"));
    });

    it("the user data writes exactly the generated config where fetch-config reads it (decoded and compared), and passes bash -n", () => {
        const settings = settingsFrom({ appName: "chat", database: true });
        const files = singleHostFiles(settings);
        assert.ok(files.metricsAgentConfig !== undefined);
        const match = /base64 -d <<'STAGECRAFT_GZ' \| gunzip > '\/opt\/aws\/amazon-cloudwatch-agent\/etc\/amazon-cloudwatch-agent.json'\n([A-Za-z0-9+/=\n]+?)\nSTAGECRAFT_GZ/.exec(files.userData);
        assert.ok(match, "the config is written to the agent's path");
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const decoded = require("node:zlib").gunzipSync(Buffer.from(match[1].replace(/\n/g, ""), "base64")).toString("utf8");
        assert.equal(decoded, files.metricsAgentConfig);
        assert.deepEqual(JSON.parse(decoded).metrics.metrics_collected.disk.resources, ["/", "/var/lib/stagecraft-data"]);
        const dir = mkdtempSync(path.join(tmpdir(), "stagecraft-cwagent-"));
        const file = path.join(dir, "user-data.sh");
        writeFileSync(file, files.userData);
        execFileSync("bash", ["-n", file]);
    });

    it("the agent starts after the data volume is mounted and before the first deploy", () => {
        const { userData } = singleHostFiles(settingsFrom({ appName: "chat", database: true }));
        const mount = userData.indexOf(" mount ");
        const agent = userData.indexOf("amazon-cloudwatch-agent-ctl");
        const deploy = userData.indexOf("# 4. first deploy");
        assert.ok(mount > 0 && mount < agent && agent < deploy, `${mount} < ${agent} < ${deploy}`);
    });

    it("with hostMetrics off the host gets no agent", () => {
        const files = singleHostFiles(settingsFrom({ appName: "chat", hostMetrics: false }));
        assert.equal(files.metricsAgentConfig, undefined);
        assert.doesNotMatch(files.userData, /cloudwatch/);
    });
});

describe("host metrics: config", () => {
    function problemsOf(raw: RawConfig): { key: string; value: unknown; allowed: string }[] {
        try {
            settingsFrom(raw);
        } catch (err) {
            assert.ok(err instanceof ConfigError, String(err));
            return [...err.problems];
        }
        return assert.fail("expected the config to be rejected");
    }

    it("defaults: agent on, memory and disk 85 %, credits 20", () => {
        assert.deepEqual(settingsFrom({}).host.metrics, { agent: true, memoryPercent: 85, diskPercent: 85, cpuCreditBalance: 20 });
    });

    it("refuses out-of-range thresholds and a non-boolean switch, naming key, value and what is allowed", () => {
        const problems = problemsOf({ alarmMemoryPercent: 100, alarmDiskPercent: 0, alarmCpuCreditBalance: -1, hostMetrics: "yes" });
        const byKey = new Map(problems.map((p) => [p.key, p]));
        assert.deepEqual([...byKey.keys()].sort(), ["stagecraft:alarmCpuCreditBalance", "stagecraft:alarmDiskPercent", "stagecraft:alarmMemoryPercent", "stagecraft:hostMetrics"]);
        assert.equal(byKey.get("stagecraft:alarmMemoryPercent")?.value, 100);
        assert.match(byKey.get("stagecraft:alarmMemoryPercent")?.allowed ?? "", /1 to 99/);
        assert.match(byKey.get("stagecraft:alarmCpuCreditBalance")?.allowed ?? "", /0 to 4608/);
        assert.equal(problemsOf({ alarmDiskPercent: "85%" })[0].key, "stagecraft:alarmDiskPercent");
    });
});
