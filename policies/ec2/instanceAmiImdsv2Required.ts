/**
 * Instance ↔ AMI from the same program. `ec2-instance-imdsv2-required` leaves an instance without
 * httpTokens to its AMI, trusting the Amazon Linux 2023 default (imds-support v2.0). When the AMI
 * is an aws.ec2.Ami of the same stack, the plan says what that AMI does: without imdsSupport "v2.0"
 * the instance launches with IMDSv1 on, unless the program also sets the account default to
 * required. Joined through property dependencies during preview, by the AMI's id in apply mode.
 */
import { withAwsDefault } from "../lib/awsdefault";
import type { StackResource } from "../lib/graph";
import { stackPolicy } from "../lib/policy";
import { at, rec, str, UNKNOWN } from "../lib/values";
import { INSTANCE, LAUNCH_CONFIGURATION, LAUNCH_TEMPLATE } from "./shared";

const AMI = "aws:ec2/ami:Ami";
const ACCOUNT_DEFAULTS = "aws:ec2/instanceMetadataDefaults:InstanceMetadataDefaults";
const AMI_DOCS = "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/configuring-IMDS-new-instances.html";
/** The input naming the image, per launching type. */
const IMAGE_KEY: Readonly<Record<string, string>> = { [INSTANCE]: "ami", [LAUNCH_TEMPLATE]: "imageId", [LAUNCH_CONFIGURATION]: "imageId" };

/** What the launch itself says: "decided" when it sets httpTokens or disables the endpoint (the per-resource policy judges it). */
function launchSays(r: StackResource): "decided" | "silent" | typeof UNKNOWN {
    // An instance from a template without its own options inherits the template's (judged on the template).
    if (r.type === INSTANCE && r.props.metadataOptions === undefined && r.props.launchTemplate !== undefined) return "decided";
    const opts = rec(r.props.metadataOptions);
    if (opts === UNKNOWN) return UNKNOWN;
    const tokens = str(at(opts, "httpTokens"));
    const endpoint = str(at(opts, "httpEndpoint"));
    if (tokens === UNKNOWN || endpoint === UNKNOWN) return UNKNOWN;
    return tokens !== undefined || endpoint === "disabled" ? "decided" : "silent";
}

export const instanceAmiImdsv2Required = withAwsDefault(stackPolicy({
    name: "ec2-instance-ami-imdsv2-required",
    description: "An instance, launch template or launch configuration that leaves httpTokens to its AMI, where that AMI is built by the same program (aws.ec2.Ami), gets IMDSv2 from it: the AMI sets imdsSupport \"v2.0\", or the program sets the account default to required.",
    severity: "high",
    enforcementLevel: "mandatory",
    frameworks: [{ framework: "fsbp", control: "EC2.8" }],
    topics: ["compute", "identity"],
    resourceTypes: [INSTANCE, LAUNCH_TEMPLATE, LAUNCH_CONFIGURATION, AMI, ACCOUNT_DEFAULTS],
    remediation: "Set imdsSupport: \"v2.0\" on the AMI, or metadataOptions: { httpTokens: \"required\" } on the instance or template.",
    url: AMI_DOCS,
    check(stack, _config, report) {
        const accountDefaults = stack.ofType([ACCOUNT_DEFAULTS]);
        if (accountDefaults.some((d) => str(d.props.httpTokens) === "required")) return;
        const accountUnknown = accountDefaults.find((d) => str(d.props.httpTokens) === UNKNOWN);
        for (const r of stack.ofType([INSTANCE, LAUNCH_TEMPLATE, LAUNCH_CONFIGURATION])) {
            const key = IMAGE_KEY[r.type];
            const target = stack.target(r, key, [AMI], ["id"]);
            if (target.kind !== "resolved") continue; // an AMI from elsewhere: ec2-instance-imdsv2-required applies the AMI-family default
            const says = launchSays(r);
            if (says === "decided") continue;
            const ami = target.resources[0];
            const support = str(ami.props.imdsSupport);
            if (support === "v2.0") continue;
            if (says === UNKNOWN) {
                report.unknown(r, `whether it requires IMDSv2 (its AMI ${ami.name}, built by this program, does not)`, "metadataOptions");
                continue;
            }
            if (support === UNKNOWN || accountUnknown !== undefined) {
                report.unknown(r, `whether its AMI ${ami.name} (built by this program) or the account default makes it require IMDSv2`, support === UNKNOWN ? `${ami.name}.imdsSupport` : `${accountUnknown?.name ?? "the account default"}.httpTokens`);
                continue;
            }
            report.violation(r, `leaves metadataOptions.httpTokens to its AMI, and that AMI (${ami.name}, built by this program) does not set imdsSupport "v2.0", so the instance answers IMDSv1 requests, which an SSRF bug can use to read the instance role's credentials. `
                + `Set imdsSupport: "v2.0" on ${ami.name}, or metadataOptions: { httpTokens: "required" } on ${r.name}.`);
        }
    },
}), {
    behaviour: "An instance launched without httpTokens takes the AMI's imds-support (v2.0 means IMDSv2 required) or the account default; with neither it allows IMDSv1 (httpTokens optional).",
    source: AMI_DOCS,
    checked: "2026-12-04",
});
