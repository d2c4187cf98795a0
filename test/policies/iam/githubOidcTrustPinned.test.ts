import * as assert from "node:assert/strict";
import { githubOidcTrustPinned } from "../../../policies/iam/githubOidcTrustPinned";
import { res, T } from "../helpers/fixtures";
import { advisory, details, mandatory, runResource, UNKNOWN } from "../helpers/server";
import { doc } from "./helpers";

const GITHUB = "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com";

function githubTrust(condition: unknown): string {
    return JSON.stringify(doc({ Effect: "Allow", Principal: { Federated: GITHUB }, Action: "sts:AssumeRoleWithWebIdentity", Condition: condition }));
}

const AUD = { "token.actions.githubusercontent.com:aud": "sts.amazonaws.com" };

describe("iam-github-oidc-trust-pinned", () => {
    it("accepts a trust pinned to one repository and environment with the STS audience", () => {
        const trust = githubTrust({ StringEquals: { ...AUD, "token.actions.githubusercontent.com:sub": "repo:acme/chat:environment:prod" } });
        assert.deepEqual(runResource(githubOidcTrustPinned, res(T.role, "deploy-prod", { assumeRolePolicy: trust })), []);
    });
    it("accepts several pinned environments under StringLike", () => {
        const trust = githubTrust({ StringEquals: AUD, StringLike: { "token.actions.githubusercontent.com:sub": ["repo:acme/chat:environment:dev", "repo:acme/chat:environment:staging"] } });
        assert.deepEqual(runResource(githubOidcTrustPinned, res(T.role, "deploy", { assumeRolePolicy: trust })), []);
    });
    it("accepts a pinned block even when a looser block is ANDed with it", () => {
        const trust = githubTrust({ StringEquals: { ...AUD, "token.actions.githubusercontent.com:sub": "repo:acme/chat:environment:prod" }, StringLike: { "token.actions.githubusercontent.com:sub": "repo:acme/*" } });
        assert.deepEqual(runResource(githubOidcTrustPinned, res(T.role, "deploy", { assumeRolePolicy: trust })), []);
    });
    it("ignores roles that GitHub does not assume", () => {
        assert.deepEqual(runResource(githubOidcTrustPinned, res(T.role, "host", { assumeRolePolicy: JSON.stringify(doc({ Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" })) })), []);
    });
    it("flags a trust without a sub condition", () => {
        assert.deepEqual(details(runResource(githubOidcTrustPinned, res(T.role, "deploy", { assumeRolePolicy: githubTrust({ StringEquals: AUD }) }))),
            ["deploy: assumeRolePolicy statement 0 trusts GitHub Actions OIDC without a token.actions.githubusercontent.com:sub condition, so any workflow of any repository on GitHub can assume the role. "
                + "Add Condition StringEquals { \"token.actions.githubusercontent.com:sub\": \"repo:<owner>/<repo>:environment:<environment>\" }."]);
    });
    it("flags a sub that pins no environment", () => {
        const trust = githubTrust({ StringEquals: AUD, StringLike: { "token.actions.githubusercontent.com:sub": "repo:acme/chat:*" } });
        assert.deepEqual(details(runResource(githubOidcTrustPinned, res(T.role, "deploy", { assumeRolePolicy: trust }))),
            ["deploy: assumeRolePolicy statement 0 lets \"repo:acme/chat:*\" assume the role, which does not pin one repository and one GitHub environment. "
                + "Use subjects of the form \"repo:<owner>/<repo>:environment:<environment>\" with no wildcards, one per environment the role serves."]);
    });
    it("flags wildcard repositories and branch-based subjects", () => {
        for (const sub of ["repo:acme/*:environment:prod", "repo:acme/chat:ref:refs/heads/main", "repo:*"]) {
            const trust = githubTrust({ StringEquals: AUD, StringLike: { "token.actions.githubusercontent.com:sub": sub } });
            assert.equal(mandatory(runResource(githubOidcTrustPinned, res(T.role, "deploy", { assumeRolePolicy: trust }))).length, 1, sub);
        }
    });
    it("does not count ForAllValues conditions, which pass when the claim is absent", () => {
        const trust = githubTrust({ StringEquals: AUD, "ForAllValues:StringEquals": { "token.actions.githubusercontent.com:sub": "repo:acme/chat:environment:prod" } });
        assert.equal(runResource(githubOidcTrustPinned, res(T.role, "deploy", { assumeRolePolicy: trust })).length, 1);
    });
    it("flags a missing or wrong audience", () => {
        const sub = { "token.actions.githubusercontent.com:sub": "repo:acme/chat:environment:prod" };
        assert.match(details(runResource(githubOidcTrustPinned, res(T.role, "d", { assumeRolePolicy: githubTrust({ StringEquals: sub }) })))[0], /does not require token\.actions\.githubusercontent\.com:aud to equal "sts\.amazonaws\.com"/);
        assert.equal(runResource(githubOidcTrustPinned, res(T.role, "d", { assumeRolePolicy: githubTrust({ StringEquals: { ...sub, "token.actions.githubusercontent.com:aud": "other" } }) })).length, 1);
    });
    it("notes a trust policy, principal or subject that is unknown during preview", () => {
        assert.equal(advisory(runResource(githubOidcTrustPinned, res(T.role, "d", { assumeRolePolicy: UNKNOWN }))).length, 1);
        const unknownPrincipal = JSON.stringify(doc({ Effect: "Allow", Principal: { Federated: UNKNOWN }, Action: "sts:AssumeRoleWithWebIdentity" }));
        assert.equal(advisory(runResource(githubOidcTrustPinned, res(T.role, "d", { assumeRolePolicy: unknownPrincipal }))).length, 1);
        assert.equal(advisory(runResource(githubOidcTrustPinned, res(T.role, "d", { assumeRolePolicy: { Statement: [{ Effect: "Allow", Principal: { Federated: GITHUB }, Condition: { StringEquals: { ...AUD, "token.actions.githubusercontent.com:sub": UNKNOWN } } }] } }))).length, 1);
    });
});
