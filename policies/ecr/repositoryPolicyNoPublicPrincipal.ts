import { withAwsDefault } from "../lib/awsdefault";
import { resourcePolicy } from "../lib/policy";
import { checkNoPublicPrincipal } from "../lib/resourcedoc";

const REPOSITORY_POLICY = "aws:ecr/repositoryPolicy:RepositoryPolicy";

export const repositoryPolicyNoPublicPrincipal = withAwsDefault(resourcePolicy({
    name: "ecr-repository-policy-no-public-principal",
    description: "No repository policy allows Principal \"*\" without a condition pinning the caller (aws:PrincipalOrgID, aws:PrincipalAccount, ...).",
    severity: "critical",
    enforcementLevel: "mandatory",
    frameworks: [],
    topics: ["identity", "containers"],
    resourceTypes: [REPOSITORY_POLICY],
    remediation: "Grant the repository to named accounts or roles, or pin \"*\" with aws:PrincipalOrgID; never grant ecr:* or push/delete actions to everyone.",
    url: "https://docs.aws.amazon.com/AmazonECR/latest/userguide/repository-policies.html",
    check(r, _config, report) {
        checkNoPublicPrincipal(r.props.policy, report, {
            field: "policy",
            what: "whether the repository policy lets anyone in",
            consequence: "any AWS account can use the actions it lists (push, pull or delete images where they are listed)",
            fix: "Grant named accounts or roles, or add a condition on aws:PrincipalOrgID.",
        });
    },
}), {
    behaviour: "A repository without a repository policy is reachable only by principals of its own account that IAM allows.",
    source: "https://docs.aws.amazon.com/AmazonECR/latest/userguide/repository-policies.html",
    checked: "2026-12-04",
});
