import * as assert from "node:assert/strict";
import { ebsEncryptionRequired } from "../../../policies/ec2/ebsEncryptionRequired";
import { T } from "../helpers/fixtures";
import { advisory, details, mandatory, UNKNOWN } from "../helpers/server";
import { check } from "./helpers";

describe("ec2-ebs-encryption-required", () => {
    it("accepts an encrypted root and data volume", () => {
        assert.deepEqual(check(ebsEncryptionRequired, T.instance, {
            rootBlockDevice: { encrypted: true, volumeType: "gp3" },
            ebsBlockDevices: [{ deviceName: "/dev/sdf", encrypted: true }],
        }), []);
    });
    it("flags an instance that does not declare its root volume", () => {
        assert.deepEqual(details(check(ebsEncryptionRequired, T.instance, { ami: "ami-1" })),
            ["web-sg: rootBlockDevice is not declared, so the root volume's encryption depends on the AMI and the account default. Declare rootBlockDevice: { encrypted: true }."]);
    });
    it("flags an unencrypted root and an unencrypted data volume", () => {
        const d = check(ebsEncryptionRequired, T.instance, { rootBlockDevice: { encrypted: false }, ebsBlockDevices: [{ deviceName: "/dev/sdf" }] });
        assert.deepEqual(details(d), [
            "web-sg: rootBlockDevice.encrypted is false, so the volume may be stored unencrypted. Set rootBlockDevice.encrypted to true.",
            "web-sg: ebsBlockDevices[0].encrypted is not set, so the volume may be stored unencrypted. Set ebsBlockDevices[0].encrypted to true.",
        ]);
    });
    it("accepts a launch template whose EBS mappings say encrypted \"true\"", () => {
        assert.deepEqual(check(ebsEncryptionRequired, T.launchTemplate, { blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { encrypted: "true", volumeType: "gp3" } }] }), []);
    });
    it("flags a launch template mapping with encrypted \"false\" and one without mappings", () => {
        assert.deepEqual(details(check(ebsEncryptionRequired, T.launchTemplate, { blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { encrypted: "false" } }] })),
            ["web-sg: blockDeviceMappings[0].ebs.encrypted is false, so the volume may be stored unencrypted. Set blockDeviceMappings[0].ebs.encrypted to \"true\"."]);
        assert.match(details(check(ebsEncryptionRequired, T.launchTemplate, {}))[0], /declares no EBS blockDeviceMappings/);
    });
    it("flags a launch configuration's unencrypted root volume", () => {
        // Mandatory where the stack's config asks (all four stack configs do); advisory without one.
        assert.equal(mandatory(check(ebsEncryptionRequired, T.launchConfiguration, { rootBlockDevice: { volumeSize: 30 } }, { level: "mandatory" })).length, 1);
        assert.equal(advisory(check(ebsEncryptionRequired, T.launchConfiguration, { rootBlockDevice: { volumeSize: 30 } })).length, 1);
    });
    it("flags an unencrypted standalone volume by its field", () => {
        assert.deepEqual(details(check(ebsEncryptionRequired, T.volume, { size: 10 })),
            ["web-sg: encrypted is not set, so the volume may be stored unencrypted. Set encrypted to true."]);
    });
    it("requires a customer-managed key when the config says so", () => {
        const d = check(ebsEncryptionRequired, T.volume, { encrypted: true }, { config: { requireCustomerManagedKey: true } });
        assert.deepEqual(details(d), ["web-sg: the volume is encrypted with the AWS-managed key (aws/ebs), but this stack requires a customer-managed key. Set kmsKeyId to the stack's KMS key."]);
        assert.deepEqual(check(ebsEncryptionRequired, T.volume, { encrypted: true, kmsKeyId: UNKNOWN }, { config: { requireCustomerManagedKey: true } }), []);
    });
    it("notes an unknown encryption flag", () => {
        assert.equal(advisory(check(ebsEncryptionRequired, T.instance, { rootBlockDevice: { encrypted: UNKNOWN } })).length, 1);
    });
});
