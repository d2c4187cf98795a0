// Generates a Pulumi TypeScript program with a given number of resources for the offline-check
// benchmark: components of a bucket with encryption and public-access-block side resources that
// take the bucket's (unknown) id, a security group and a rule; plain buckets fill the rest.
import * as fs from "node:fs";
import * as path from "node:path";

/** Resources the engine adds by itself: the root stack and the default aws provider. */
export const FIXED_RESOURCES = 2;
const PER_UNIT = 6; // component + bucket + sse + pab + security group + ingress rule

export function generateProgram(dir: string, resources: number, nodeModules: string): void {
    fs.mkdirSync(dir, { recursive: true });
    const name = path.basename(dir);
    fs.writeFileSync(path.join(dir, "Pulumi.yaml"), `name: ${name}\nruntime: nodejs\nconfig:\n  aws:region: us-east-1\n`);
    fs.writeFileSync(path.join(dir, "Pulumi.bench.yaml"), "config: {}\n");
    fs.writeFileSync(
        path.join(dir, "tsconfig.json"),
        JSON.stringify({ compilerOptions: { strict: true, target: "ES2020", module: "commonjs", moduleResolution: "node", esModuleInterop: true, skipLibCheck: true }, files: ["index.ts"] }, null, 2),
    );
    fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name, private: true, main: "index.ts" }, null, 2));
    if (!fs.existsSync(path.join(dir, "node_modules"))) {
        fs.symlinkSync(nodeModules, path.join(dir, "node_modules"), "dir");
    }
    const body = resources <= 1 ? "// empty program: only the stack\n" : programBody(resources - FIXED_RESOURCES);
    fs.writeFileSync(path.join(dir, "index.ts"), body);
}

function programBody(count: number): string {
    const units = Math.floor(count / PER_UNIT);
    const plain = count - units * PER_UNIT;
    return `import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";

const tags = { project: "bench", environment: "bench", owner: "bench" };

class Unit extends pulumi.ComponentResource {
    constructor(name: string, opts?: pulumi.ComponentResourceOptions) {
        super("bench:index:Unit", name, {}, opts);
        const bucket = new aws.s3.Bucket(\`\${name}-data\`, { tags: { ...tags, Name: \`\${name}-data\` } }, { parent: this });
        new aws.s3.BucketServerSideEncryptionConfiguration(\`\${name}-data-sse\`, {
            bucket: bucket.id,
            rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms" }, bucketKeyEnabled: true }],
        }, { parent: this });
        new aws.s3.BucketPublicAccessBlock(\`\${name}-data-pab\`, {
            bucket: bucket.id,
            blockPublicAcls: true,
            blockPublicPolicy: true,
            ignorePublicAcls: true,
            restrictPublicBuckets: true,
        }, { parent: this });
        const sg = new aws.ec2.SecurityGroup(\`\${name}-sg\`, { description: "bench", tags: { ...tags, Name: \`\${name}-sg\` } }, { parent: this });
        new aws.vpc.SecurityGroupIngressRule(\`\${name}-sg-https\`, {
            securityGroupId: sg.id,
            ipProtocol: "tcp",
            fromPort: 443,
            toPort: 443,
            cidrIpv4: "10.0.0.0/16",
            description: "https from the VPC",
            tags: { ...tags, Name: \`\${name}-sg-https\` },
        }, { parent: this });
        this.registerOutputs({ bucket: bucket.id });
    }
}

for (let i = 0; i < ${units}; i++) {
    new Unit(\`unit-\${i}\`);
}
for (let i = 0; i < ${plain}; i++) {
    new aws.s3.Bucket(\`extra-\${i}\`, { tags: { ...tags, Name: \`extra-\${i}\` } });
}
`;
}
