// Benchmark of the pack's stack policies at scale: builds a stack of buckets, each with the v7
// side resources (encryption, public access block, versioning, policy, ownership), half linked by
// the bucket's known name and half only through property dependencies (as a preview links them),
// plus security groups and rules, and runs every stack policy of the pack over it the way the
// policy server does. Prints the time of each policy and the total at each size, and the ratio
// between sizes (4× the resources should take about 4× the time: linear). No pass/fail: numbers.
// Usage: npm run bench-policies -- [--sizes 10000,40000]   (small sizes such as 1000,4000 on a shared machine)
import type { PolicyResource, StackValidationArgs, StackValidationPolicy } from "@pulumi/policy";
import { packPolicies } from "../policies/pack";

function option(name: string, fallback: string): string {
    const i = process.argv.indexOf(name);
    return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

const SIDES = [
    ["aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration", { rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }] }],
    ["aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", { blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true }],
    ["aws:s3/bucketVersioning:BucketVersioning", { versioningConfiguration: { status: "Enabled" } }],
    ["aws:s3/bucketPolicy:BucketPolicy", { policy: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Deny", Principal: "*", Action: "s3:*", Resource: "*", Condition: { Bool: { "aws:SecureTransport": "false" } } }] }) }],
    ["aws:s3/bucketOwnershipControls:BucketOwnershipControls", { rule: { objectOwnership: "BucketOwnerEnforced" } }],
] as const;

function resource(type: string, name: string, props: Record<string, unknown>): PolicyResource {
    return {
        type, name, props, urn: `urn:pulumi:bench::bench::${type}::${name}`,
        opts: { protect: false, ignoreChanges: [], aliases: [], customTimeouts: { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 }, additionalSecretOutputs: [] },
        dependencies: [], propertyDependencies: {}, isType: () => false, asType: () => undefined,
    } as unknown as PolicyResource;
}

/** About `size` resources: 6 per bucket (bucket + 5 sides), the rest security groups with a rule each. */
function stack(size: number): PolicyResource[] {
    const out: PolicyResource[] = [];
    const buckets = Math.floor((size * 0.75) / 6);
    for (let b = 0; b < buckets; b++) {
        const byName = b % 2 === 0;
        const bucket = resource("aws:s3/bucket:Bucket", `backup-${b}`, byName ? { bucket: `backup-${b}-name` } : {});
        out.push(bucket);
        for (const [type, props] of SIDES) {
            const side = resource(type, `backup-${b}-${type.split(":")[2]}`, { bucket: byName ? `backup-${b}-name` : undefined, ...props });
            if (!byName) {
                (side as { propertyDependencies: Record<string, PolicyResource[]> }).propertyDependencies = { bucket: [bucket] };
                (side as { dependencies: PolicyResource[] }).dependencies = [bucket];
            }
            out.push(side);
        }
    }
    for (let g = 0; out.length < size; g++) {
        const group = resource("aws:ec2/securityGroup:SecurityGroup", `sg-${g}`, { description: "bench" });
        out.push(group);
        const rule = resource("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", `sg-${g}-https`, { ipProtocol: "tcp", fromPort: 443, toPort: 443, cidrIpv4: "0.0.0.0/0", description: "https" });
        (rule as { propertyDependencies: Record<string, PolicyResource[]> }).propertyDependencies = { securityGroupId: [group] };
        out.push(rule);
    }
    return out;
}

function run(policy: StackValidationPolicy, resources: PolicyResource[]): { ms: number; reports: number } {
    let reports = 0;
    const args: StackValidationArgs = {
        resources, stackTags: new Map(), getConfig: <T extends object>() => ({}) as T,
        notApplicable: (): never => { throw new Error("not applicable"); },
    } as unknown as StackValidationArgs;
    const start = process.hrtime.bigint();
    void policy.validateStack(args, () => { reports++; });
    return { ms: Number(process.hrtime.bigint() - start) / 1e6, reports };
}

const sizes = option("--sizes", "10000,40000").split(",").map(Number);
const stackPolicies = packPolicies.filter((p) => p.kind === "stack");
const totals: number[] = [];
for (const size of sizes) {
    const resources = stack(size);
    console.log(`\n${resources.length.toLocaleString("en")} resources (${stackPolicies.length} stack policies)`);
    let total = 0;
    for (const p of stackPolicies) {
        const { ms, reports } = run(p.policy as StackValidationPolicy, resources);
        total += ms;
        console.log(`  ${p.info.name.padEnd(48)} ${ms.toFixed(1).padStart(9)} ms  ${reports} reports`);
    }
    totals.push(total);
    console.log(`  ${"total".padEnd(48)} ${total.toFixed(1).padStart(9)} ms`);
}
for (let i = 1; i < sizes.length; i++) {
    console.log(`\n${sizes[i]} / ${sizes[i - 1]} resources: ${(sizes[i] / sizes[i - 1]).toFixed(1)}× the resources took ${(totals[i] / totals[i - 1]).toFixed(1)}× the time`);
}
