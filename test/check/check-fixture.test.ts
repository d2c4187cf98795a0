// The offline check on a program outside this repository (test/fixtures/app, checked with
// --program) and two CrossGuard packs of our own (TypeScript and plain JavaScript), both served
// over the analyzer gRPC protocol. One run feeds every assertion.
import * as assert from "node:assert/strict";
import * as path from "node:path";
import type { Report, ReportResource } from "../../tools/check";
import { FIXTURE_APP, JS_PACK, POLICY_CONFIG, runCli, TS_PACK, type CliRun } from "./run-cli";

const URN = (type: string, name: string) => `urn:pulumi:dev::fixture-app::${type}::${name}`;
const STACK_URN = URN("pulumi:pulumi:Stack", "fixture-app-dev");

describe("offline check of the fixture program with the fixture packs", function () {
    this.timeout(120_000);
    let run: CliRun;
    let report: Report;
    const res = (name: string, type?: string): ReportResource => {
        const r = report.resources.find((x) => x.name === name && (type === undefined || x.type === type));
        assert.ok(r, `no resource ${name}`);
        return r;
    };
    const violationsOf = (policy: string) => report.violations.filter((v) => v.policy === policy);

    before(async () => {
        run = await runCli([
            "--program", FIXTURE_APP,
            "--stack", "dev",
            "--policy-pack", TS_PACK,
            "--policy-pack-config", path.join(POLICY_CONFIG, "fixture-ts.json"),
            "--policy-pack", JS_PACK,
            "--policy-pack-config", path.join(POLICY_CONFIG, "fixture-js.json"),
        ]);
        assert.ok(run.report, `no JSON report; stderr: ${run.stderr}`);
        report = run.report;
    });

    it("exits 1 because a mandatory policy is violated", () => {
        assert.equal(run.code, 1, run.stderr);
        assert.match(run.stdout, /Result: FAILED — 2 mandatory policy violations/);
    });

    describe("JSON report", () => {
        it("names the project and stack of the program, not this repository", () => {
            assert.equal(report.project, "fixture-app");
            assert.equal(report.stack, "dev");
        });

        it("lists every resource with the documented fields and types", () => {
            for (const r of report.resources) {
                assert.equal(typeof r.urn, "string");
                assert.equal(typeof r.type, "string");
                assert.equal(typeof r.name, "string");
                assert.ok(r.parent === null || typeof r.parent === "string");
                assert.equal(typeof r.props, "object");
                assert.ok(Array.isArray(r.dependencies));
                assert.equal(typeof r.protect, "boolean");
            }
        });

        it("counts resources and violations by level in the summary", () => {
            // As a preview counts them: without the engine's default providers (in the list, for policies).
            assert.equal(report.summary.resources, report.resources.filter((r) => !r.defaultProvider).length);
            assert.equal(report.summary.resources, 13);
            assert.equal(report.summary.defaultProviders, 1);
            assert.equal(report.summary.mandatory, report.violations.filter((v) => v.enforcementLevel === "mandatory").length);
            assert.equal(report.summary.advisory, report.violations.filter((v) => v.enforcementLevel === "advisory").length);
            assert.equal(report.summary.mandatory, 2);
        });

        it("gives violations their pack, policy, level, resource and message", () => {
            for (const v of report.violations) {
                assert.ok(["fixture-pack", "fixture-js-pack"].includes(v.policyPack));
                assert.ok(["advisory", "mandatory", "remediate"].includes(v.enforcementLevel));
                assert.equal(typeof v.message, "string");
                if (v.urn) {
                    const r = report.resources.find((x) => x.urn === v.urn);
                    assert.ok(r);
                    assert.equal(v.type, r.type);
                    assert.equal(v.name, r.name);
                }
            }
        });
    });

    describe("the recorded plan", () => {
        it("builds URNs as the engine does: the root stack's type is not in its children's", () => {
            assert.equal(res("logs").urn, URN("aws:s3/bucket:Bucket", "logs"));
            assert.equal(res("logs").parent, STACK_URN);
            assert.equal(res("web-0-sg").urn, URN("fixture:app:WebServer$aws:ec2/securityGroup:SecurityGroup", "web-0-sg"));
        });

        it("parents a component's children to the component", () => {
            const component = res("web-0", "fixture:app:WebServer");
            for (const child of ["web-0-sg", "web-0-host", "web-0-eip"]) {
                assert.equal(res(child).parent, component.urn);
            }
        });

        it("keeps known inputs and marks values only the cloud knows as <unknown>", () => {
            const sse = res("logs-sse");
            assert.equal(sse.props.bucket, "<unknown>");
            assert.deepEqual(sse.props.rules, [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms" } }]);
            assert.equal(res("web-0-eip").props.instance, "<unknown>");
            assert.equal(res("web-0-eip").props.domain, "vpc");
        });

        it("records dependencies and property dependencies of values that flow between resources", () => {
            const logs = res("logs");
            assert.ok(res("logs-sse").dependencies.includes(logs.urn));
            assert.deepEqual(res("logs-sse").propertyDependencies.bucket, [logs.urn]);
            assert.deepEqual(res("web-0-eip").propertyDependencies.instance, [res("web-0-host").urn]);
        });

        it("fills provider auto-names, known during a preview", () => {
            assert.match(res("logs").props.bucket as string, /^logs-[0-9a-f]{7}$/);
            assert.equal(report.outputs.bucketName, res("logs").props.bucket);
        });

        it("answers invokes realistically: the AMI lookup and the rendered IAM policy", () => {
            assert.match(res("web-0-host").props.ami as string, /^ami-0[0-9a-f]{16}$/);
            const trust = JSON.parse(res("app-role").props.assumeRolePolicy as string);
            assert.deepEqual(trust.Statement[0].Principal, { Service: "ec2.amazonaws.com" });
            assert.equal(report.invokes["aws:ec2/getAmi:getAmi"], 1);
            assert.deepEqual(report.outputs.zoneNames, ["eu-west-1a", "eu-west-1b", "eu-west-1c"]);
        });

        it("records options: protect and ignoreChanges", () => {
            assert.equal(res("logs").protect, true);
            assert.equal(res("scratch").protect, false);
            assert.deepEqual(res("web-0-host").options.ignoreChanges, ["ami"]);
        });

        it("shows a secure: config value as a secret and notes the placeholder", () => {
            assert.equal(res("db-password").props.value, "[secret]");
            assert.ok(report.notes.some((n) => /fixture-app:dbPassword is a secret .*cannot be decrypted offline/.test(n)));
        });

        it("lists the awsx VPC as a remote component not inspected offline", () => {
            const vpc = res("net", "awsx:ec2:Vpc");
            assert.equal(vpc.remote, true);
            assert.equal(vpc.note, "not inspected offline; a real preview inspects its children");
            assert.ok(report.notes.some((n) => n.startsWith("awsx:ec2:Vpc net: not inspected offline; a real preview inspects its children. It hides the VPC, subnets")));
            assert.equal(report.summary.remoteComponents, 1);
            assert.deepEqual(report.remoteComponents.map((c) => [c.name, c.policyRelevant]), [["net", false]]);
            assert.equal(report.result, "failed");
        });

        it("creates the default AWS provider from the stack's aws: config", () => {
            const provider = res("default_7_48_0", "pulumi:providers:aws");
            assert.equal(provider.props.region, "eu-west-1");
            assert.equal(res("logs").provider, provider.urn);
        });
    });

    describe("policy results", () => {
        it("reports the open SSH rule as mandatory on the security group", () => {
            const [v, ...rest] = violationsOf("fixture-no-public-ssh");
            assert.equal(rest.length, 0);
            assert.equal(v.enforcementLevel, "mandatory");
            assert.equal(v.name, "web-0-sg");
            assert.equal(v.type, "aws:ec2/securityGroup:SecurityGroup");
            assert.match(v.message, /SSH \(22\) is open to 0\.0\.0\.0\/0/);
        });

        it("correlates buckets and encryption side resources through property dependencies (stack policy)", () => {
            const v = violationsOf("fixture-bucket-encrypted");
            assert.deepEqual(v.map((x) => [x.name, x.enforcementLevel]), [["scratch", "mandatory"]]);
        });

        it("hands policies the resource options (protect)", () => {
            assert.deepEqual(violationsOf("fixture-bucket-protected").map((x) => [x.name, x.enforcementLevel]), [["scratch", "advisory"]]);
        });

        it("applies policy config from --policy-pack-config (required tags, allowed regions, disabled policy)", () => {
            const tags = violationsOf("fixture-required-tags");
            assert.ok(tags.length > 0);
            assert.ok(tags.every((v) => /missing tags: costCenter\./.test(v.message) && v.enforcementLevel === "advisory"));
            assert.equal(violationsOf("js-provider-region").length, 0);
            assert.equal(violationsOf("js-ignore-changes").length, 0);
        });

        it("reports a policy reading an unknown value ('can't run during preview') as a preview note, not a violation", () => {
            assert.equal(violationsOf("fixture-eip-known-instance").length, 0);
            const [v] = report.previewNotes.filter((n) => n.policy === "fixture-eip-known-instance");
            assert.equal(v.enforcementLevel, "advisory");
            assert.match(v.message, /can't run policy 'fixture-eip-known-instance' .* during preview: string value at \.instance can't be known during preview/);
            assert.equal(report.summary.previewNotes, report.previewNotes.length);
        });

        it("runs remediations and reports them as remediate, changing the planned inputs", () => {
            const remediated = violationsOf("js-instance-encrypted-root").filter((v) => v.enforcementLevel === "remediate");
            assert.deepEqual(remediated.map((v) => v.name), ["bastion"]);
            assert.deepEqual(res("bastion").props.rootBlockDevice, { encrypted: true });
            // A remediation that cannot run on an unknown value is a preview note, not an advisory violation.
            assert.deepEqual(violationsOf("js-instance-encrypted-root").filter((v) => v.enforcementLevel === "advisory"), []);
            const cannot = report.previewNotes.filter((v) => v.policy === "js-instance-encrypted-root");
            assert.deepEqual(cannot.map((v) => v.name), ["web-0-host"]);
            assert.match(cannot[0].message, /^can't run remediation 'js-instance-encrypted-root' .* during preview/);
        });

        it("takes the pack version from PulumiPolicy.yaml, else from the pack", () => {
            const versions = Object.fromEntries(report.policyPacks.map((p) => [p.name, p.version]));
            assert.deepEqual(versions, { "fixture-pack": "0.1.0", "fixture-js-pack": "0.2.0" });
        });
    });

    describe("text output", () => {
        it("prints the resource tree by component", () => {
            assert.match(run.stdout, /\+ {3}pulumi:pulumi:Stack\s+fixture-app-dev\s+create/);
            assert.match(run.stdout, /├─ fixture:app:WebServer\s+web-0\s+create/);
            assert.match(run.stdout, /│  ├─ aws:ec2:SecurityGroup\s+web-0-sg\s+create\s+1 mandatory/);
            assert.match(run.stdout, /awsx:ec2:Vpc\s+net\s+create\s+not inspected offline/);
        });

        it("groups violations by enforcement level with policy, resource and message", () => {
            const mandatory = run.stdout.indexOf("Mandatory (2):");
            const remediated = run.stdout.indexOf("Remediated (1):");
            const advisory = run.stdout.indexOf("Advisory (");
            assert.ok(mandatory > 0 && remediated > mandatory && advisory > remediated);
            assert.match(run.stdout, /- \[fixture-pack@v0\.1\.0\] fixture-no-public-ssh {2}\(aws:ec2:SecurityGroup web-0-sg\)/);
            assert.match(run.stdout, /\+ 13 to create \(1 protected\)/);
        });
    });
});
