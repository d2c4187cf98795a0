import { withAwsDefault } from "../lib/awsdefault";
import { resourcePolicy } from "../lib/policy";
import { checkNoPublicPrincipal } from "../lib/resourcedoc";

const TOPIC = "aws:sns/topic:Topic";
const TOPIC_POLICY = "aws:sns/topicPolicy:TopicPolicy";

export const topicPolicyNoPublicPrincipal = withAwsDefault(resourcePolicy({
    name: "sns-topic-policy-no-public-principal",
    description: "No topic policy (aws.sns.TopicPolicy or the topic's policy input) allows Principal \"*\" without a condition pinning the caller (aws:SourceArn, aws:SourceAccount, aws:PrincipalOrgID, ...).",
    severity: "high",
    enforcementLevel: "mandatory",
    frameworks: [{ framework: "fsbp", control: "SNS.4" }],
    topics: ["identity"],
    resourceTypes: [TOPIC, TOPIC_POLICY],
    remediation: "Grant publish to the calling service with an aws:SourceArn or aws:SourceAccount condition, or to named accounts.",
    url: "https://docs.aws.amazon.com/sns/latest/dg/sns-access-policy-use-cases.html",
    check(r, _config, report) {
        checkNoPublicPrincipal(r.props.policy, report, {
            field: "policy",
            what: "whether the topic policy lets anyone in",
            consequence: "any AWS account can use the actions it lists (publish to or subscribe to the topic where they are listed)",
            fix: "Name the publishing service with an aws:SourceArn/aws:SourceAccount condition, or grant named accounts.",
        });
    },
}), {
    behaviour: "A topic's default access policy lets only its owner account publish and subscribe.",
    source: "https://docs.aws.amazon.com/sns/latest/dg/sns-access-policy-use-cases.html",
    checked: "2026-12-04",
});
