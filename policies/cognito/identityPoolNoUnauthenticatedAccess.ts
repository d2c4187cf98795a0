import { withAwsDefault } from "../lib/awsdefault";
import { resourcePolicy } from "../lib/policy";
import { checkFlagOff } from "../lib/settings";

const POOL = "aws:cognito/identityPool:IdentityPool";

export const identityPoolNoUnauthenticatedAccess = withAwsDefault(resourcePolicy({
    name: "cognito-identity-pool-no-unauthenticated-access",
    description: "Identity pools do not hand AWS credentials to unauthenticated (guest) identities.",
    severity: "high",
    enforcementLevel: "mandatory",
    frameworks: [],
    topics: ["identity"],
    resourceTypes: [POOL],
    remediation: "Set allowUnauthenticatedIdentities: false (the default).",
    url: "https://docs.aws.amazon.com/cognito/latest/developerguide/identity-pools.html",
    check(r, _config, report) {
        checkFlagOff(r.props, report, ["allowUnauthenticatedIdentities"], false, {
            what: "whether guests get AWS credentials",
            problem: "so anyone on the internet gets temporary AWS credentials for the unauthenticated role",
            fix: "Set allowUnauthenticatedIdentities: false.",
        });
    },
}), {
    behaviour: "Identity pools refuse unauthenticated identities unless AllowUnauthenticatedIdentities is true.",
    source: "https://docs.aws.amazon.com/cognito/latest/developerguide/identity-pools.html",
    checked: "2026-12-04",
});
