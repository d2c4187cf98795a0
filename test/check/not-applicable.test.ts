// The pack processes of the offline check answer Analyze without the "not applicable" list
// (tools/check/policy/not-applicable.js): diagnostics are answered exactly as before, the list is
// never built or sent, and a @pulumi/policy that does not look as expected is left untouched.
import * as assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import * as path from "node:path";
import { skipNotApplicable } from "../../tools/check/policy/not-applicable";

const MODULE = path.resolve(__dirname, "../../tools/check/policy/not-applicable.js");

/** Builds an Analyze answer with one diagnostic and one not-applicable entry, in a fresh process. */
function answerInFreshProcess(skip: boolean): { diagnostics: string[]; notApplicable: number; installed: boolean } {
    const script = `
        const protoutil = require("@pulumi/policy/protoutil");
        const pb = require("@pulumi/pulumi/proto/analyzer_pb");
        const installed = ${skip} ? require(${JSON.stringify(MODULE)}).skipNotApplicable(protoutil, pb) : false;
        const na = new pb.PolicyNotApplicable();
        na.setPolicyName("s3-only");
        na.setReason("Policy only applies to resources of type 'aws:s3/bucket:Bucket'");
        const d = { policyName: "ec2-ssh", policyPackName: "p", policyPackVersion: "1", description: "d", message: "open SSH", enforcementLevel: "mandatory" };
        const wire = protoutil.makeAnalyzeResponse([d], [na]).serializeBinary();
        const back = pb.AnalyzeResponse.deserializeBinary(wire);
        console.log(JSON.stringify({
            diagnostics: back.getDiagnosticsList().map((x) => x.getPolicyname() + ":" + x.getMessage() + ":" + x.getEnforcementlevel()),
            notApplicable: back.getNotApplicableList().length,
            installed,
        }));`;
    const out = execFileSync(process.execPath, ["-e", script], { cwd: path.resolve(__dirname, "../.."), encoding: "utf8" });
    return JSON.parse(out) as { diagnostics: string[]; notApplicable: number; installed: boolean };
}

describe("check: pack answers without the not-applicable list", () => {
    it("answers the same diagnostics and no not-applicable entry with the real @pulumi/policy", () => {
        const plain = answerInFreshProcess(false);
        const skipped = answerInFreshProcess(true);
        assert.equal(plain.notApplicable, 1, "the unpatched server sends the list (else this test proves nothing)");
        assert.equal(skipped.installed, true);
        assert.equal(skipped.notApplicable, 0);
        assert.deepEqual(skipped.diagnostics, plain.diagnostics);
        assert.deepEqual(skipped.diagnostics, ["ec2-ssh:open SSH:1"]);
    });

    it("leaves modules that do not look as expected untouched", () => {
        const protoutil = { makeAnalyzeResponse: "not a function" };
        const pb = { PolicyNotApplicable: class {} };
        assert.equal(skipNotApplicable(protoutil, pb), false);
        assert.equal(protoutil.makeAnalyzeResponse, "not a function");
        const original = class {};
        const pb2 = { PolicyNotApplicable: original };
        assert.equal(skipNotApplicable({}, pb2), false);
        assert.equal(pb2.PolicyNotApplicable, original);
        assert.equal(skipNotApplicable(undefined, undefined), false);
    });

    it("installs once: a second call keeps the first wrapper", () => {
        const make = (ds: unknown[], na: unknown) => ({ ds, na });
        const protoutil: Record<string, unknown> = { makeAnalyzeResponse: make };
        const pb = { PolicyNotApplicable: class {} };
        assert.equal(skipNotApplicable(protoutil, pb), true);
        const wrapper = protoutil.makeAnalyzeResponse;
        assert.equal(skipNotApplicable(protoutil, pb), true);
        assert.equal(protoutil.makeAnalyzeResponse, wrapper);
        assert.deepEqual((wrapper as typeof make)([1], [2]), { ds: [1], na: undefined });
    });
});
