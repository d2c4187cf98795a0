import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { parse as parseYaml } from "yaml";
import { configProblems, describeSchemaError, type PolicyConfigFile, policyMeta, reconcile } from "../../policies/lib/packconfig";
import { parsePolicyConfig, reconcilePolicyConfig } from "../../policies/lib/policyconfig";
import { PACK_NAME, packPolicies } from "../../policies/pack";
import { expectedReadme, README } from "../../tools/policy-table/generate";
import { validateConfig } from "./helpers/server";

const POLICIES_DIR = path.resolve(__dirname, "../../policies");
const readJson = (file: string): unknown => JSON.parse(fs.readFileSync(path.join(POLICIES_DIR, file), "utf8"));
const configFile = (stack: string) => readJson(`config/${stack}.json`) as PolicyConfigFile;

/** Every stack's policy config file (policies/config/<stack>.json). */
const STACKS = fs.readdirSync(path.join(POLICIES_DIR, "config")).filter((f) => f.endsWith(".json")).map((f) => f.slice(0, -".json".length)).sort();

/**
 * Everything wrong with a policy config file, at once: what the pack's reader refuses (unknown
 * policies, invalid levels, unknown settings, refused values) and what the CLI's JSON-schema check
 * of each policy's effective config refuses.
 */
function problemsOf(file: PolicyConfigFile): string[] {
    const { schemaErrors } = reconcilePolicyConfig(packPolicies.map(policyMeta), undefined, parsePolicyConfig(file).config);
    return [...configProblems(packPolicies, file), ...schemaErrors.map(describeSchemaError)];
}

/** The floor the user named: mandatory in every stack. */
const FLOOR = [
    "ec2-security-group-no-public-ssh", "ec2-security-group-no-public-rdp", "ec2-security-group-no-public-admin-ports-across-rules",
    "iam-no-administrator-access",
    "s3-bucket-encryption-required",
];

