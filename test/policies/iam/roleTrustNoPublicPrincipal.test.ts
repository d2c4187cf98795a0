import * as assert from "node:assert/strict";
import { roleTrustNoPublicPrincipal } from "../../../policies/iam/roleTrustNoPublicPrincipal";
import { res, T } from "../helpers/fixtures";
import { advisory, details, runResource, UNKNOWN } from "../helpers/server";
import { doc } from "./helpers";

describe("iam-role-trust-no-public-principal", () => {
    const trust = (statement: Record<string, unknown>) => JSON.stringify(doc({ Effect: "Allow", Action: "sts:AssumeRole", ...statement }));
    it("accepts service, account and organisation-pinned trust", () => {
        for (const st of [{ Principal: { Service: "ecs-tasks.amazonaws.com" } }, { Principal: { AWS: "arn:aws:iam::123456789012:root" } },
            { Principal: "*", Condition: { StringEquals: { "aws:PrincipalOrgID": "o-abc" } } }]) {
            assert.deepEqual(runResource(roleTrustNoPublicPrincipal, res(T.role, "r", { assumeRolePolicy: trust(st) })), []);
        }
    });
    it("flags Principal \"*\"", () => {
        assert.deepEqual(details(runResource(roleTrustNoPublicPrincipal, res(T.role, "r", { assumeRolePolicy: trust({ Principal: "*" }) }))),
            ["r: assumeRolePolicy statement 0 lets any AWS principal in any account assume the role (Principal \"*\"). Trust the specific service, account or role, or pin it with an aws:PrincipalOrgID or aws:PrincipalAccount condition."]);
    });
    it("flags Principal { AWS: \"*\" }", () => {
        assert.equal(runResource(roleTrustNoPublicPrincipal, res(T.role, "r", { assumeRolePolicy: trust({ Principal: { AWS: ["*"] } }) })).length, 1);
    });
    it("notes an unknown trust policy", () => {
        assert.equal(advisory(runResource(roleTrustNoPublicPrincipal, res(T.role, "r", { assumeRolePolicy: UNKNOWN }))).length, 1);
    });
});
