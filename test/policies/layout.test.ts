/**
 * Meta-tests that keep the pack's layout and names from drifting (compliance-policies'
 * assertCodeQuality, done over the whole pack): a folder per service, one policy per file with the
 * file, the export and the policy name agreeing, every name in the grammar of
 * policies/lib/naming.ts, metadata on every policy and a spec for every policy at the mirrored path.
 */
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { FRAMEWORKS, type PackPolicy } from "../../policies/lib/policy";
import {
    checkPolicyName, CROSS_SERVICE_FOLDERS, kebabOf, REQUIREMENT_SHAPES, RESOURCE_ALIASES, type RequirementShape,
} from "../../policies/lib/naming";
import { packPolicies } from "../../policies/pack";

const POLICIES_DIR = path.resolve(__dirname, "../../policies");
/** Folders of policies/ that hold no policies. */
const NOT_SERVICES = new Set(["lib", "config", "node_modules", "bin"]);

const SERVICES = fs.readdirSync(POLICIES_DIR, { withFileTypes: true })
    .filter((e) => e.isDirectory() && !NOT_SERVICES.has(e.name)).map((e) => e.name).sort();

function isPackPolicy(value: unknown): value is PackPolicy {
    const v = value as Partial<PackPolicy> | null;
    return v !== null && typeof v === "object" && typeof v.info?.name === "string" && (v.kind === "resource" || v.kind === "stack") && v.policy !== undefined;
}

interface ServiceFile {
    /** File name without .ts. */
    readonly base: string;
    readonly source: string;
    /** Exports that are policies, by export name. */
    readonly policies: readonly [string, PackPolicy][];
}

function filesOf(service: string): ServiceFile[] {
    const dir = path.join(POLICIES_DIR, service);
    return fs.readdirSync(dir).filter((f) => f.endsWith(".ts") && f !== "index.ts").sort().map((f) => {
        const file = path.join(dir, f);
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const exports = require(file) as Record<string, unknown>;
        return {
            base: f.slice(0, -3),
            source: fs.readFileSync(file, "utf8"),
            policies: Object.entries(exports).filter((e): e is [string, PackPolicy] => isPackPolicy(e[1])),
        };
    });
}

function indexOf(service: string): readonly PackPolicy[] {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const index = require(path.join(POLICIES_DIR, service, "index.ts")) as Record<string, unknown>;
    const list = index[`${service}Policies`];
    assert.ok(Array.isArray(list), `policies/${service}/index.ts exports no ${service}Policies list`);
    return list as PackPolicy[];
}

const PolicyInfoKeys = ["name", "description", "severity", "enforcementLevel", "frameworks", "topics", "resourceTypes", "remediation", "url"];

describe("the policy pack's layout", () => {
    it("keeps only the pack files, the shared lib/ and config/ and service folders in policies/", () => {
        const ts = fs.readdirSync(POLICIES_DIR).filter((f) => f.endsWith(".ts")).sort();
        assert.deepEqual(ts, ["index.ts", "pack.ts"]);
        assert.ok(SERVICES.length > 0);
    });

    it("lists the service folders in pack.ts in table order, each folder's policies together", () => {
        const byService = new Map(SERVICES.map((s) => [s, indexOf(s)]));
        const order = [...new Set(packPolicies.map((p) => SERVICES.find((s) => byService.get(s)?.includes(p))))];
        assert.ok(!order.includes(undefined), "every policy of the pack comes from a service folder's index.ts");
        assert.deepEqual(order.slice().sort(), SERVICES, "every service folder is in the pack");
        assert.deepEqual(packPolicies, order.flatMap((s) => byService.get(s as string) ?? []));
    });

    it("has unique policy names", () => {
        const names = packPolicies.map((p) => p.info.name);
        assert.equal(new Set(names).size, names.length);
    });
});

