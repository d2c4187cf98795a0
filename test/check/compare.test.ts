// Upgrade safety (--compare-to): what a real preview would delete or replace, by URN, and a run
// that fails when that loses a stateful or protected resource without an acknowledgement.
// The pure comparison first, then the CLI on a program whose revisions rename a component with
// and without an alias (test/fixtures/compare).
import * as assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { comparePlans, type PlannedResource } from "../../tools/check/compare/compare";
import { FIXTURES, runCli, type CliRun } from "./run-cli";

const STACK = "urn:pulumi:dev::p::";

function res(urn: string, type: string, over: Partial<PlannedResource> = {}): PlannedResource {
    const name = urn.split("::").pop()!;
    return {
        urn: `${STACK}${urn}`, type, name, parent: null, props: {}, protect: false, custom: true,
        options: { aliases: [], replaceOnChanges: [], ignoreChanges: [], retainOnDelete: false },
        ...over,
    };
}

const BUCKET = "aws:s3/bucket:Bucket";
const TOPIC = "aws:sns/topic:Topic";

describe("check: upgrade safety, the comparison (pure)", () => {
    it("a stateful resource whose URN is gone is a blocking delete, with the alias that keeps it", () => {
        const before = [res(`x:storage:Store$${BUCKET}::data`, BUCKET)];
        const after = [res(`x:storage:BucketStore$${BUCKET}::data`, BUCKET)];
        const cmp = comparePlans("v1", before, after);
        assert.deepEqual([cmp.counts.delete, cmp.counts.create, cmp.counts.blocking], [1, 1, 1]);
        const del = cmp.changes.find((c) => c.kind === "delete")!;
        assert.equal(del.holds, "its objects");
        assert.match(del.fix!, /component type x:storage:Store became x:storage:BucketStore: give that component `aliases: \[\{ type: "x:storage:Store" \}\]`/);
    });

    it("a resource listing the old URN among its aliases is kept, not deleted", () => {
        const before = [res(`x:storage:Store$${BUCKET}::data`, BUCKET)];
        const after = [res(`x:storage:BucketStore$${BUCKET}::data`, BUCKET, { options: { aliases: [`${STACK}x:storage:Store$${BUCKET}::data`], replaceOnChanges: [], ignoreChanges: [], retainOnDelete: false } })];
        const cmp = comparePlans("v1", before, after);
        assert.deepEqual([cmp.counts.alias, cmp.counts.delete, cmp.counts.create, cmp.counts.blocking], [1, 0, 0, 0]);
    });

    it("a kept URN whose name input changes is a replacement (S3 cannot rename a bucket); ignored inputs and unknowns are not", () => {
        const before = [res(`${BUCKET}::data`, BUCKET, { props: { bucket: "a", tags: { x: "1" } } })];
        assert.equal(comparePlans("v1", before, [res(`${BUCKET}::data`, BUCKET, { props: { bucket: "b", tags: { x: "1" } } })]).counts.replace, 1);
        assert.equal(comparePlans("v1", before, [res(`${BUCKET}::data`, BUCKET, { props: { bucket: "a", tags: { x: "2" } } })]).counts.replace, 0, "tags update in place");
        assert.equal(comparePlans("v1", before, [res(`${BUCKET}::data`, BUCKET, { props: { bucket: "<unknown>" } })]).counts.replace, 0, "unknown in preview");
        const ignored = res(`${BUCKET}::data`, BUCKET, { props: { bucket: "b" }, options: { aliases: [], replaceOnChanges: [], ignoreChanges: ["bucket"], retainOnDelete: false } });
        assert.equal(comparePlans("v1", before, [ignored]).counts.replace, 0, "ignoreChanges");
    });

    it("replaceOnChanges of the new declaration counts as a replacement trigger", () => {
        const before = [res(`${TOPIC}::t`, TOPIC, { props: { displayName: "a" }, protect: true })];
        const after = [res(`${TOPIC}::t`, TOPIC, { props: { displayName: "b" }, options: { aliases: [], replaceOnChanges: ["displayName"], ignoreChanges: [], retainOnDelete: false } })];
        const cmp = comparePlans("v1", before, after);
        assert.deepEqual([cmp.counts.replace, cmp.counts.blocking], [1, 1], "protected in the deployed revision");
    });

    it("a stateless resource may go; a protected one may not", () => {
        assert.equal(comparePlans("v1", [res(`${TOPIC}::t`, TOPIC)], []).counts.blocking, 0);
        assert.equal(comparePlans("v1", [res(`${TOPIC}::t`, TOPIC, { protect: true })], []).counts.blocking, 1);
    });

    it("a new default provider version is not a deletion that matters", () => {
        const p = (v: string) => res(`pulumi:providers:aws::default_${v}`, "pulumi:providers:aws", { custom: true, protect: false });
        assert.equal(comparePlans("v1", [p("7_48_0")], [p("7_49_0")]).counts.blocking, 0);
    });

    it("a running service or group planned down to zero is blocking, unless acknowledged; staying at zero or scaling down is not", () => {
        const SERVICE = "aws:ecs/service:Service";
        const GROUP = "aws:autoscaling/group:Group";
        const before = [res(`${SERVICE}::api`, SERVICE, { props: { desiredCount: 2 } }), res(`${GROUP}::web`, GROUP, { props: { desiredCapacity: 2 } }), res(`${SERVICE}::new`, SERVICE, { props: { desiredCount: 0 } })];
        const after = [res(`${SERVICE}::api`, SERVICE, { props: { desiredCount: 0 } }), res(`${GROUP}::web`, GROUP, { props: { desiredCapacity: 1 } }), res(`${SERVICE}::new`, SERVICE, { props: { desiredCount: 0 } })];
        const cmp = comparePlans("v1", before, after);
        assert.deepEqual([cmp.counts["scale-to-zero"], cmp.counts.blocking], [1, 1]);
        const zero = cmp.changes.find((c) => c.kind === "scale-to-zero")!;
        assert.equal(zero.name, "api");
        assert.match(zero.reasons[0], /desiredCount goes from 2 to 0/);
        assert.match(zero.fix!, /stagecraft:imageReady true/);
        const accepted = comparePlans("v1", before, after, ["api"]);
        assert.deepEqual([accepted.counts.blocking, accepted.counts.accepted], [0, 1]);
    });

    it("--accept-replace (by URN or by name) acknowledges one change and no other", () => {
        const before = [res(`${BUCKET}::a`, BUCKET), res(`${BUCKET}::b`, BUCKET)];
        const cmp = comparePlans("v1", before, [], ["a"]);
        assert.deepEqual(cmp.changes.map((c) => [c.name, c.accepted, c.blocking]), [["a", true, false], ["b", false, true]]);
    });
});

