import { withAwsDefault } from "../lib/awsdefault";
import { resourcePolicy } from "../lib/policy";
import { checkFlagOn } from "../lib/settings";

const TRAIL = "aws:cloudtrail/trail:Trail";

export const trailLoggingEnabled = withAwsDefault(resourcePolicy({
    name: "cloudtrail-trail-logging-enabled",
    description: "Trails are logging (enableLogging is not false).",
    severity: "high",
    enforcementLevel: "mandatory",
    frameworks: [],
    topics: ["logging"],
    resourceTypes: [TRAIL],
    remediation: "Set enableLogging: true (or leave it out).",
    url: "https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-turning-off-logging.html",
    check(r, _config, report) {
        checkFlagOn(r.props, report, ["enableLogging"], true, {
            what: "whether the trail records events",
            problem: "so the trail exists but records nothing",
            fix: "Set enableLogging: true (or leave it out).",
        });
    },
}), {
    behaviour: "The provider starts logging when it creates a trail (enableLogging true) unless enableLogging is false.",
    source: "https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-turning-off-logging.html",
    checked: "2026-12-04",
});