for (const service of SERVICES) {
    describe(`policies/${service}/`, () => {
        const files = filesOf(service);
        const policyFiles = files.filter((f) => f.policies.length > 0);
        const policies = policyFiles.map((f) => f.policies[0][1]);

        it("holds each policy in its own file, named after the policy, exporting it under that name", () => {
            assert.ok(policyFiles.length > 0, "a service folder holds at least one policy");
            const problems: string[] = [];
            for (const f of policyFiles) {
                if (f.policies.length > 1) problems.push(`${f.base}.ts exports ${f.policies.length} policies (${f.policies.map(([e]) => e).join(", ")}); one per file`);
                const [exported, policy] = f.policies[0];
                if (exported !== f.base) problems.push(`${f.base}.ts exports its policy as ${exported}, not ${f.base}`);
                if (policy.info.name !== `${service}-${kebabOf(f.base)}`) problems.push(`${f.base}.ts holds ${policy.info.name}; the file for it is ${service}/${policy.info.name.slice(service.length + 1).replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase())}.ts`);
            }
            assert.deepEqual(problems, []);
        });

        it("keeps code only modules of this folder share beside the policies (imported by at least two files)", () => {
            const problems: string[] = [];
            for (const f of files.filter((x) => x.policies.length === 0)) {
                const importers = files.filter((o) => o !== f && new RegExp(`from "\\./${f.base}"`).test(o.source)).map((o) => o.base);
                if (importers.length < 2) problems.push(`${f.base}.ts is not a policy and is imported by ${importers.length === 0 ? "no file" : importers.join(", ")}: keep code one policy uses in its file`);
            }
            assert.deepEqual(problems, []);
        });

        it("lists every policy of the folder in index.ts, once", () => {
            const listed = indexOf(service);
            assert.equal(new Set(listed).size, listed.length);
            assert.deepEqual(new Set(listed), new Set(policies));
        });

        it("names every policy <service>-<resource>-<requirement> (policies/lib/naming.ts)", () => {
            const problems = policies.map((p) => checkPolicyName(p.info.name, service, p.info.resourceTypes)).flatMap((c) => (c.ok ? [] : [c.problem]));
            assert.deepEqual(problems, []);
        });

        it("gives every policy its metadata: description, severity, level, frameworks, topics, types, remediation, URL", () => {
            for (const { info } of policies) {
                assert.deepEqual(Object.keys(info).filter((k) => k !== "awsDefault").sort(), [...PolicyInfoKeys].sort(), info.name);
                if (info.awsDefault !== undefined) {
                    // A default the policy relies on names the AWS page that states it, and since when
                    // (or, for a default without a date of its own, when the page was read).
                    assert.match(info.awsDefault.url, /^https:\/\/docs\.aws\.amazon\.com\/\S+$/, `${info.name}: awsDefault.url`);
                    const when = info.awsDefault.since ?? info.awsDefault.checked ?? "";
                    assert.match(when, /^\d{4}-\d{2}(-\d{2})?$/, `${info.name}: awsDefault.since or .checked`);
                    assert.ok(info.awsDefault.note.trim().endsWith("."), `${info.name}: awsDefault.note`);
                }
                assert.ok(info.description.trim().endsWith("."), `${info.name}: description is one sentence`);
                assert.ok(["low", "medium", "high", "critical"].includes(info.severity), `${info.name}: severity`);
                assert.ok(["advisory", "mandatory"].includes(info.enforcementLevel), `${info.name}: enforcementLevel`);
                for (const f of info.frameworks) assert.ok(f.framework in FRAMEWORKS && f.control.length > 0, `${info.name}: framework ${JSON.stringify(f)}`);
                assert.ok(info.topics.length > 0, `${info.name}: topics`);
                assert.ok(info.resourceTypes.length > 0, `${info.name}: resource types`);
                assert.ok(info.remediation.trim().length > 0, `${info.name}: remediation`);
                assert.match(info.url, /^https:\/\/\S+$/, `${info.name}: url`);
            }
        });

        it("has a spec per policy at the mirrored path, test/policies/<service>/<policy file>.test.ts, naming the policy", () => {
            const specDir = path.join(__dirname, service);
            const problems: string[] = [];
            for (const f of policyFiles) {
                const spec = path.join(specDir, `${f.base}.test.ts`);
                const name = f.policies[0][1].info.name;
                if (!fs.existsSync(spec)) problems.push(`no spec ${path.relative(__dirname, spec)} for ${name}`);
                else if (!fs.readFileSync(spec, "utf8").includes(`describe("${name}"`)) problems.push(`${path.relative(__dirname, spec)} has no describe("${name}")`);
            }
            const specs = fs.existsSync(specDir) ? fs.readdirSync(specDir).filter((f) => f.endsWith(".test.ts")) : [];
            for (const s of specs) {
                if (!policyFiles.some((f) => `${f.base}.test.ts` === s)) problems.push(`test/policies/${service}/${s} specifies no policy file of policies/${service}/`);
            }
            assert.deepEqual(problems, []);
        });
    });
}

