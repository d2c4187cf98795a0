import * as assert from "node:assert/strict";
import { instanceAmiImdsv2Required as policy } from "../../../policies/ec2/instanceAmiImdsv2Required";
import { res, T } from "../helpers/fixtures";
import { runStack, UNKNOWN, urnOf } from "../helpers/server";

const AMI = "aws:ec2/ami:Ami";
const ACCOUNT_DEFAULTS = "aws:ec2/instanceMetadataDefaults:InstanceMetadataDefaults";

/** An AMI the program registers, and an instance launched from it as a preview sees it (ami unknown, linked by property dependency). */
const ami = (props: Record<string, unknown> = {}) => res(AMI, "golden", { name: "golden", virtualizationType: "hvm", rootDeviceName: "/dev/xvda", ...props });
const instance = (props: Record<string, unknown> = {}, type: string = T.instance, key = "ami") =>
    res(type, "web", { [key]: UNKNOWN, instanceType: "t3.micro", ...props }, { propertyDependencies: { [key]: ["golden"] } });

describe("ec2-instance-ami-imdsv2-required", () => {
    it("accepts an instance without httpTokens launched from an AMI of the program with imdsSupport v2.0", () => {
        assert.deepEqual(runStack(policy, [ami({ imdsSupport: "v2.0" }), instance()]), []);
    });

    it("fails an instance without httpTokens launched from an AMI of the program without imdsSupport, on the instance", () => {
        const diags = runStack(policy, [ami(), instance()]);
        assert.equal(diags.length, 1);
        assert.equal(diags[0].enforcementLevel, "mandatory");
        assert.equal(diags[0].urn, urnOf({ type: T.instance, name: "web" }));
        assert.match(diags[0].detail, /^web: leaves metadataOptions\.httpTokens to its AMI, and that AMI \(golden, built by this program\) does not set imdsSupport "v2\.0", so the instance answers IMDSv1 requests.*Set imdsSupport: "v2\.0" on golden, or metadataOptions: \{ httpTokens: "required" \} on web\.$/);
    });

    it("judges launch templates (imageId) and launch configurations the same way", () => {
        assert.equal(runStack(policy, [ami(), instance({ metadataOptions: { httpPutResponseHopLimit: 2 } }, T.launchTemplate, "imageId")]).length, 1);
        assert.equal(runStack(policy, [ami(), instance({}, T.launchConfiguration, "imageId")]).length, 1);
        assert.deepEqual(runStack(policy, [ami({ imdsSupport: "v2.0" }), instance({}, T.launchTemplate, "imageId")]), []);
    });

    it("accepts the launch deciding itself, or the program setting the account default to required", () => {
        assert.deepEqual(runStack(policy, [ami(), instance({ metadataOptions: { httpTokens: "required" } })]), []);
        assert.deepEqual(runStack(policy, [ami(), instance({ metadataOptions: { httpEndpoint: "disabled" } })]), []);
        assert.deepEqual(runStack(policy, [ami(), instance({ launchTemplate: { id: UNKNOWN } })]), [], "inherits its template's options");
        assert.deepEqual(runStack(policy, [ami(), instance(), res(ACCOUNT_DEFAULTS, "imds", { httpTokens: "required" })]), []);
    });

    it("leaves AMIs from elsewhere (an id or a lookup) to ec2-instance-imdsv2-required", () => {
        assert.deepEqual(runStack(policy, [ami(), res(T.instance, "web", { ami: "ami-0123456789abcdef0", instanceType: "t3.micro" })]), []);
    });

    it("joins by the AMI's id in apply mode", () => {
        assert.equal(runStack(policy, [ami({ id: "ami-0a1b2c3d4e5f60718" }), res(T.instance, "web", { ami: "ami-0a1b2c3d4e5f60718" })]).length, 1);
    });

    it("notes, never fails, what is unknown during preview", () => {
        for (const specs of [
            [ami({ imdsSupport: UNKNOWN }), instance()],
            [ami(), instance({ metadataOptions: UNKNOWN })],
            [ami(), instance({ metadataOptions: { httpTokens: UNKNOWN } })],
            [ami(), instance(), res(ACCOUNT_DEFAULTS, "imds", { httpTokens: UNKNOWN })],
        ]) {
            const diags = runStack(policy, specs);
            assert.deepEqual(diags.map((d) => d.enforcementLevel), ["advisory"], JSON.stringify(specs));
            assert.match(diags[0].detail, /is not known during preview/);
        }
    });
});
