import { withAwsDefault } from "../lib/awsdefault";
import { resourcePolicy } from "../lib/policy";
import { checkFlagOn } from "../lib/settings";

const TG = "aws:lb/targetGroup:TargetGroup";
const ALBTG = "aws:alb/targetGroup:TargetGroup";

export const targetGroupHealthCheckEnabled = withAwsDefault(resourcePolicy({
    name: "lb-target-group-health-check-enabled",
    description: "Target groups health-check their targets, so traffic only goes to targets that answer.",
    severity: "medium",
    enforcementLevel: "advisory",
    frameworks: [],
    topics: ["resilience"],
    resourceTypes: [TG, ALBTG],
    remediation: "Leave healthCheck.enabled out (true) and set healthCheck.path to the app's health endpoint.",
    url: "https://docs.aws.amazon.com/elasticloadbalancing/latest/application/target-group-health-checks.html",
    check(r, _config, report) {
        checkFlagOn(r.props, report, ["healthCheck", "enabled"], true, {
            what: "whether targets are health-checked",
            problem: "so requests keep going to targets that no longer answer",
            fix: "Set healthCheck: { enabled: true, path: \"/health\" }.",
        });
    },
}), {
    behaviour: "Health checks are on for instance and IP target groups unless HealthCheckEnabled is false.",
    source: "https://docs.aws.amazon.com/elasticloadbalancing/latest/application/target-group-health-checks.html",
    checked: "2026-12-04",
});
