import { withAwsDefault } from "../lib/awsdefault";
import { resourcePolicy } from "../lib/policy";
import { checkNamed } from "../lib/settings";

const TRAIL = "aws:cloudtrail/trail:Trail";

export const trailSnsTopicRequired = withAwsDefault(resourcePolicy({
    name: "cloudtrail-trail-sns-topic-required",
    description: "Trails notify an SNS topic when they deliver log files (snsTopicName), so consumers react to new logs.",
    severity: "low",
    enforcementLevel: "advisory",
    frameworks: [],
    topics: ["logging"],
    resourceTypes: [TRAIL],
    remediation: "Set snsTopicName to a topic whose policy lets cloudtrail.amazonaws.com publish.",
    url: "https://docs.aws.amazon.com/awscloudtrail/latest/userguide/configure-sns-notifications-for-cloudtrail.html",
    check(r, _config, report) {
        checkNamed(r.props, report, ["snsTopicName"], {
            what: "which topic hears of new log files",
            problem: "so nothing is told when log files arrive",
            fix: "Set snsTopicName.",
        });
    },
}), {
    behaviour: "A trail sends no delivery notifications unless an SNS topic is set.",
    source: "https://docs.aws.amazon.com/awscloudtrail/latest/userguide/configure-sns-notifications-for-cloudtrail.html",
    checked: "2026-12-04",
});