describe("the policy naming grammar (policies/lib/naming.ts)", () => {
    const SG_TYPES = ["aws:ec2/securityGroup:SecurityGroup", "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule"];
    const problem = (name: string, folder: string, types: readonly string[]) => {
        const c = checkPolicyName(name, folder, types);
        return c.ok ? undefined : c.problem;
    };

    it("splits a name into service, resource and requirement", () => {
        assert.deepEqual(checkPolicyName("ec2-security-group-no-public-ssh", "ec2", SG_TYPES),
            { ok: true, parsed: { service: "ec2", resource: "security-group", requirement: "no-public-ssh", shape: "prohibition", word: "no" } });
        assert.deepEqual(checkPolicyName("iam-role-trust-no-public-principal", "iam", ["aws:iam/role:Role"]),
            { ok: true, parsed: { service: "iam", resource: "role", requirement: "trust-no-public-principal", shape: "prohibition", word: "no" } });
        assert.deepEqual(checkPolicyName("s3-bucket-ownership-enforced", "s3", ["aws:s3/bucketOwnershipControls:BucketOwnershipControls"]),
            { ok: true, parsed: { service: "s3", resource: "bucket-ownership", requirement: "enforced", shape: "state", word: "enforced" } });
        assert.deepEqual(checkPolicyName("lb-alb-drop-invalid-header-fields", "lb", ["aws:lb/loadBalancer:LoadBalancer", "aws:alb/loadBalancer:LoadBalancer"]),
            { ok: true, parsed: { service: "lb", resource: "alb", requirement: "drop-invalid-header-fields", shape: "action", word: "drop" } });
    });

    it("lets a prohibition over several types of the service leave the resource out, and nothing else", () => {
        const iam = ["aws:iam/role:Role", "aws:iam/policy:Policy"];
        assert.equal(problem("iam-no-wildcard-actions", "iam", iam), undefined);
        assert.match(problem("iam-no-wildcard-actions", "iam", ["aws:iam/role:Role"]) ?? "", /does not name what the policy judges/);
        assert.match(problem("iam-wildcard-actions-required", "iam", iam) ?? "", /"wildcard" does not name what the policy judges/);
    });

    it("refuses names outside the grammar, saying why", () => {
        assert.match(problem("EC2-security-group-no-public-ssh", "ec2", SG_TYPES) ?? "", /lower-case kebab/);
        assert.match(problem("ec2-security-group--ssh", "ec2", SG_TYPES) ?? "", /lower-case kebab/);
        assert.match(problem("vpc-security-group-no-public-ssh", "ec2", SG_TYPES) ?? "", /does not start with its folder's service, "ec2-"/);
        assert.match(problem("sqs-queue-encrypted", "sqs", SG_TYPES) ?? "", /neither the module of a type the policy inspects nor a cross-service folder/);
        assert.match(problem("ec2-bucket-no-public-ssh", "ec2", SG_TYPES) ?? "", /"bucket" does not name what the policy judges/);
        assert.match(problem("ec2-security-group-open-ssh", "ec2", SG_TYPES) ?? "", /the requirement "open-ssh" neither opens with no\/not-on\/has\/drop\/scan nor ends with required\//);
        assert.match(problem("ec2-security-group-no", "ec2", SG_TYPES) ?? "", /the requirement "no" neither opens/);
        assert.match(problem("ec2-security-group", "ec2", SG_TYPES) ?? "", /has no requirement after the resource/);
        assert.match(problem("s3-user-data-no-secrets", "s3", ["aws:s3/bucket:Bucket"]) ?? "", /"user" does not name/, "aliases belong to their folder");
    });

    it("uses every requirement word and resource alias in some policy name, so the lists stay closed and minimal", () => {
        const used = new Set<string>();
        const aliases = new Set<string>();
        for (const service of SERVICES) {
            for (const p of indexOf(service)) {
                const c = checkPolicyName(p.info.name, service, p.info.resourceTypes);
                if (!c.ok) continue;
                used.add(`${c.parsed.shape}:${c.parsed.word}`);
                if (c.parsed.resource in (RESOURCE_ALIASES[service] ?? {})) aliases.add(`${service}:${c.parsed.resource}`);
            }
        }
        const words = (Object.entries(REQUIREMENT_SHAPES) as [string, RequirementShape][]).flatMap(([shape, s]) => s.words.map((w) => `${shape}:${w}`));
        assert.deepEqual(words.filter((w) => !used.has(w)), []);
        const declared = Object.entries(RESOURCE_ALIASES).flatMap(([service, a]) => Object.keys(a).map((k) => `${service}:${k}`));
        assert.deepEqual(declared.filter((a) => !aliases.has(a)), []);
        assert.deepEqual(Object.keys(CROSS_SERVICE_FOLDERS).filter((f) => !SERVICES.includes(f)), []);
    });
});
