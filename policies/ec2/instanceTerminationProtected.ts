import { withAwsDefault } from "../lib/awsdefault";
import { resourcePolicy } from "../lib/policy";
import { checkFlagOn } from "../lib/settings";

const INSTANCE = "aws:ec2/instance:Instance";

export const instanceTerminationProtected = withAwsDefault(resourcePolicy({
    name: "ec2-instance-termination-protected",
    description: "Stand-alone instances (not in an Auto Scaling group) have termination protection (disableApiTermination).",
    severity: "low",
    enforcementLevel: "advisory",
    frameworks: [],
    topics: ["resilience"],
    resourceTypes: [INSTANCE],
    remediation: "Set disableApiTermination: true on hosts that hold state; turn it off in a separate update before a deliberate replacement.",
    url: "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/Using_ChangingDisableAPITermination.html",
    check(r, _config, report) {
        checkFlagOn(r.props, report, ["disableApiTermination"], false, {
            what: "whether termination protection is on",
            problem: "so one API call or console click terminates the host",
            fix: "Set disableApiTermination: true.",
        });
    },
}), {
    behaviour: "Termination protection is off unless DisableApiTermination is true.",
    source: "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/Using_ChangingDisableAPITermination.html",
    checked: "2026-12-04",
});
