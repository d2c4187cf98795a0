import { integer } from "../lib/config";
import { resourcePolicy } from "../lib/policy";
import { at, num, rec, UNKNOWN } from "../lib/values";

const USER_POOL = "aws:cognito/userPool:UserPool";

/** Cognito's minimum length when passwordPolicy is absent. */
const COGNITO_DEFAULT_LENGTH = 8;

export const userPoolPasswordPolicy = resourcePolicy({
    name: "cognito-user-pool-password-policy",
    description: "User pools require passwords of at least the configured length (12 by default).",
    severity: "medium",
    enforcementLevel: "mandatory",
    frameworks: [],
    topics: ["identity"],
    resourceTypes: [USER_POOL],
    remediation: "Set passwordPolicy.minimumLength to at least the configured minimum.",
    url: "https://docs.aws.amazon.com/cognito/latest/developerguide/managing-users-passwords.html",
    config: {
        minimumLength: integer("Smallest accepted passwordPolicy.minimumLength.", 12, 6),
    },
    check(r, config, report) {
        const policy = rec(r.props.passwordPolicy);
        if (policy === UNKNOWN) return report.unknown("the password policy", "passwordPolicy");
        const length = num(at(policy, "minimumLength"));
        if (length === UNKNOWN) return report.unknown("the password policy", "passwordPolicy.minimumLength");
        const effective = length ?? COGNITO_DEFAULT_LENGTH;
        if (effective < config.minimumLength) {
            const state = length === undefined ? `passwordPolicy.minimumLength is not set (Cognito uses ${COGNITO_DEFAULT_LENGTH})` : `passwordPolicy.minimumLength is ${length}`;
            report.violation(`${state}, below this stack's minimum of ${config.minimumLength}. Set passwordPolicy.minimumLength to at least ${config.minimumLength}.`);
        }
    },
});
