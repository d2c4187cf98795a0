import { flag } from "../lib/config";
import { resourcePolicy, type ResourceReport, type ResourceView } from "../lib/policy";
import { at, bool, list, pathText, rec, records, UNKNOWN } from "../lib/values";
import { EBS_VOLUME, INSTANCE, LAUNCH_CONFIGURATION, LAUNCH_TEMPLATE } from "./shared";

/** A volume to check: `where` prefixes its fields in messages ("" for a standalone volume). */
interface VolumeSpec { readonly where: string; readonly value: unknown; readonly stringFlags?: boolean }

function volumeCheck(volume: VolumeSpec, requireKey: boolean, report: ResourceReport): void {
    const field = (name: string) => (volume.where === "" ? name : `${volume.where}.${name}`);
    const encrypted = bool(at(volume.value, "encrypted"));
    if (encrypted === UNKNOWN) return report.unknown("whether the volume is encrypted", field("encrypted"));
    if (encrypted !== true) {
        const value = volume.stringFlags === true ? "\"true\"" : "true";
        return report.violation(`${field("encrypted")} is ${encrypted === false ? "false" : "not set"}, so the volume may be stored unencrypted. Set ${field("encrypted")} to ${value}.`);
    }
    if (requireKey && at(volume.value, "kmsKeyId") === undefined) {
        report.violation(`${volume.where === "" ? "the volume" : volume.where} is encrypted with the AWS-managed key (aws/ebs), but this stack requires a customer-managed key. Set ${field("kmsKeyId")} to the stack's KMS key.`);
    }
}

function instanceVolumes(r: ResourceView, report: ResourceReport): VolumeSpec[] {
    const root = rec(r.props.rootBlockDevice);
    const volumes: VolumeSpec[] = [];
    if (root === UNKNOWN) report.unknown("whether the root volume is encrypted", "rootBlockDevice");
    else if (root === undefined) {
        if (!(r.type === INSTANCE && r.props.launchTemplate !== undefined)) {
            report.violation("rootBlockDevice is not declared, so the root volume's encryption depends on the AMI and the account default. Declare rootBlockDevice: { encrypted: true }.");
        }
    } else volumes.push({ where: "rootBlockDevice", value: root });
    const ebs = list(r.props.ebsBlockDevices);
    if (ebs === UNKNOWN) report.unknown("whether the EBS volumes are encrypted", "ebsBlockDevices");
    else (ebs ?? []).forEach((v, i) => volumes.push({ where: pathText("ebsBlockDevices", i), value: v }));
    return volumes;
}

function templateVolumes(r: ResourceView, report: ResourceReport): VolumeSpec[] {
    const mappings = records(r.props.blockDeviceMappings);
    if (mappings === UNKNOWN) {
        report.unknown("whether the template's volumes are encrypted", "blockDeviceMappings");
        return [];
    }
    const ebsMappings = (mappings ?? []).flatMap((m, i) => {
        if (m === UNKNOWN) {
            report.unknown("whether the template's volumes are encrypted", pathText("blockDeviceMappings", i));
            return [];
        }
        if (m === undefined || m.ebs === undefined || m.noDevice !== undefined || m.virtualName !== undefined) return [];
        return [{ where: pathText("blockDeviceMappings", i, "ebs"), value: m.ebs, stringFlags: true }];
    });
    if (ebsMappings.length === 0) {
        report.violation("declares no EBS blockDeviceMappings, so the root volume's encryption depends on the AMI and the account default. "
            + "Add a mapping for the root device with ebs: { encrypted: \"true\" }.");
    }
    return ebsMappings;
}

export const ebsEncryptionRequired = resourcePolicy({
    name: "ec2-ebs-encryption-required",
    description: "EBS volumes are encrypted: instance root and data volumes, launch-template and launch-configuration mappings, standalone volumes.",
    severity: "high",
    // EBS encryption by default is an opt-in account setting, so an unencrypted volume is AWS's
    // default, not a weakening: the stack configs make this mandatory where the team requires it.
    enforcementLevel: "advisory",
    frameworks: [{ framework: "fsbp", control: "EC2.3" }, { framework: "cis", control: "2.2.1" }],
    topics: ["encryption", "data-protection"],
    resourceTypes: [INSTANCE, LAUNCH_TEMPLATE, LAUNCH_CONFIGURATION, EBS_VOLUME],
    remediation: "Declare every volume with encrypted: true (and kmsKeyId when a customer-managed key is required).",
    url: "https://docs.aws.amazon.com/ebs/latest/userguide/ebs-encryption.html",
    config: {
        requireCustomerManagedKey: flag("Require kmsKeyId (a customer-managed key) on every volume.", false),
    },
    check(r, config, report) {
        const volumes = r.type === EBS_VOLUME ? [{ where: "", value: r.props }]
            : r.type === LAUNCH_TEMPLATE ? templateVolumes(r, report)
                : instanceVolumes(r, report);
        for (const v of volumes) volumeCheck(v, config.requireCustomerManagedKey, report);
    },
});
