import { repositoryPolicyNoPublicPrincipal } from "../../../policies/ecr/repositoryPolicyNoPublicPrincipal";
import { judgesPublicPolicy } from "../helpers/publicPolicyCases";
import { UNKNOWN } from "../helpers/server";

describe("ecr-repository-policy-no-public-principal", () => {
    // The shape the issue found in a public program: everyone may push and delete images.
    judgesPublicPolicy(repositoryPolicyNoPublicPrincipal, "aws:ecr/repositoryPolicy:RepositoryPolicy", { repository: UNKNOWN },
        ["ecr:PutImage", "ecr:BatchDeleteImage", "ecr:InitiateLayerUpload"]);
});
