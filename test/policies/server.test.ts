/**
 * Parity between the test helper and the policy server itself: the same resources run through
 * @pulumi/policy's own Analyze / AnalyzeStack handlers (from protobuf requests, as the engine sends
 * them) give the same diagnostics as through the helper every policy test uses.
 */
import * as assert from "node:assert/strict";
import type { AnalyzeResponse } from "@pulumi/pulumi/proto/analyzer_pb";
import * as serverModule from "@pulumi/policy/server";
import type { PackPolicy } from "../../policies/lib/policy";
import { PACK_NAME, packPolicies } from "../../policies/pack";
import { ALL_BLOCKED, res, secureBucket, side, T, tags } from "./helpers/fixtures";
import { analyzeRequest, analyzeStackRequest, diagnosticsOf, type WireDiagnostic } from "./helpers/proto";
import { type Diagnostic, type ResourceSpec, runResource, runStack, UNKNOWN, urnOf } from "./helpers/server";

type Handler = (call: { request: unknown }, callback: (err: unknown, resp?: AnalyzeResponse) => void) => Promise<void>;
type Server = {
    makeAnalyzeRpcFun(name: string, version: string, level: string, policies: unknown[]): Handler;
    makeAnalyzeStackRpcFun(name: string, version: string, level: string, policies: unknown[]): Handler;
};
const server = serverModule as unknown as Server;
const policies = packPolicies.map((p) => p.policy);

function call(handler: Handler, request: unknown): Promise<WireDiagnostic[]> {
    return new Promise((resolve, reject) => {
        void handler({ request }, (err, resp) => (err || resp === undefined ? reject(err) : resolve(diagnosticsOf(resp))));
    });
}

function serverAnalyze(spec: ResourceSpec) {
    return call(server.makeAnalyzeRpcFun(PACK_NAME, "0.0.0", "advisory", policies), analyzeRequest(spec));
}

function serverAnalyzeStack(specs: ResourceSpec[]) {
    return call(server.makeAnalyzeStackRpcFun(PACK_NAME, "0.0.0", "advisory", policies), analyzeStackRequest(specs));
}

function viaHelper(run: (p: PackPolicy) => Diagnostic[], kind: PackPolicy["kind"], urn?: string) {
    return packPolicies.filter((p) => p.kind === kind).flatMap(run)
        .map((d) => ({ policyName: d.policyName, message: d.message, enforcementLevel: d.enforcementLevel, urn: d.urn ?? urn ?? "" }));
}

const sort = (ds: { policyName: string; message: string }[]) => [...ds].sort((a, b) => `${a.policyName}${a.message}`.localeCompare(`${b.policyName}${b.message}`));

describe("policy server parity", () => {
    const resources: ResourceSpec[] = [
        res(T.ingress, "open-ssh", { ipProtocol: "-1", cidrIpv6: "::/0", securityGroupId: UNKNOWN, tags: tags("open-ssh") }),
        res(T.instance, "host", { metadataOptions: { httpTokens: UNKNOWN }, rootBlockDevice: { encrypted: false }, userData: UNKNOWN }),
        // (Attachments are judged by iam-no-administrator-access, a stack policy since it correlates them.)
        res(T.permission, "open-invoke", { action: "lambda:InvokeFunction", function: UNKNOWN, principal: "*" }),
        res(T.rolePolicy, "inline", { role: UNKNOWN, policy: JSON.stringify({ Statement: [{ Effect: "Allow", NotAction: "iam:*", Resource: "*" }] }) }),
        { ...res(T.topic, "alerts", { tags: { Name: "alerts" } }), provider: { type: "pulumi:providers:aws", name: "default", props: { defaultTags: JSON.stringify({ tags: { project: "p" } }) } } },
    ];

    for (const spec of resources) {
        it(`reports the same diagnostics for ${spec.name} (${spec.type.split(":").pop()})`, async () => {
            const wire = await serverAnalyze(spec);
            assert.ok(wire.length > 0);
            assert.deepEqual(sort(wire.map((d) => ({ ...d, urn: "" }))), sort(viaHelper((p) => runResource(p, spec), "resource").map((d) => ({ ...d, urn: "" }))));
        });
    }

    it("reports the same stack diagnostics for buckets linked by property dependencies", async () => {
        const specs = [
            ...secureBucket("chat-dev-uploads"),
            ...secureBucket("chat-dev-backups", { sse: false, versioning: false, policy: UNKNOWN }),
            res(T.bucket, "loose", { tags: tags("loose") }),
            side(T.pab, "loose-pab", "loose", { ...ALL_BLOCKED, restrictPublicBuckets: false }),
        ];
        const wire = await serverAnalyzeStack(specs);
        assert.ok(wire.some((d) => d.urn === urnOf({ type: T.bucket, name: "chat-dev-backups" }) && d.enforcementLevel === "mandatory"));
        assert.deepEqual(sort(wire), sort(viaHelper((p) => runStack(p, specs), "stack")));
    });
});
