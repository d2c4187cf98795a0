import { resourcePolicy, type ResourceReport } from "../lib/policy";
import { at, rec, str, UNKNOWN } from "../lib/values";
import { INSTANCE, LAUNCH_CONFIGURATION, LAUNCH_TEMPLATE } from "./shared";

function imdsCheck(where: string, options: unknown, report: ResourceReport): void {
    const opts = rec(options);
    if (opts === UNKNOWN) return report.unknown("whether IMDSv2 is required", where);
    const endpoint = str(at(opts, "httpEndpoint"));
    const tokens = str(at(opts, "httpTokens"));
    if (endpoint === "disabled" || tokens === "required") return;
    if (tokens === UNKNOWN || endpoint === UNKNOWN) {
        return report.unknown("whether IMDSv2 is required", tokens === UNKNOWN ? `${where}.httpTokens` : `${where}.httpEndpoint`);
    }
    const state = tokens === undefined ? `${where}.httpTokens is not set` : `${where}.httpTokens is "${tokens}"`;
    report.violation(`${state}, so the metadata service still answers IMDSv1 requests, which an SSRF bug can use to read the instance role's credentials. `
        + `Set ${where}: { httpTokens: "required" }.`);
}

export const instanceImdsv2Required = resourcePolicy({
    name: "ec2-instance-imdsv2-required",
    description: "Instances, launch templates and launch configurations require IMDSv2 (metadataOptions.httpTokens = \"required\").",
    severity: "high",
    enforcementLevel: "mandatory",
    frameworks: [{ framework: "fsbp", control: "EC2.8" }, { framework: "cis", control: "5.6" }],
    topics: ["compute", "identity"],
    resourceTypes: [INSTANCE, LAUNCH_TEMPLATE, LAUNCH_CONFIGURATION],
    remediation: "Set metadataOptions: { httpTokens: \"required\" }.",
    url: "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/configuring-IMDS-new-instances.html",
    check(r, _config, report) {
        // An instance launched from a template without its own metadataOptions inherits the template's.
        if (r.type === INSTANCE && r.props.metadataOptions === undefined && r.props.launchTemplate !== undefined) return;
        imdsCheck("metadataOptions", r.props.metadataOptions, report);
    },
});
