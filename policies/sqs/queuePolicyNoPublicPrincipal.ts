import { withAwsDefault } from "../lib/awsdefault";
import { resourcePolicy } from "../lib/policy";
import { checkNoPublicPrincipal } from "../lib/resourcedoc";

const QUEUE = "aws:sqs/queue:Queue";
const QUEUE_POLICY = "aws:sqs/queuePolicy:QueuePolicy";

export const queuePolicyNoPublicPrincipal = withAwsDefault(resourcePolicy({
    name: "sqs-queue-policy-no-public-principal",
    description: "No queue policy (aws.sqs.QueuePolicy or the queue's policy input) allows Principal \"*\" without a condition pinning the caller (aws:SourceArn, aws:SourceAccount, aws:PrincipalOrgID, ...).",
    severity: "high",
    enforcementLevel: "mandatory",
    frameworks: [],
    topics: ["identity"],
    resourceTypes: [QUEUE, QUEUE_POLICY],
    remediation: "Grant sqs:SendMessage to the sending service with an aws:SourceArn condition (e.g. the SNS topic's ARN), or to named accounts.",
    url: "https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-basic-examples-of-sqs-policies.html",
    check(r, _config, report) {
        checkNoPublicPrincipal(r.props.policy, report, {
            field: "policy",
            what: "whether the queue policy lets anyone in",
            consequence: "any AWS account can use the actions it lists (send, receive or delete messages where they are listed)",
            fix: "Name the sending service with an aws:SourceArn condition, or grant named accounts.",
        });
    },
}), {
    behaviour: "A queue without a policy is reachable only by principals of its own account that IAM allows.",
    source: "https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-overview-of-managing-access.html",
    checked: "2026-12-04",
});
