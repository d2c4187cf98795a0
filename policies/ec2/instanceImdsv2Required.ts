import { flag } from "../lib/config";
import { resourcePolicy, type ResourceReport } from "../lib/policy";
import { at, rec, str, UNKNOWN } from "../lib/values";
import { INSTANCE, LAUNCH_CONFIGURATION, LAUNCH_TEMPLATE } from "./shared";

const AL2023_IMDS = "https://docs.aws.amazon.com/linux/al2023/ug/imdsv2.html";

function imdsCheck(where: string, options: unknown, requireExplicit: boolean, report: ResourceReport): void {
    const opts = rec(options);
    if (opts === UNKNOWN) return report.unknown("whether IMDSv2 is required", where);
    const endpoint = str(at(opts, "httpEndpoint"));
    const tokens = str(at(opts, "httpTokens"));
    if (endpoint === "disabled" || tokens === "required") return;
    if (tokens === UNKNOWN || endpoint === UNKNOWN) {
        return report.unknown("whether IMDSv2 is required", tokens === UNKNOWN ? `${where}.httpTokens` : `${where}.httpEndpoint`);
    }
    // Left unset, httpTokens comes from the AMI: Amazon Linux 2023 AMIs (imds-support v2.0) launch
    // with IMDSv2 required, so only an explicit "optional" weakens what AWS does today, unless the
    // stack's config asks every instance to say so itself.
    if (tokens === undefined && !requireExplicit) return;
    const state = tokens === undefined
        ? `${where}.httpTokens is not set, so the AMI decides (IMDSv2 is required only on AMIs with imds-support v2.0, such as Amazon Linux 2023), and this stack's policy config asks every instance to require IMDSv2 itself`
        : `${where}.httpTokens is "${tokens}", so the metadata service still answers IMDSv1 requests, which an SSRF bug can use to read the instance role's credentials`;
    report.violation(`${state}. Set ${where}: { httpTokens: "required" }.`);
}

export const instanceImdsv2Required = resourcePolicy({
    name: "ec2-instance-imdsv2-required",
    description: "Instances, launch templates and launch configurations never turn IMDSv1 back on (metadataOptions.httpTokens \"optional\"); with requireExplicit, each sets httpTokens \"required\" itself.",
    severity: "high",
    enforcementLevel: "mandatory",
    frameworks: [{ framework: "fsbp", control: "EC2.8" }, { framework: "cis", control: "5.6" }],
    topics: ["compute", "identity"],
    resourceTypes: [INSTANCE, LAUNCH_TEMPLATE, LAUNCH_CONFIGURATION],
    remediation: "Set metadataOptions: { httpTokens: \"required\" }.",
    url: "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/configuring-IMDS-new-instances.html",
    awsDefault: {
        note: "Instances launched from Amazon Linux 2023 AMIs (imds-support v2.0) require IMDSv2 when metadataOptions says nothing (and the account default is no-preference); other AMIs default to optional, which requireExplicit catches.",
        url: AL2023_IMDS,
        since: "2023-03-15",
    },
    config: {
        requireExplicit: flag("Every instance, launch template and launch configuration must set httpTokens \"required\" itself instead of relying on its AMI's default.", false),
    },
    check(r, config, report) {
        // An instance launched from a template without its own metadataOptions inherits the template's.
        if (r.type === INSTANCE && r.props.metadataOptions === undefined && r.props.launchTemplate !== undefined) return;
        imdsCheck("metadataOptions", r.props.metadataOptions, config.requireExplicit, report);
    },
});
