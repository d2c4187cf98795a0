import { withAwsDefault } from "../lib/awsdefault";
import { resourcePolicy } from "../lib/policy";
import { checkSetting } from "../lib/settings";

const ASG = "aws:autoscaling/group:Group";

export const groupCooldownRequired = withAwsDefault(resourcePolicy({
    name: "autoscaling-group-cooldown-required",
    description: "Auto Scaling groups keep a scaling cooldown (defaultCooldown above 0), so simple scaling does not flap.",
    severity: "low",
    enforcementLevel: "advisory",
    frameworks: [],
    topics: ["resilience"],
    resourceTypes: [ASG],
    remediation: "Leave defaultCooldown out (300 seconds) or set a positive number.",
    url: "https://docs.aws.amazon.com/autoscaling/ec2/userguide/ec2-auto-scaling-scaling-cooldowns.html",
    check(r, _config, report) {
        checkSetting(r.props, report, {
            path: ["defaultCooldown"], kind: "number", absent: 300,
            accept: (seconds) => seconds > 0,
            what: "how long the group waits between scaling actions",
            problem: "so simple scaling policies can launch and terminate instances back to back",
            fix: "Set defaultCooldown to a positive number of seconds (or leave it out for 300).",
        });
    },
}), {
    behaviour: "The default cooldown is 300 seconds unless DefaultCooldown is set.",
    source: "https://docs.aws.amazon.com/autoscaling/ec2/userguide/ec2-auto-scaling-scaling-cooldowns.html",
    checked: "2026-12-04",
});
