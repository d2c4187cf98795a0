import * as assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import * as path from "node:path";
import Ajv2020 from "ajv/dist/2020";
import { parse } from "yaml";
import { parseBootstrapSettings } from "../../bootstrap/settings";
import { backendUrls, StateBackend } from "../../bootstrap/stateBackend";
import { type CliRun, REPO, runCli } from "../check/run-cli";
import { ofType, runWithMocks } from "../helpers/pulumi";
import { readerFor } from "../helpers/settings";

const BOOTSTRAP = path.join(REPO, "bootstrap");

describe("bootstrap program", function () {
    this.timeout(300_000);

    describe("settings", () => {
        it("defaults: one name, three environments, the stack's region, no GitHub roles without a repository", () => {
            const read = readerFor({});
            const s = parseBootstrapSettings(read, "sa-east-1");
            assert.deepEqual(read.problems, []);
            assert.deepEqual([s.name, s.github, s.deployRegions, s.stateVersionsKeptDays], ["stagecraft", undefined, ["sa-east-1"], 90]);
            assert.deepEqual([s.environments, s.organizationEnvironments, s.stackProject], [["dev", "staging", "prod"], ["enterprise"], "stagecraft"]);
        });

        it("refuses an environment named like the bootstrap stack, whose resources every environment shares", () => {
            const read = readerFor({ environments: ["dev", "ops", "dev"] });
            parseBootstrapSettings(read, "us-east-1", "ops");
            assert.deepEqual(read.problems.map((p) => `${p.key} ${JSON.stringify(p.value)}`), ["stagecraft:environments \"ops\"", "stagecraft:environments [\"dev\",\"ops\",\"dev\"]"]);
        });

        it("rejects a malformed repository, wildcard environments and a provider ARN of another issuer", () => {
            const read = readerFor({
                githubRepository: "stagecraft",
                environments: ["prod", "*"],
                githubOidcProviderArn: "arn:aws:iam::123456789012:oidc-provider/accounts.google.com",
            });
            parseBootstrapSettings(read, "us-east-1");
            assert.deepEqual(read.problems.map((p) => p.key), ["stagecraft:githubRepository", "stagecraft:environments", "stagecraft:githubOidcProviderArn"]);
        });
    });

    describe("state backend", () => {
        it("gives the exact pulumi login and secrets-provider strings", () => {
            assert.deepEqual(backendUrls("stagecraft-pulumi-state-abc", "alias/stagecraft-pulumi-secrets", "us-east-1"), {
                loginUrl: "s3://stagecraft-pulumi-state-abc?region=us-east-1&awssdk=v2",
                secretsProvider: "awskms://alias/stagecraft-pulumi-secrets?region=us-east-1&awssdk=v2",
            });
        });

        it("encrypts the versioned state bucket with the rotating secrets key and keeps replaced versions 90 days", async () => {
            const { registrations } = await runWithMocks(() => new StateBackend("stagecraft", { name: "stagecraft", region: "us-east-1", versionsKeptDays: 90, tags: {} }));
            const [key] = ofType(registrations, "aws:kms/key:Key");
            assert.equal(key.inputs.enableKeyRotation, true);
            assert.equal(ofType(registrations, "aws:kms/alias:Alias")[0].inputs.name, "alias/stagecraft-pulumi-secrets");
            const sse = ofType(registrations, "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration")[0];
            assert.equal(sse.inputs.rules[0].applyServerSideEncryptionByDefault.sseAlgorithm, "aws:kms");
            assert.equal(ofType(registrations, "aws:s3/bucketVersioning:BucketVersioning")[0].inputs.versioningConfiguration.status, "Enabled");
            const rules = ofType(registrations, "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration")[0].inputs.rules;
            assert.ok(rules.some((r: { noncurrentVersionExpiration?: { noncurrentDays: number } }) => r.noncurrentVersionExpiration?.noncurrentDays === 90));
            assert.equal(ofType(registrations, "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock")[0].inputs.blockPublicPolicy, true);
        });
    });

    it("Pulumi.yaml validates against the Pulumi project schema", () => {
        const ajv = new Ajv2020({ strict: false, allErrors: true });
        const validate = ajv.compile(JSON.parse(readFileSync(path.join(REPO, "test/schemas/pulumi-project.schema.json"), "utf8")));
        assert.ok(validate(parse(readFileSync(path.join(BOOTSTRAP, "Pulumi.yaml"), "utf8"))), JSON.stringify(validate.errors));
    });

    describe("through the offline check (its own program, the stack's pack)", () => {
        let run: CliRun;
        before(async () => { run = await runCli(["--program", BOOTSTRAP, "--stack", "bootstrap"]); });

        it("passes the policy pack: every role document is known while planning; the findings are the deploy roles' advisory writes on \"*\" and the state bucket's missing access logs", () => {
            assert.equal(run.code, 0, run.stderr);
            // Creating resources needs writes on "*" (their ARNs do not exist yet); the deploy roles'
            // fence policy denies them on anything tagged for another environment. The advisory
            // iam-no-wildcard-resource-writes says so for each service policy that does it.
            const findings = run.report!.violations.map((v) => `${v.enforcementLevel} ${v.policy}`);
            assert.deepEqual([...new Set(findings)].sort(), ["advisory iam-no-wildcard-resource-writes", "advisory s3-bucket-access-logging"]);
            // The state bucket has no server access logs (an open, advisory finding: who read the state
            // is in CloudTrail only with data events on).
            const logging = run.report!.violations.filter((v) => v.policy === "s3-bucket-access-logging");
            assert.equal(logging.length, 1);
            const documents = new Set(run.report!.violations.filter((v) => v.policy === "iam-no-wildcard-resource-writes").map((v) => v.name));
            assert.ok([...documents].every((name) => /^stagecraft-github-deploy-(dev|staging|prod|enterprise)-[a-z]+$/.test(name ?? "")), [...documents].join(", "));
            assert.equal(run.report!.previewNotes.length, 0);
        });

        it("protects the state bucket and the key, and creates the OIDC provider and three roles per environment (deploy, preview, release)", () => {
            const resources = run.report!.resources;
            const protectedTypes = resources.filter((r) => r.protect).map((r) => r.type);
            assert.ok(protectedTypes.includes("aws:s3/bucket:Bucket") && protectedTypes.includes("aws:kms/key:Key"));
            assert.equal(resources.filter((r) => r.type === "aws:iam/openIdConnectProvider:OpenIdConnectProvider").length, 1);
            assert.equal(resources.filter((r) => r.type === "aws:iam/role:Role").length, 3 * 4);
        });

        it("outputs each environment's secrets provider, bound to its stack by encryption context", () => {
            const providers = run.report!.outputs.secretsProviders as Record<string, string>;
            assert.deepEqual(Object.keys(providers).sort(), ["dev", "enterprise", "prod", "staging"]);
            assert.equal(providers.prod, "awskms://alias/stagecraft-pulumi-secrets?region=us-east-1&awssdk=v2&context_project=stagecraft&context_stack=prod");
        });

        it("grants the organisation's services to the enterprise deploy role alone", () => {
            const documents = run.report!.resources.filter((r) => r.type === "aws:iam/policy:Policy")
                .map((r) => [r.props.name as string, String(r.props.policy)] as const);
            const withOrganizations = documents.filter(([, doc]) => doc.includes("organizations:Create*")).map(([name]) => name);
            assert.deepEqual(withOrganizations, ["stagecraft-deploy-enterprise-operations"]);
        });
    });
});