describe("the policy pack", () => {
    it("has unique policy names of the form <service>-<resource>-<rule>", () => {
        const names = packPolicies.map((p) => p.info.name);
        assert.equal(new Set(names).size, names.length);
        for (const name of names) assert.match(name, /^[a-z0-9]+(-[a-z0-9]+){2,}$/, name);
        assert.ok(!names.includes("all"), "\"all\" is reserved by the policy config format");
    });

    it("gives every policy a description, severity, topics, resource types, remediation and a documentation URL", () => {
        for (const { info, policy } of packPolicies) {
            assert.ok(info.description.endsWith("."), `${info.name}: description is a sentence`);
            assert.ok(["low", "medium", "high", "critical"].includes(info.severity), info.name);
            assert.ok(info.topics.length > 0, `${info.name}: topics`);
            assert.ok(info.resourceTypes.length > 0, `${info.name}: resource types`);
            assert.ok(info.remediation.length > 0, `${info.name}: remediation`);
            assert.match(info.url, /^https:\/\//, `${info.name}: url`);
            assert.equal(policy.severity, info.severity);
            assert.deepEqual(policy.tags?.slice(0, info.topics.length), [...info.topics]);
        }
    });

    it("names framework controls where a framework applies, and passes the first to the engine", () => {
        for (const { info, policy } of packPolicies) {
            for (const f of info.frameworks) assert.match(f.control, /^([A-Za-z0-9]+\.\d+|\d+(\.\d+)+)$/, `${info.name}: ${f.control}`);
            assert.equal(policy.framework?.reference, info.frameworks[0]?.control, info.name);
        }
    });

    it("gives every policy a config schema with exemptions that require a reason", () => {
        for (const { info, policy } of packPolicies) {
            const exemptions = policy.configSchema?.properties.exemptions as { items: { required: string[] } } | undefined;
            assert.deepEqual(exemptions?.items.required, ["resource", "reason"], info.name);
            assert.equal(policy.configSchema?.properties.enforcementLevel, undefined, `${info.name}: enforcementLevel is reserved`);
        }
    });

    it("checks resource types in the v7 token format", () => {
        for (const { info } of packPolicies) {
            for (const t of info.resourceTypes) assert.match(t, /^aws:[a-z0-9]+\/[a-zA-Z0-9]+:[A-Z][A-Za-z0-9]+$/, `${info.name}: ${t}`);
        }
    });

    it("has a test file that exercises every policy", () => {
        const tests = (fs.readdirSync(__dirname, { recursive: true }) as string[]).filter((f) => f.endsWith(".test.ts") && f !== path.basename(__filename))
            .map((f) => fs.readFileSync(path.join(__dirname, f), "utf8")).join("\n");
        for (const { info } of packPolicies) assert.ok(tests.includes(`describe("${info.name}"`), `no describe("${info.name}") in test/policies`);
    });

    it("is a runnable CrossGuard project: PulumiPolicy.yaml on nodejs, package.json with a version and index.ts as main", () => {
        const project = parseYaml(fs.readFileSync(path.join(POLICIES_DIR, "PulumiPolicy.yaml"), "utf8")) as Record<string, unknown>;
        assert.equal(project.runtime, "nodejs");
        const pkg = readJson("package.json") as { version: string; main: string; dependencies: Record<string, string> };
        assert.match(pkg.version, /^\d+\.\d+\.\d+/);
        assert.equal(pkg.main, "index.ts");
        assert.ok(pkg.dependencies["@pulumi/policy"] !== undefined);
        assert.match(PACK_NAME, /^[a-zA-Z0-9-_.]{1,100}$/);
    });

    it("never calls AWS: no policy module imports an AWS SDK or opens a connection", () => {
        for (const file of fs.readdirSync(POLICIES_DIR, { recursive: true }) as string[]) {
            if (!file.endsWith(".ts") || file.includes("node_modules")) continue;
            const source = fs.readFileSync(path.join(POLICIES_DIR, file), "utf8");
            assert.doesNotMatch(source, /from "(@aws-sdk\/|aws-sdk|node:https?|node:net|@pulumi\/aws)"/, file);
        }
    });

    it("imports only its own files, node built-ins and the packages its package.json declares (it is published on its own)", () => {
        const declared = Object.keys((readJson("package.json") as { dependencies: Record<string, string> }).dependencies);
        const problems: string[] = [];
        for (const file of fs.readdirSync(POLICIES_DIR, { recursive: true }) as string[]) {
            if (!file.endsWith(".ts") || file.includes("node_modules")) continue;
            const source = fs.readFileSync(path.join(POLICIES_DIR, file), "utf8");
            for (const [, spec] of source.matchAll(/(?:from|import|require)\s*\(?\s*"([^"]+)"/g)) {
                if (spec.startsWith(".")) {
                    const target = path.resolve(POLICIES_DIR, path.dirname(file), spec);
                    if (path.relative(POLICIES_DIR, target).startsWith("..")) problems.push(`${file} imports ${spec}, outside policies/`);
                } else if (!spec.startsWith("node:")) {
                    const pkg = spec.startsWith("@") ? spec.split("/").slice(0, 2).join("/") : spec.split("/")[0];
                    if (!declared.includes(pkg)) problems.push(`${file} imports ${spec}, which policies/package.json does not declare`);
                }
            }
        }
        assert.deepEqual(problems, []);
    });
});

describe("policies/config/", () => {
    it("has a policy config file for every stack of the program, and for no other", () => {
        const programStacks = fs.readdirSync(path.join(POLICIES_DIR, "..")).map((f) => /^Pulumi\.(.+)\.yaml$/.exec(f)?.[1]).filter((s) => s !== undefined).sort();
        assert.deepEqual(STACKS, programStacks);
        assert.deepEqual(STACKS, ["dev", "enterprise", "prod", "staging"]);
    });

    it("finds a misspelt policy, level or setting, a value of the wrong type and an exemption without a reason, all at once", () => {
        const file = structuredClone(configFile("prod")) as Record<string, unknown>;
        file["ec2-security-group-no-public-sh"] = "mandatory";
        file["kms-key-rotation-enabled"] = "mandatory!";
        file["ec2-security-group-public-ingress-allowlist"] = { enforcementLevel: "advisory", allowedPort: [80, 443] };
        file["cloudwatch-log-group-retention-required"] = { enforcementLevel: "mandatory", minimumRetentionDays: "30" };
        file["iam-no-wildcard-actions"] = { enforcementLevel: "mandatory", exemptions: [{ resource: "ci-role" }] };
        assert.deepEqual(problemsOf(file as PolicyConfigFile), [
            "\"ec2-security-group-public-ingress-allowlist\": \"allowedPort\" is not a setting of this policy (it has exemptions, reason, allowedPorts)",
            "\"iam-no-wildcard-actions\": exemptions [{\"resource\":\"ci-role\"}] is refused: invalid policy config value [{\"resource\":\"ci-role\"}] for \"exemptions\"",
            "\"kms-key-rotation-enabled\": \"mandatory!\" is not an enforcement level (advisory, mandatory, remediate, disabled)",
            "\"cloudwatch-log-group-retention-required\": minimumRetentionDays \"30\" is refused: invalid policy config value \"30\" for \"Smallest accepted retentionInDays.\"",
            "\"ec2-security-group-no-public-sh\" is not a policy of this pack",
            "iam-no-wildcard-actions/exemptions/0 must have required property 'reason'",
            "cloudwatch-log-group-retention-required/minimumRetentionDays must be integer",
        ]);
    });
});

for (const stack of STACKS) {
    describe(`policies/config/${stack}.json`, () => {
        it("lists no problem: every key a policy of the pack, every level valid, every setting one the policy has, every value accepted", () => {
            assert.deepEqual(problemsOf(configFile(stack)), []);
        });

        it("names only policies of the pack, in the format the CLI reads", () => {
            assert.doesNotThrow(() => reconcile(packPolicies, configFile(stack)));
        });

        it("sets a level for every policy, so the file documents the stack's enforcement", () => {
            assert.deepEqual(Object.keys(configFile(stack)).sort(), packPolicies.map((p) => p.info.name).sort());
        });

        it("validates against every policy's config schema, as the CLI checks it before a preview", () => {
            const effective = reconcile(packPolicies, configFile(stack));
            for (const p of packPolicies) assert.deepEqual(validateConfig(p, { ...effective.get(p.info.name)?.properties }), [], p.info.name);
        });

        it("keeps the checklist floor mandatory", () => {
            const effective = reconcile(packPolicies, configFile(stack));
            for (const name of FLOOR) assert.equal(effective.get(name)?.enforcementLevel, "mandatory", name);
        });

        it("gives every disabled policy the reason of the stack's design", () => {
            for (const [name, value] of Object.entries(configFile(stack))) {
                const level = typeof value === "string" ? value : value.enforcementLevel;
                if (level !== "disabled") continue;
                const reason = typeof value === "string" ? "" : String(value.reason ?? "");
                assert.ok(reason.trim().length > 20, `${name} is disabled in ${stack} without a reason: write {"enforcementLevel": "disabled", "reason": "..."}`);
            }
        });

        it("gives every exemption a reason", () => {
            for (const [name, value] of Object.entries(configFile(stack))) {
                if (typeof value === "string") continue;
                for (const e of (value.exemptions ?? []) as { reason: string }[]) assert.ok(e.reason.trim().length > 10, `${name}: exemption needs a real reason`);
            }
        });
    });
}

describe("policies/config dev vs prod", () => {
    it("makes nothing mandatory in dev that prod relaxes", () => {
        const dev = reconcile(packPolicies, configFile("dev"));
        const prod = reconcile(packPolicies, configFile("prod"));
        for (const p of packPolicies) {
            if (dev.get(p.info.name)?.enforcementLevel === "mandatory") assert.equal(prod.get(p.info.name)?.enforcementLevel, "mandatory", p.info.name);
        }
    });

    it("marks the same buckets public for every policy that reads publicBuckets", () => {
        for (const stack of STACKS) {
            const effective = reconcile(packPolicies, configFile(stack));
            const lists = packPolicies.filter((p) => "publicBuckets" in p.fields).map((p) => JSON.stringify(effective.get(p.info.name)?.properties.publicBuckets));
            assert.equal(new Set(lists).size, 1, stack);
        }
    });
});

describe("policies/README.md", () => {
    it("carries the generated policy table for the current pack and configs", () => {
        assert.equal(fs.readFileSync(README, "utf8"), expectedReadme(), "run: npx ts-node --transpile-only tools/policy-table/generate.ts");
    });
});
