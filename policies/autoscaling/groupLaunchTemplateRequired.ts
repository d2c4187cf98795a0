import { withAwsDefault } from "../lib/awsdefault";
import { resourcePolicy } from "../lib/policy";
import { UNKNOWN, at } from "../lib/values";

const ASG = "aws:autoscaling/group:Group";

export const groupLaunchTemplateRequired = withAwsDefault(resourcePolicy({
    name: "autoscaling-group-launch-template-required",
    description: "Auto Scaling groups launch from a launch template (or a mixed-instances policy), not a launch configuration, which AWS no longer extends.",
    severity: "low",
    enforcementLevel: "advisory",
    frameworks: [],
    topics: ["compute"],
    resourceTypes: [ASG],
    remediation: "Replace launchConfiguration with launchTemplate: { id, version }.",
    url: "https://docs.aws.amazon.com/autoscaling/ec2/userguide/launch-configurations.html",
    check(r, _config, report) {
        if (at(r.props, "launchTemplate") !== undefined || at(r.props, "mixedInstancesPolicy") !== undefined) return;
        const configuration = at(r.props, "launchConfiguration");
        if (configuration === UNKNOWN || configuration !== undefined) {
            return report.violation("launchConfiguration is set and launchTemplate is not, so instances launch from a launch configuration (no IMDSv2 defaults, no new instance types or features). Set launchTemplate: { id, version } instead.");
        }
        
    },
}), {
    behaviour: "Launch configurations are no longer available to new accounts; launch templates are the supported way to launch instances.",
    source: "https://docs.aws.amazon.com/autoscaling/ec2/userguide/launch-configurations.html",
    checked: "2026-12-04",
});
