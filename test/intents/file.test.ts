// The --intents FILE: strict validation (unknown keys, malformed ports and endpoints, unknown
// resource names: exit 2 naming the file, the entry and what is allowed), and a violated intent
// failing the run like a mandatory violation (exit 1).
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { IntentsError, readIntents, readIntentsFile } from "../../tools/analyze";
import { runCli } from "../check/run-cli";

function problemsOf(value: unknown): string[] {
    try {
        readIntents("f.yaml", value as never);
    } catch (err) {
        assert.ok(err instanceof IntentsError);
        return err.problems;
    }
    return [];
}

describe("intents file validation", () => {
    const good = { id: "web", expect: "allow", flow: { from: "internet", to: "sg:web-sg", port: 443 } };

    it("reads flows and accesses, with tcp by default", () => {
        assert.deepEqual(readIntents("f.yaml", [good, { id: "no-iam", expect: "deny", access: { principal: "app-role", action: "iam:CreateUser", resource: "*" } }] as never), [
            { id: "web", expect: "allow", flow: { from: "internet", to: "sg:web-sg", port: 443, protocol: "tcp" } },
            { id: "no-iam", expect: "deny", access: { principal: "app-role", action: "iam:CreateUser", resource: "*" } },
        ]);
    });

    it("names the entry, the key and what is allowed for each problem, all at once", () => {
        const problems = problemsOf([
            { ...good, colour: "red" },
            { id: "p", expect: "allow", flow: { from: "internet", to: "sg:x", port: 70000 } },
            { id: "q", expect: "maybe", flow: { from: "the moon", to: "sg:x", port: "443" } },
            { id: "r", expect: "allow" },
            { id: "s", expect: "allow", access: { principal: "r", action: "CreateUser", resource: "*" } },
        ]);
        assert.deepEqual(problems, [
            'intents[0] (web): unknown key "colour" (allowed: id, description, expect, flow, access)',
            "intents[1] (p).flow.port = 70000: a whole number from 1 to 65535",
            'intents[2] (q).expect = "maybe": "allow" or "deny"',
            'intents[2] (q).flow.from = "the moon": "internet", "cidr:<IPv4 or IPv6 CIDR>", "sg:<security group resource name>" or "service:<AWS service, e.g. s3>"',
            'intents[2] (q).flow.port = "443": a whole number from 1 to 65535',
            "intents[3] (r): give exactly one of flow (network reachability) or access (IAM permission)",
            'intents[4] (s).access.action = "CreateUser": service:Action, e.g. s3:GetObject',
        ]);
    });

    it("reads a request context for conditions (e.g. the namespace of PutMetricData) and refuses a malformed one", () => {
        const metrics = { id: "m", expect: "allow", access: { principal: "app-role", action: "cloudwatch:PutMetricData", resource: "*", context: { "cloudwatch:namespace": "chat" } } };
        assert.deepEqual(readIntents("f.yaml", [metrics] as never), [metrics]);
        assert.deepEqual(problemsOf([{ ...metrics, access: { ...metrics.access, context: { "no key": "x" } } }]), [
            'intents[0] (m).access.context: key "no key": a condition key such as cloudwatch:namespace or aws:ResourceTag/environment',
        ]);
        assert.deepEqual(problemsOf([{ ...metrics, access: { ...metrics.access, context: "chat" } }]), [
            'intents[0] (m).access.context: a mapping of condition keys to values, e.g. { "cloudwatch:namespace": chat }',
        ]);
    });

    it("refuses duplicate ids, a file that is no mapping, and keys beside intents", () => {
        assert.deepEqual(problemsOf([good, good]), ['intent id "web" appears twice: ids are unique']);
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "intents-"));
        try {
            const file = path.join(dir, "i.yaml");
            fs.writeFileSync(file, "intent:\n  - id: x\n");
            assert.throws(() => readIntentsFile(file), (err: IntentsError) => err.message === `${file}: unknown key "intent" (allowed: intents)`);
            fs.writeFileSync(file, "- 1\n");
            assert.throws(() => readIntentsFile(file), /a mapping with one key, intents/);
            assert.throws(() => readIntentsFile(path.join(dir, "missing.yaml")), /does not exist/);
        } finally {
            fs.rmSync(dir, { recursive: true, force: true });
        }
    });
});

describe("npm run check -- --intents FILE", function () {
    this.timeout(180_000);
    let dir: string;
    before(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), "intents-cli-")); });
    after(() => fs.rmSync(dir, { recursive: true, force: true }));

    function file(name: string, text: string): string {
        fs.writeFileSync(path.join(dir, name), text);
        return path.join(dir, name);
    }

    it("a group that is not in the plan exits 2 naming the file, the intent and the groups there are", async () => {
        const f = file("unknown.yaml", "intents:\n  - id: db\n    expect: deny\n    flow: { from: internet, to: sg:no-such-sg, port: 5432 }\n");
        const run = await runCli(["--stack", "dev", "--no-policy", "--intents", f]);
        assert.equal(run.code, 2, run.stderr);
        assert.match(run.stderr, new RegExp(`${f.replace(/[.]/g, "\\.")}: intent db: no security group named "no-such-sg" in the plan \\(security groups here: chat-dev-host-sg\\)`));
    });

    it("a violated intent fails the run (exit 1) and is in the text and JSON reports with its missing link", async () => {
        const f = file("atlas.yaml", "intents:\n  - id: atlas\n    expect: allow\n    flow: { from: sg:chat-dev-host-sg, to: internet, port: 27017 }\n");
        const run = await runCli(["--stack", "dev", "--no-policy", "--intents", f]);
        assert.equal(run.code, 1, run.stderr);
        assert.match(run.stdout, /✗ atlas \[allow\] sg:chat-dev-host-sg → internet on tcp 27017/);
        assert.match(run.stdout, /Result: FAILED — 1 intent not proved/);
        const atlas = run.report!.intents!.find((i) => i.id === "atlas")!;
        assert.equal(atlas.status, "violated");
        assert.equal(atlas.explanation, "chat-dev-host-sg has no egress to the internet on 27017");
        assert.ok(run.report!.intents!.filter((i) => i.id !== "atlas").every((i) => i.status === "proved"));
    });
});
