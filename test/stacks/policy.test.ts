import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { type Report } from "../../tools/check";
import { REPO, runBatched, type CliRun } from "../check/run-cli";

// Every stack file, and the bootstrap/ program, through the offline check with the real policy
// pack over gRPC and the stack's own policy config, in apply mode, which plans the preview beside
// it: the gate CI applies before any `pulumi up`. Both modes pass; apply mode leaves nothing the
// program reads unknown, so every "not known during preview" note of the preview is judged.
// (One run per stack serves every assertion here: each costs a plan of the whole program twice.)

const STACKS = fs.readdirSync(REPO)
    .map((f) => /^Pulumi\.(.+)\.yaml$/.exec(f)?.[1])
    .filter((s): s is string => s !== undefined)
    .sort();

/** Resource types that hold data and must be protected where the stack protects stateful resources. */
const STATEFUL_TYPES = new Set([
    "aws:s3/bucket:Bucket", "aws:ec2/instance:Instance", "aws:ec2/eip:Eip",
    "aws:dynamodb/table:Table", "aws:elasticache/replicationGroup:ReplicationGroup", "aws:cognito/userPool:UserPool",
]);

/** Every path under `value` whose value is still unknown ("<unknown>" in the report). */
function unknownPaths(value: unknown, at = ""): string[] {
    if (value === "<unknown>") return [at];
    if (value === null || typeof value !== "object") return [];
    return Object.entries(value).flatMap(([k, v]) => unknownPaths(v, `${at}.${k}`));
}

const BOOTSTRAP = ["--program", path.join(REPO, "bootstrap"), "--stack", "bootstrap"];

describe("every stack passes the policy pack in both modes (offline check)", function () {
    this.timeout(600_000);
    const runs = new Map<string, CliRun>();

    before(async () => {
        const cases = Object.fromEntries([...STACKS.map((s) => [s, ["--stack", s]] as const), ["bootstrap", BOOTSTRAP] as const]
            .map(([name, args]) => [name, { args: [...args, "--mode", "apply"] }]));
        for (const [name, run] of Object.entries(await runBatched(cases))) runs.set(name, run);
    });

    for (const name of [...STACKS, "bootstrap"]) {
        describe(`${name}: apply mode and the preview beside it`, () => {
            it("passes in apply mode and in the preview planned beside it (nothing only the preview reports)", () => {
                const run = runs.get(name)!;
                assert.equal(run.code, 0, `${run.stderr}\n${run.stdout.split("\n").filter((l) => /mandatory|FAILED/i.test(l)).join("\n")}`);
                assert.equal(run.report!.mode, "apply");
                assert.notEqual(run.report!.result, "failed");
                assert.equal(run.report!.summary.mandatory, 0);
                assert.deepEqual(run.report!.previewComparison!.previewOnly, []);
            });

            it("leaves nothing the program reads unknown: no input of a resource, no note left", () => {
                const report = runs.get(name)!.report!;
                const unknown = report.resources.filter((r) => r.custom).flatMap((r) => unknownPaths(r.props).map((p) => `${r.type} ${r.name}${p}`));
                assert.deepEqual(unknown, []);
                assert.deepEqual(report.previewNotes, []);
                assert.equal(report.previewComparison!.notesJudged, report.previewComparison!.previewNotes);
            });

            it("gives every custom resource a generated id", () => {
                const missing = runs.get(name)!.report!.resources.filter((r) => r.custom && !r.read && !r.defaultProvider && typeof r.outputs?.id !== "string");
                assert.deepEqual(missing.map((r) => r.urn), []);
            });
        });
    }

    it("finds the dev, enterprise, prod and staging stack files", () => {
        assert.deepEqual(STACKS, ["dev", "enterprise", "prod", "staging"]);
    });

    for (const stack of STACKS) {
        describe(stack, () => {
            const report = (): Report => {
                const run = runs.get(stack)!;
                assert.ok(run.report, `no report: exit ${run.code}\n${run.stderr}`);
                return run.report;
            };

            it("has zero mandatory violations and exits 0", () => {
                const mandatory = report().violations.filter((v) => v.enforcementLevel === "mandatory");
                assert.deepEqual(mandatory.map((v) => `${v.policy}: ${v.message}`), []);
                assert.equal(runs.get(stack)!.code, 0);
            });

            it("ran the stagecraft pack with the stack's policy config", () => {
                assert.ok(report().policiesRun);
                assert.ok(report().policyPacks.some((p) => p.name === "stagecraft"));
                assert.match(runs.get(stack)!.stdout, new RegExp(`policies/config/${stack}\\.json`));
            });

            it("parents every resource: only the stack and the engine's default providers sit at the root", () => {
                const engineOwned = (r: { type: string; name: string }): boolean =>
                    r.type === "pulumi:pulumi:Stack" || (r.type.startsWith("pulumi:providers:") && r.name.startsWith("default"));
                const rootless = report().resources.filter((r) => r.parent === null && !engineOwned(r));
                assert.deepEqual(rootless.map((r) => r.urn), []);
                const components = report().resources.filter((r) => r.type.startsWith("stagecraft:"));
                const stackChildren = report().resources.filter((r) => r.parent?.endsWith(`::stagecraft-${stack}`));
                assert.ok(stackChildren.every((r) => r.type.startsWith("stagecraft:") || r.type === "pulumi:providers:aws"),
                    `only the phase component hangs off the stack: ${stackChildren.map((r) => r.type).join(", ")}`);
                assert.ok(components.length >= 10);
            });
        });
    }

    it("prod protects its stateful resources (except the rebuildable static bucket)", () => {
        const resources = runs.get("prod")!.report!.resources;
        const stateful = resources.filter((r) => STATEFUL_TYPES.has(r.type) && !r.name.endsWith("-static"));
        assert.ok(stateful.length >= 4);
        assert.deepEqual(stateful.filter((r) => !r.protect).map((r) => r.name), []);
        // Phase 3: the data stores themselves, not only their buckets.
        assert.deepEqual(stateful.filter((r) => r.type !== "aws:s3/bucket:Bucket").map((r) => r.name).sort(),
            ["chat-prod-realtime-connections", "chat-prod-redis", "chat-prod-sessions", "chat-prod-users"]);
    });

    it("enterprise protects the member accounts, the tenants' databases and buckets, and the trail's bucket", () => {
        const resources = runs.get("enterprise")!.report!.resources;
        const critical = resources.filter((r) => ["aws:organizations/account:Account", "aws:rds/instance:Instance"].includes(r.type)
            || (r.type === "aws:s3/bucket:Bucket" && /tenant|trail/.test(r.name)));
        assert.equal(critical.length, 4 + 3 + 3 + 1);
        assert.deepEqual(critical.filter((r) => !r.protect).map((r) => r.name), []);
    });

    it("dev protects nothing, so it can be torn down freely", () => {
        assert.deepEqual(runs.get("dev")!.report!.resources.filter((r) => r.protect).map((r) => r.name), []);
    });
});
