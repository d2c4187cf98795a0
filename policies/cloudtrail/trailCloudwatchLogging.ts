import { withAwsDefault } from "../lib/awsdefault";
import { resourcePolicy } from "../lib/policy";
import { checkNamed } from "../lib/settings";

const TRAIL = "aws:cloudtrail/trail:Trail";

export const trailCloudwatchLogging = withAwsDefault(resourcePolicy({
    name: "cloudtrail-trail-cloudwatch-logging",
    description: "Trails also deliver events to CloudWatch Logs (cloudWatchLogsGroupArn), so metric filters and alarms can watch them.",
    severity: "low",
    enforcementLevel: "advisory",
    frameworks: [{ framework: "cis", control: "3.4" }],
    topics: ["logging"],
    resourceTypes: [TRAIL],
    remediation: "Set cloudWatchLogsGroupArn (\"<log group ARN>:*\") and cloudWatchLogsRoleArn.",
    url: "https://docs.aws.amazon.com/awscloudtrail/latest/userguide/send-cloudtrail-events-to-cloudwatch-logs.html",
    check(r, _config, report) {
        checkNamed(r.props, report, ["cloudWatchLogsGroupArn"], {
            what: "which log group receives events",
            problem: "so no metric filter or alarm can watch API activity",
            fix: "Set cloudWatchLogsGroupArn and cloudWatchLogsRoleArn.",
        });
    },
}), {
    behaviour: "A trail delivers to S3 only unless a CloudWatch Logs group is set.",
    source: "https://docs.aws.amazon.com/awscloudtrail/latest/userguide/send-cloudtrail-events-to-cloudwatch-logs.html",
    checked: "2026-12-04",
});
