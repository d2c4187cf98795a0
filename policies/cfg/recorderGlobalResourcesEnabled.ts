import { withAwsDefault } from "../lib/awsdefault";
import { resourcePolicy } from "../lib/policy";
import { checkFlagOn } from "../lib/settings";

const RECORDER = "aws:cfg/recorder:Recorder";

export const recorderGlobalResourcesEnabled = withAwsDefault(resourcePolicy({
    name: "cfg-recorder-global-resources-enabled",
    description: "Config recorders record global resource types (IAM users, roles, policies) with includeGlobalResourceTypes.",
    severity: "low",
    enforcementLevel: "advisory",
    frameworks: [],
    topics: ["governance", "identity"],
    resourceTypes: [RECORDER],
    remediation: "Set recordingGroup.includeGlobalResourceTypes: true in one region (the home region).",
    url: "https://docs.aws.amazon.com/config/latest/developerguide/select-resources.html#select-resources-all",
    check(r, _config, report) {
        checkFlagOn(r.props, report, ["recordingGroup", "includeGlobalResourceTypes"], false, {
            what: "whether IAM changes are recorded",
            problem: "so changes to IAM users, roles and policies are not recorded",
            fix: "Set recordingGroup.includeGlobalResourceTypes: true.",
        });
    },
}), {
    behaviour: "Global resource types such as IAM are not recorded unless includeGlobalResourceTypes is true.",
    source: "https://docs.aws.amazon.com/config/latest/developerguide/select-resources.html#select-resources-all",
    checked: "2026-12-04",
});
