import { text } from "../lib/config";
import { conditionValues, describeStatement, effectOf, parseDocument, type Statement } from "../lib/iamdoc";
import { resourcePolicy, type ResourceReport } from "../lib/policy";
import { UNKNOWN } from "../lib/values";
import { ROLE } from "./shared";

const GITHUB_ISSUER = "token.actions.githubusercontent.com";
const SUB_OPERATORS = ["StringEquals", "StringLike", "StringEqualsIgnoreCase", "ForAnyValue:StringEquals", "ForAnyValue:StringLike"];
/** repo:<owner>/<repo>:environment:<env>, with no wildcard anywhere. */
const PINNED_SUB = /^repo:[^/*?:\s]+\/[^/*?:\s]+:environment:[^*?:\s]+$/;

function trustsGitHub(st: Statement): boolean | typeof UNKNOWN {
    const p = st.principal;
    if (p === UNKNOWN) return UNKNOWN;
    if (p === undefined || p === "*") return false;
    const federated = p.get("Federated");
    if (federated === undefined) return false;
    if (federated.values.some((v) => v.includes(GITHUB_ISSUER))) return true;
    return federated.unknown ? UNKNOWN : false;
}

function checkGitHubTrust(st: Statement, audience: string, report: ResourceReport): void {
    const where = `assumeRolePolicy ${describeStatement(st)}`;
    const what = "whether the GitHub OIDC trust is pinned to a repository and environment";
    if (st.condition === UNKNOWN) return report.unknown(what, `${where} Condition`);
    const subs = conditionValues(st, `${GITHUB_ISSUER}:sub`, SUB_OPERATORS);
    const pinned = subs.some((s) => !s.unknown && s.values.length > 0 && s.values.every((v) => PINNED_SUB.test(v.trim())));
    if (!pinned) {
        if (subs.some((s) => s.unknown)) report.unknown(what, `${where} Condition ${GITHUB_ISSUER}:sub`);
        else if (subs.length === 0) {
            report.violation(`${where} trusts GitHub Actions OIDC without a ${GITHUB_ISSUER}:sub condition, so any workflow of any repository on GitHub can assume the role. `
                + `Add Condition StringEquals { "${GITHUB_ISSUER}:sub": "repo:<owner>/<repo>:environment:<environment>" }.`);
        } else {
            const loose = subs.flatMap((s) => s.values).filter((v) => !PINNED_SUB.test(v.trim()));
            report.violation(`${where} lets ${loose.map((v) => `"${v}"`).join(", ") || "an empty subject list"} assume the role, which does not pin one repository and one GitHub environment. `
                + "Use subjects of the form \"repo:<owner>/<repo>:environment:<environment>\" with no wildcards, one per environment the role serves.");
        }
    }
    const auds = conditionValues(st, `${GITHUB_ISSUER}:aud`, ["StringEquals", "ForAnyValue:StringEquals"]);
    const audOk = auds.some((s) => !s.unknown && s.values.length > 0 && s.values.every((v) => v === audience));
    if (!audOk) {
        if (auds.some((s) => s.unknown)) report.unknown("whether the GitHub OIDC audience is pinned", `${where} Condition ${GITHUB_ISSUER}:aud`);
        else report.violation(`${where} does not require ${GITHUB_ISSUER}:aud to equal "${audience}". Add Condition StringEquals { "${GITHUB_ISSUER}:aud": "${audience}" }.`);
    }
}

export const githubOidcTrustPinned = resourcePolicy({
    name: "iam-github-oidc-trust-pinned",
    description: "Roles trusted by GitHub Actions OIDC pin the sub claim to repo:<owner>/<repo>:environment:<env> (no wildcards) and the aud claim to sts.amazonaws.com.",
    severity: "critical",
    enforcementLevel: "mandatory",
    frameworks: [],
    topics: ["identity"],
    resourceTypes: [ROLE],
    remediation: "Condition the trust on token.actions.githubusercontent.com:sub = repo:<owner>/<repo>:environment:<env> and :aud = sts.amazonaws.com.",
    url: "https://docs.github.com/en/actions/security-for-github-actions/security-hardening-your-deployments/configuring-openid-connect-in-amazon-web-services",
    config: {
        audience: text("Required value of the token's aud claim.", "sts.amazonaws.com"),
    },
    check(r, config, report) {
        const parsed = parseDocument(r.props.assumeRolePolicy);
        const what = "whether the role trusts GitHub Actions OIDC without pinning it";
        if (parsed.kind === "unknown") return report.unknown(what, "assumeRolePolicy");
        if (parsed.kind !== "parsed") return;
        if (parsed.unknownStatements > 0) report.unknown(what, "assumeRolePolicy.Statement");
        for (const st of parsed.statements) {
            if (effectOf(st) !== "allow") continue;
            const github = trustsGitHub(st);
            if (github === UNKNOWN) report.unknown(what, `assumeRolePolicy ${describeStatement(st)} Principal`);
            else if (github) checkGitHubTrust(st, config.audience, report);
        }
    },
});