describe("check: --compare-to on a program's revisions", function () {
    this.timeout(240_000);
    const work = path.join(FIXTURES, "compare", `.work-${process.pid}`);
    const runs: Record<string, CliRun> = {};

    /** A git repository with revision 1 committed and `index.ts` replaced by `revision`. */
    function repo(label: string, revision: string): string {
        const dir = path.join(work, label);
        fs.mkdirSync(dir, { recursive: true });
        for (const f of ["Pulumi.yaml", "Pulumi.dev.yaml"]) fs.copyFileSync(path.join(FIXTURES, "compare", f), path.join(dir, f));
        fs.copyFileSync(path.join(FIXTURES, "compare", "v1-store.ts"), path.join(dir, "index.ts"));
        const git = (...args: string[]) => {
            const r = spawnSync("git", ["-c", "user.email=t@example.com", "-c", "user.name=t", ...args], { cwd: dir, encoding: "utf8" });
            assert.equal(r.status, 0, r.stderr);
        };
        git("init", "-q");
        git("add", ".");
        git("commit", "-q", "-m", "revision 1");
        fs.copyFileSync(path.join(FIXTURES, "compare", revision), path.join(dir, "index.ts"));
        return dir;
    }

    before(async () => {
        const saved = path.join(work, "v1-report.json");
        const cases: Record<string, string[]> = {
            renamed: ["--program", repo("renamed", "v2-renamed.ts"), "--stack", "dev", "--no-policy", "--compare-to", "HEAD"],
            aliased: ["--program", repo("aliased", "v3-aliased.ts"), "--stack", "dev", "--no-policy", "--compare-to", "HEAD"],
            replaced: ["--program", repo("replaced", "v4-bucket-renamed.ts"), "--stack", "dev", "--no-policy", "--compare-to", "HEAD"],
            accepted: ["--program", repo("accepted", "v4-bucket-renamed.ts"), "--stack", "dev", "--no-policy", "--compare-to", "HEAD", "--accept-replace", "uploads-data"],
            badRef: ["--program", repo("badref", "v1-store.ts"), "--stack", "dev", "--no-policy", "--compare-to", "no-such-ref"],
        };
        const v1 = await runCli(["--program", repo("saved", "v1-store.ts"), "--stack", "dev", "--no-policy"], { json: false });
        assert.equal(v1.code, 0, v1.stderr);
        await runCli(["--program", path.join(work, "saved"), "--stack", "dev", "--no-policy", "--json", saved], { json: false });
        fs.copyFileSync(path.join(FIXTURES, "compare", "v2-renamed.ts"), path.join(work, "saved", "index.ts"));
        cases.fromReport = ["--program", path.join(work, "saved"), "--stack", "dev", "--no-policy", "--compare-to", saved];
        const entries = Object.entries(cases);
        for (let i = 0; i < entries.length; i += 2) {
            const batch = entries.slice(i, i + 2);
            const results = await Promise.all(batch.map(([, args]) => runCli(args)));
            batch.forEach(([name], j) => (runs[name] = results[j]));
        }
    });

    after(() => fs.rmSync(work, { recursive: true, force: true }));

    it("fails (exit 1) when a renamed component takes its bucket's URN away, naming the bucket and the alias that keeps it", () => {
        const run = runs.renamed;
        assert.equal(run.code, 1, run.stderr);
        assert.match(run.stdout, /Upgrade safety \(compared with HEAD \([0-9a-f]{7}\)\): 0 replaced, 3 deleted, 0 kept through aliases, 3 created/);
        assert.match(run.stdout, /✗ -\s+delete\s+aws:s3\/bucket:Bucket\s+uploads-data\s+\(stateful: holds its objects\)/);
        assert.match(run.stdout, /fix: the component type fixture:storage:Store became fixture:storage:BucketStore: give that component `aliases: \[\{ type: "fixture:storage:Store" \}\]`/);
        assert.match(run.stdout, /Result: FAILED — 1 stateful or protected resource replaced or deleted/);
        const cmp = run.report!.comparison!;
        assert.deepEqual(cmp.changes.filter((c) => c.blocking).map((c) => c.name), ["uploads-data"], "the topic holds no data: not blocking");
    });

    it("passes when the renamed component declares its old type as an alias (its children inherit it)", () => {
        const run = runs.aliased;
        assert.equal(run.code, 0, run.stderr);
        assert.match(run.stdout, /0 replaced, 0 deleted, 3 kept through aliases, 0 created/);
        assert.match(run.stdout, /Result: passed — no mandatory policy violation, nothing stateful replaced or deleted/);
    });

    it("fails when a kept URN's bucket name changes (a replacement), and passes once it is acknowledged by name", () => {
        assert.equal(runs.replaced.code, 1);
        assert.match(runs.replaced.stdout, /✗ \+-\s+replace\s+aws:s3\/bucket:Bucket\s+uploads-data/);
        assert.match(runs.replaced.stdout, /bucket changes \("fixture-compare-data" -> "fixture-compare-data-v2"\) and cannot change in place/);
        assert.equal(runs.accepted.code, 0, runs.accepted.stderr);
        assert.match(runs.accepted.stdout, /acknowledged \(--accept-replace\)/);
    });

    it("compares with a saved --json report as well as with a git revision", () => {
        const run = runs.fromReport;
        assert.equal(run.code, 1);
        assert.match(run.stdout, /Upgrade safety \(compared with .*v1-report\.json\): 0 replaced, 3 deleted/);
    });

    it("exits 2 for a revision that does not exist, naming it", () => {
        assert.equal(runs.badRef.code, 2);
        assert.match(runs.badRef.stderr, /--compare-to no-such-ref: neither a file nor a commit of the git repository/);
    });
});
