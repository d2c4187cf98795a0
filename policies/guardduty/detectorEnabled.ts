import { withAwsDefault } from "../lib/awsdefault";
import { resourcePolicy } from "../lib/policy";
import { checkFlagOn } from "../lib/settings";

const DETECTOR = "aws:guardduty/detector:Detector";

export const detectorEnabled = withAwsDefault(resourcePolicy({
    name: "guardduty-detector-enabled",
    description: "GuardDuty detectors are enabled (enable is not false).",
    severity: "high",
    enforcementLevel: "mandatory",
    frameworks: [{ framework: "fsbp", control: "GuardDuty.1" }],
    topics: ["governance", "logging"],
    resourceTypes: [DETECTOR],
    remediation: "Set enable: true (or leave it out).",
    url: "https://docs.aws.amazon.com/guardduty/latest/ug/guardduty_settingup.html",
    check(r, _config, report) {
        checkFlagOn(r.props, report, ["enable"], true, {
            what: "whether threat detection runs",
            problem: "so the detector exists but finds nothing",
            fix: "Set enable: true (or leave it out).",
        });
    },
}), {
    behaviour: "The provider enables a detector it creates (enable true) unless enable is false.",
    source: "https://docs.aws.amazon.com/guardduty/latest/ug/guardduty_settingup.html",
    checked: "2026-12-04",
});
