import * as assert from "node:assert/strict";
import { instanceImdsv2Required } from "../../../policies/ec2/instanceImdsv2Required";
import { T } from "../helpers/fixtures";
import { advisory, details, mandatory, UNKNOWN } from "../helpers/server";
import { check } from "./helpers";

describe("ec2-instance-imdsv2-required", () => {
    const fix = "Set metadataOptions: { httpTokens: \"required\" }.";
    it("accepts httpTokens required on an instance, a template and a launch configuration", () => {
        for (const type of [T.instance, T.launchTemplate, T.launchConfiguration]) {
            assert.deepEqual(check(instanceImdsv2Required, type, { metadataOptions: { httpTokens: "required", httpEndpoint: "enabled" } }), [], type);
        }
    });
    it("accepts a disabled metadata endpoint", () => {
        assert.deepEqual(check(instanceImdsv2Required, T.instance, { metadataOptions: { httpEndpoint: "disabled" } }), []);
    });
    it("leaves an instance launched from a template to the template's own check", () => {
        assert.deepEqual(check(instanceImdsv2Required, T.instance, { launchTemplate: { id: UNKNOWN, version: "$Latest" } }), []);
    });
    it("flags httpTokens optional", () => {
        assert.deepEqual(details(check(instanceImdsv2Required, T.instance, { metadataOptions: { httpTokens: "optional" } })),
            [`web-sg: metadataOptions.httpTokens is "optional", so the metadata service still answers IMDSv1 requests, which an SSRF bug can use to read the instance role's credentials. ${fix}`]);
    });
    it("leaves an instance without metadataOptions to its AMI's default (Amazon Linux 2023 requires IMDSv2)", () => {
        assert.deepEqual(check(instanceImdsv2Required, T.instance, { ami: "ami-0al2023", instanceType: "t3.micro" }), []);
        assert.deepEqual(check(instanceImdsv2Required, T.launchTemplate, { metadataOptions: { httpPutResponseHopLimit: 2 } }), []);
    });
    it("flags an explicit httpTokens \"optional\", which turns IMDSv1 back on whatever the AMI says", () => {
        assert.match(details(check(instanceImdsv2Required, T.instance, { ami: "ami-1", metadataOptions: { httpTokens: "optional" } }))[0], /^web-sg: metadataOptions\.httpTokens is "optional"/);
        assert.equal(mandatory(check(instanceImdsv2Required, T.launchTemplate, { metadataOptions: { httpTokens: "optional" } })).length, 1);
    });
    it("flags a missing httpTokens where the stack's config asks every instance to say so itself", () => {
        const config = { requireExplicit: true };
        assert.match(details(check(instanceImdsv2Required, T.instance, { ami: "ami-1" }, { config }))[0], /^web-sg: metadataOptions\.httpTokens is not set, so the AMI decides/);
        assert.equal(mandatory(check(instanceImdsv2Required, T.launchTemplate, { metadataOptions: { httpPutResponseHopLimit: 2 } }, { config })).length, 1);
        assert.equal(mandatory(check(instanceImdsv2Required, T.launchConfiguration, {}, { config })).length, 1);
    });
    it("notes unknown metadata options", () => {
        assert.match(details(check(instanceImdsv2Required, T.instance, { metadataOptions: { httpTokens: UNKNOWN } }))[0], /metadataOptions\.httpTokens is not known during preview/);
        assert.equal(advisory(check(instanceImdsv2Required, T.instance, { metadataOptions: UNKNOWN })).length, 1);
    });
});
