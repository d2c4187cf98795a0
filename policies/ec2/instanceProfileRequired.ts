import { withAwsDefault } from "../lib/awsdefault";
import { resourcePolicy } from "../lib/policy";
import { checkNamed } from "../lib/settings";

const INSTANCE = "aws:ec2/instance:Instance";

export const instanceProfileRequired = withAwsDefault(resourcePolicy({
    name: "ec2-instance-profile-required",
    description: "Instances run with an IAM instance profile, so software on them uses role credentials (and SSM can manage them) instead of stored keys.",
    severity: "medium",
    enforcementLevel: "advisory",
    frameworks: [],
    topics: ["identity"],
    resourceTypes: [INSTANCE],
    remediation: "Give the instance a role through iamInstanceProfile (with AmazonSSMManagedInstanceCore for Session Manager).",
    url: "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/iam-roles-for-amazon-ec2.html",
    check(r, _config, report) {
        checkNamed(r.props, report, ["iamInstanceProfile"], {
            what: "which instance profile the instance uses",
            problem: "so software on the instance has no role credentials and tends to get long-lived keys instead",
            fix: "Set iamInstanceProfile to an instance profile of a least-privilege role.",
        });
    },
}), {
    behaviour: "An instance launched without an instance profile has no role credentials.",
    source: "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/iam-roles-for-amazon-ec2.html",
    checked: "2026-12-04",
});
