/**
 * The pack started exactly as the Pulumi CLI starts a Node.js policy pack (the
 * pulumi-analyzer-policy shim): `node <resolved @pulumi/pulumi/cmd/run-policy-pack> <engine> .`
 * with the pack folder as working directory; run-policy-pack registers ts-node (type-checking,
 * with policies/tsconfig.json), requires the folder (package.json main: index.ts), and the
 * PolicyPack prints its gRPC port on stdout. We then speak the analyzer protocol to it.
 */
import * as assert from "node:assert/strict";
import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import * as grpc from "@grpc/grpc-js";
import { AnalyzerClient } from "@pulumi/pulumi/proto/analyzer_grpc_pb";
import * as analyzer from "@pulumi/pulumi/proto/analyzer_pb";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import { policyMeta } from "../../policies/lib/packconfig";
import { parsePolicyConfig, reconcilePolicyConfig } from "../../policies/lib/policyconfig";
import { PACK_NAME, packPolicies } from "../../policies/pack";
import { secureBucket, T } from "./helpers/fixtures";
import { analyzeRequest, analyzeStackRequest, diagnosticsOf, type WireDiagnostic } from "./helpers/proto";
import { UNKNOWN, urnOf } from "./helpers/server";

const POLICIES_DIR = path.resolve(__dirname, "../../policies");

function unary<Req, Res>(method: (req: Req, cb: (err: grpc.ServiceError | null, res: Res) => void) => unknown, req: Req): Promise<Res> {
    return new Promise((resolve, reject) => {
        method(req, (err, res) => (err ? reject(err) : resolve(res)));
    });
}

describe("the pack started as the Pulumi CLI starts it", function () {
    this.timeout(90_000);
    let child: ChildProcessWithoutNullStreams;
    let client: AnalyzerClient;
    let stderr = "";

    before(async () => {
        const entry = require.resolve("@pulumi/pulumi/cmd/run-policy-pack", { paths: [POLICIES_DIR] });
        child = spawn(process.execPath, [entry, "127.0.0.1:0", "."], {
            cwd: POLICIES_DIR,
            env: { ...process.env, PULUMI_NODEJS_STACK: "dev", PULUMI_NODEJS_PROJECT: "stagecraft", PULUMI_NODEJS_DRY_RUN: "true" },
        });
        child.stderr.on("data", (d: Buffer) => { stderr += d.toString(); });
        const port = await new Promise<number>((resolve, reject) => {
            let out = "";
            child.stdout.on("data", (d: Buffer) => {
                out += d.toString();
                const line = out.split("\n")[0].trim();
                if (out.includes("\n") && /^\d+$/.test(line)) resolve(Number(line));
            });
            child.on("exit", (code) => reject(new Error(`policy pack exited with ${code}:\n${stderr}`)));
        });
        client = new AnalyzerClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
    });

    after(() => {
        client?.close();
        if (child !== undefined && child.exitCode === null) child.kill();
    });

    it("prints only its port on the first stdout line and answers GetAnalyzerInfo with every policy", async () => {
        const info = await unary<Empty, analyzer.AnalyzerInfo>(client.getAnalyzerInfo.bind(client), new Empty());
        assert.equal(info.getName(), PACK_NAME);
        assert.equal(info.getVersion(), (JSON.parse(fs.readFileSync(path.join(POLICIES_DIR, "package.json"), "utf8")) as { version: string }).version);
        assert.equal(info.getSupportsconfig(), true);
        const names = info.getPoliciesList().map((p) => p.getName());
        assert.deepEqual([...names].sort(), packPolicies.map((p) => p.info.name).sort());
        const ssh = info.getPoliciesList().find((p) => p.getName() === "ec2-security-group-no-public-ssh");
        assert.equal(ssh?.getEnforcementlevel(), analyzer.EnforcementLevel.MANDATORY);
        assert.ok(ssh?.getConfigschema()?.getProperties()?.toJavaScript().exemptions !== undefined);
    });

    it("analyzes a resource over gRPC: SSH open to the world is a mandatory violation", async () => {
        const request = analyzeRequest({ type: T.ingress, name: "web-in-ssh", props: { ipProtocol: "tcp", fromPort: 22, toPort: 22, cidrIpv4: "0.0.0.0/0", securityGroupId: UNKNOWN } });
        const diags: WireDiagnostic[] = diagnosticsOf(await unary<analyzer.AnalyzeRequest, analyzer.AnalyzeResponse>(client.analyze.bind(client), request));
        const ssh = diags.filter((d) => d.policyName === "ec2-security-group-no-public-ssh");
        assert.equal(ssh.length, 1);
        assert.equal(ssh[0].enforcementLevel, "mandatory");
        assert.match(ssh[0].message, /web-in-ssh: rule \(tcp port 22\) is open to 0\.0\.0\.0\/0/);
    });

    it("analyzes a stack over gRPC, linking a bucket's side resources by property dependencies", async () => {
        const resp = await unary<analyzer.AnalyzeStackRequest, analyzer.AnalyzeResponse>(client.analyzeStack.bind(client), analyzeStackRequest(secureBucket("chat-dev-backups", {
            pab: { blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: false, restrictPublicBuckets: true },
        })));
        const pab = diagnosticsOf(resp).filter((d) => d.policyName === "s3-bucket-public-access-block-required");
        assert.deepEqual(pab.map((d) => [d.urn, d.enforcementLevel]), [[urnOf({ type: T.bucket, name: "chat-dev-backups" }), "mandatory"]]);
    });

    it("applies a stack's policy config sent with Configure (dev disables the protection rule)", async () => {
        const bucket = analyzeRequest({ type: T.bucket, name: "chat-dev-uploads", props: { bucketPrefix: "x-" } });
        const before = diagnosticsOf(await unary<analyzer.AnalyzeRequest, analyzer.AnalyzeResponse>(client.analyze.bind(client), bucket));
        assert.ok(before.some((d) => d.policyName === "pulumi-stateful-resource-protected"));

        // What the CLI sends: the reconciled config of every key (policyconfig.ts, as config.go does it).
        const file = JSON.parse(fs.readFileSync(path.join(POLICIES_DIR, "config/dev.json"), "utf8")) as Record<string, unknown>;
        const { config, schemaErrors, withoutLevel } = reconcilePolicyConfig(packPolicies.map(policyMeta), undefined, parsePolicyConfig(file).config);
        assert.deepEqual([...schemaErrors, ...withoutLevel], []);
        const req = new analyzer.ConfigureAnalyzerRequest();
        const levels = { advisory: 0, mandatory: 1, disabled: 2, remediate: 3 } as const;
        for (const [name, c] of config) {
            const pc = new analyzer.PolicyConfig();
            pc.setEnforcementlevel(levels[c.enforcementLevel ?? "advisory"]);
            pc.setProperties(Struct.fromJavaScript(JSON.parse(JSON.stringify(c.properties)) as Record<string, never>));
            req.getPolicyconfigMap().set(name, pc);
        }
        await unary<analyzer.ConfigureAnalyzerRequest, Empty>(client.configure.bind(client), req);
        const after = diagnosticsOf(await unary<analyzer.AnalyzeRequest, analyzer.AnalyzeResponse>(client.analyze.bind(client), bucket));
        assert.ok(!after.some((d) => d.policyName === "pulumi-stateful-resource-protected"));
    });
});
