import * as assert from "node:assert/strict";
import type { ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import { resourcePolicy, stackPolicy } from "../../../policies/lib/policy";
import { str, UNKNOWN } from "../../../policies/lib/values";
import { details, runResource, runStack, urnOf, UNKNOWN as WIRE_UNKNOWN } from "../helpers/server";

const TYPE = "aws:s3/bucket:Bucket";

const probe = resourcePolicy({
    name: "test-probe-rule",
    description: "Probe.",
    severity: "high",
    enforcementLevel: "mandatory",
    frameworks: [{ framework: "fsbp", control: "S3.1" }, { framework: "cis", control: "2.1.4" }],
    topics: ["data-protection"],
    resourceTypes: [TYPE],
    remediation: "Fix it.",
    url: "https://example.com",
    check(r, _config, report) {
        const v = str(r.props.value);
        if (v === UNKNOWN) report.unknown("the value", "value");
        else if (v === "bad") report.violation("value is bad. Make it good.");
    },
});

const stackProbe = stackPolicy({
    name: "test-stack-probe",
    description: "Stack probe.",
    severity: "low",
    enforcementLevel: "advisory",
    frameworks: [],
    topics: [],
    resourceTypes: [TYPE],
    remediation: "",
    url: "",
    check(stack, _config, report) {
        for (const r of stack.ofType([TYPE])) {
            if (r.props.value === "bad") report.violation(r, "value is bad. Make it good.");
            if (str(r.props.value) === UNKNOWN) report.unknown(r, "the value", "value");
        }
    },
});

describe("policies/lib/policy", () => {
    it("prefixes every violation with the resource name and reports at the policy's level", () => {
        const [d] = runResource(probe, { type: TYPE, name: "uploads", props: { value: "bad" } });
        assert.equal(d.detail, "uploads: value is bad. Make it good.");
        assert.equal(d.message, "Probe.\nuploads: value is bad. Make it good.");
        assert.equal(d.enforcementLevel, "mandatory");
    });

    it("reports an unknown value as an advisory note naming the field, even for a mandatory policy", () => {
        const [d] = runResource(probe, { type: TYPE, name: "uploads", props: { value: WIRE_UNKNOWN } });
        assert.equal(d.enforcementLevel, "advisory");
        assert.equal(d.detail, "uploads: value is not known during preview, so the value cannot be checked yet. The policy checks the real value once it is known, during `pulumi up`.");
    });

    it("skips resources of other types", () => {
        assert.deepEqual(runResource(probe, { type: "aws:s3/bucketPolicy:BucketPolicy", name: "x", props: { value: "bad" } }), []);
    });

    it("tags a single-type validation with its type so the server can skip other types cheaply", () => {
        const validate = (probe.policy as ResourceValidationPolicy).validateResource as unknown as { __pulumiType?: string };
        assert.equal(validate.__pulumiType, TYPE);
    });

    it("skips a resource named in the policy's exemptions, by name or pattern", () => {
        const spec = { type: TYPE, name: "chat-prod-static", props: { value: "bad" } };
        assert.deepEqual(runResource(probe, spec, { config: { exemptions: [{ resource: "chat-*-static", reason: "rebuilt by CI" }] } }), []);
        assert.equal(runResource(probe, spec, { config: { exemptions: [{ resource: "other", reason: "r" }] } }).length, 1);
    });

    it("refuses an exemption without a reason, as the CLI's schema validation does", () => {
        assert.throws(() => runResource(probe, { type: TYPE, name: "x" }, { config: { exemptions: [{ resource: "x", reason: "" }] } }), /invalid policy config/);
    });

    it("does not run when the policy is disabled", () => {
        assert.deepEqual(runResource(probe, { type: TYPE, name: "x", props: { value: "bad" } }, { level: "disabled" }), []);
    });

    it("carries severity, the first framework, topics and framework ids as tags, remediation and url", () => {
        const p = probe.policy;
        assert.equal(p.severity, "high");
        assert.deepEqual(p.framework, { name: "AWS Foundational Security Best Practices", version: "1.0.0", reference: "S3.1", specification: "Probe." });
        assert.deepEqual(p.tags, ["data-protection", "fsbp:S3.1", "cis:2.1.4"]);
        assert.equal(p.remediationSteps, "Fix it.");
        assert.equal(p.url, "https://example.com");
        assert.deepEqual(Object.keys(p.configSchema?.properties ?? {}), ["exemptions", "reason"]);
    });

    it("reports stack findings against the resource's URN, with notes advisory and exemptions applied", () => {
        const diags = runStack(stackProbe, [
            { type: TYPE, name: "a", props: { value: "bad" } },
            { type: TYPE, name: "b", props: { value: WIRE_UNKNOWN } },
            { type: TYPE, name: "c", props: { value: "bad" } },
        ], { config: { exemptions: [{ resource: "c", reason: "test" }] } });
        assert.deepEqual(diags.map((d) => [d.urn, d.enforcementLevel]), [[urnOf({ type: TYPE, name: "a" }), "advisory"], [urnOf({ type: TYPE, name: "b" }), "advisory"]]);
        assert.deepEqual(details(diags).map((t) => t.split(":")[0]), ["a", "b"]);
        assert.equal(typeof (stackProbe.policy as StackValidationPolicy).validateStack, "function");
    });
});
