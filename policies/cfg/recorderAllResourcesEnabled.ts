import { withAwsDefault } from "../lib/awsdefault";
import { resourcePolicy } from "../lib/policy";
import { checkFlagOn } from "../lib/settings";

const RECORDER = "aws:cfg/recorder:Recorder";

export const recorderAllResourcesEnabled = withAwsDefault(resourcePolicy({
    name: "cfg-recorder-all-resources-enabled",
    description: "Config recorders record every supported resource type (recordingGroup.allSupported).",
    severity: "medium",
    enforcementLevel: "advisory",
    frameworks: [{ framework: "fsbp", control: "Config.1" }],
    topics: ["governance"],
    resourceTypes: [RECORDER],
    remediation: "Leave recordingGroup.allSupported out (true) or set it to true.",
    url: "https://docs.aws.amazon.com/config/latest/developerguide/select-resources.html",
    check(r, _config, report) {
        checkFlagOn(r.props, report, ["recordingGroup", "allSupported"], true, {
            what: "which resource types are recorded",
            problem: "so changes to resource types left out are never recorded",
            fix: "Set recordingGroup: { allSupported: true }.",
        });
    },
}), {
    behaviour: "A recorder records all supported resource types unless a resource list or exclusions are given.",
    source: "https://docs.aws.amazon.com/config/latest/developerguide/select-resources.html",
    checked: "2026-12-04",
});
