import { withAwsDefault } from "../lib/awsdefault";
import { resourcePolicy } from "../lib/policy";
import { UNKNOWN, bool, list, rec, str } from "../lib/values";

const ASG = "aws:autoscaling/group:Group";

export const groupTagPropagationEnabled = withAwsDefault(resourcePolicy({
    name: "autoscaling-group-tag-propagation-enabled",
    description: "Auto Scaling group tags propagate to the instances they launch (propagateAtLaunch).",
    severity: "low",
    enforcementLevel: "advisory",
    frameworks: [{ framework: "fsbp", control: "AutoScaling.10" }],
    topics: ["tagging"],
    resourceTypes: [ASG],
    remediation: "Set propagateAtLaunch: true on every tag of the group.",
    url: "https://docs.aws.amazon.com/autoscaling/ec2/userguide/ec2-auto-scaling-tagging.html",
    check(r, _config, report) {
        const tags = list(r.props.tags);
        if (tags === UNKNOWN) return report.unknown("whether tags reach launched instances", "tags");
        for (const [i, item] of (tags ?? []).entries()) {
            const tag = rec(item);
            if (tag === UNKNOWN) { report.unknown("whether tags reach launched instances", `tags[${i}]`); continue; }
            if (tag === undefined) continue;
            const propagate = bool(tag.propagateAtLaunch);
            if (propagate === UNKNOWN) report.unknown("whether tags reach launched instances", `tags[${i}].propagateAtLaunch`);
            else if (propagate !== true) {
                const key = str(tag.key);
                report.violation(`tags[${i}] (${typeof key === "string" ? JSON.stringify(key) : "unnamed"}) has propagateAtLaunch ${String(propagate ?? "unset")}, so launched instances miss it (cost allocation and tag-based access break). Set propagateAtLaunch: true.`);
            }
        }
        
    },
}), {
    behaviour: "A group tag reaches launched instances only when PropagateAtLaunch is true.",
    source: "https://docs.aws.amazon.com/autoscaling/ec2/userguide/ec2-auto-scaling-tagging.html",
    checked: "2026-12-04",
});
