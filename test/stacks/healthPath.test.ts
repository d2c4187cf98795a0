// One health path (stagecraft:healthPath; seed 004 uses /healthz) reaches every health check of
// every phase: Route53 health checks, load balancer target groups, the deploy tool's check after a
// deploy, the mTLS gateway's nginx and its NLB target group. Nothing probes /health behind its back.
import * as assert from "node:assert/strict";
import { buildStack } from "../../components/architectures/program";
import { type Registration } from "../../tools/mocks";
import { ofType, runWithMocks } from "../helpers/pulumi";
import { stackSettings } from "../helpers/stack";

const PATH = "/healthz";

async function build(stack: string): Promise<Registration[]> {
    const base = stackSettings(stack);
    const settings = { ...base, app: { ...base.app, healthPath: PATH } };
    const { registrations } = await runWithMocks(() => buildStack(settings), { stack, region: settings.region });
    return registrations;
}

/** Every string in the inputs that names a health path (/health, /healthz, ...). */
function healthPaths(value: unknown, found: string[] = []): string[] {
    if (typeof value === "string") {
        for (const m of value.matchAll(/\/health[a-z]*\b/g)) found.push(m[0]);
    } else if (Array.isArray(value)) {
        for (const v of value) healthPaths(v, found);
    } else if (value !== null && typeof value === "object") {
        for (const v of Object.values(value)) healthPaths(v, found);
    }
    return found;
}

describe("stacks: one configurable health path for every health check", function () {
    this.timeout(300_000);

    for (const stack of ["dev", "staging", "prod"]) {
        it(`${stack}: every health check and probe uses ${PATH}`, async () => {
            const registrations = await build(stack);
            const checks = [
                ...ofType(registrations, "aws:route53/healthCheck:HealthCheck").map((r) => r.inputs.resourcePath),
                ...ofType(registrations, "aws:lb/targetGroup:TargetGroup").map((r) => r.inputs.healthCheck?.path).filter((p) => p !== undefined),
            ];
            assert.ok(checks.length > 0, "the stack has health checks");
            assert.deepEqual([...new Set(checks)], [PATH]);
            // Whatever else probes the app (user data's deploy tool, SSM documents, nginx): no other path.
            const all = registrations.flatMap((r) => healthPaths(r.inputs));
            assert.ok(all.includes(PATH));
            assert.deepEqual([...new Set(all)], [PATH], `${stack}: ${[...new Set(all)].join(", ")}`);
        });
    }
});
