import { describeStatement, parseDocument, publicAccessOf } from "../lib/iamdoc";
import { resourcePolicy } from "../lib/policy";
import { UNKNOWN } from "../lib/values";
import { ROLE } from "./shared";

export const roleTrustNoPublicPrincipal = resourcePolicy({
    name: "iam-role-trust-no-public-principal",
    description: "No role's trust policy lets any principal (\"*\") assume it without a condition pinning the caller's account or organisation.",
    severity: "critical",
    enforcementLevel: "mandatory",
    frameworks: [],
    topics: ["identity"],
    resourceTypes: [ROLE],
    remediation: "Trust a named service, account or role, or pin \"*\" with aws:PrincipalOrgID / aws:PrincipalAccount.",
    url: "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html",
    check(r, _config, report) {
        const parsed = parseDocument(r.props.assumeRolePolicy);
        const what = "whether anyone may assume the role";
        if (parsed.kind === "unknown") return report.unknown(what, "assumeRolePolicy");
        if (parsed.kind !== "parsed") return;
        for (const st of parsed.statements) {
            const access = publicAccessOf(st);
            if (access === UNKNOWN) {
                report.unknown(what, `assumeRolePolicy ${describeStatement(st)}`);
            } else if (access === "public") {
                report.violation(`assumeRolePolicy ${describeStatement(st)} lets any AWS principal in any account assume the role (Principal "*"). `
                    + "Trust the specific service, account or role, or pin it with an aws:PrincipalOrgID or aws:PrincipalAccount condition.");
            }
        }
    },
});
