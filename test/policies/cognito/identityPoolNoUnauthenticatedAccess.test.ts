import { UNKNOWN } from "../helpers/server";
import { judgesSetting } from "../helpers/settingCases";
import { identityPoolNoUnauthenticatedAccess } from "../../../policies/cognito/identityPoolNoUnauthenticatedAccess";

describe("cognito-identity-pool-no-unauthenticated-access", () => {
    judgesSetting(identityPoolNoUnauthenticatedAccess, {
        type: "aws:cognito/identityPool:IdentityPool",
        name: "app",
        base: { identityPoolName: "app" },
        passes: {
        "guests refused": { allowUnauthenticatedIdentities: false },
    },
        fails: {
        "guests allowed": { allowUnauthenticatedIdentities: true },
    },
        absent: "passes",
        unknown: { allowUnauthenticatedIdentities: UNKNOWN },
        mentions: ["allowUnauthenticatedIdentities is true"],
    });
});
