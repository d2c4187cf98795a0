import { withAwsDefault } from "../lib/awsdefault";
import { resourcePolicy } from "../lib/policy";
import { checkSetting } from "../lib/settings";

const LAUNCH_TEMPLATE = "aws:ec2/launchTemplate:LaunchTemplate";

export const launchTemplateMetadataHopLimitEnforced = withAwsDefault(resourcePolicy({
    name: "ec2-launch-template-metadata-hop-limit-enforced",
    description: "Launch templates keep the metadata response hop limit at 1, so containers on the host cannot reach the instance's credentials.",
    severity: "medium",
    enforcementLevel: "advisory",
    frameworks: [],
    topics: ["compute", "identity"],
    resourceTypes: [LAUNCH_TEMPLATE],
    remediation: "Leave metadataOptions.httpPutResponseHopLimit out (1) or set 1; use 2 only for hosts that run containers needing the instance role, with an exemption.",
    url: "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/configuring-instance-metadata-options.html",
    check(r, _config, report) {
        checkSetting(r.props, report, {
            path: ["metadataOptions", "httpPutResponseHopLimit"], kind: "number", absent: 1,
            accept: (hops) => hops <= 1,
            what: "how far metadata responses travel",
            problem: "so a container or forwarded hop on the host can read the instance role's credentials",
            fix: "Set metadataOptions.httpPutResponseHopLimit: 1.",
        });
    },
}), {
    behaviour: "Instances launched from a template without the setting get a hop limit of 1 (AMIs registered with ImdsSupport v2.0, such as Amazon Linux 2023, get 2).",
    source: "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/configuring-instance-metadata-options.html",
    checked: "2026-12-04",
});
