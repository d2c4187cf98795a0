import { describeStatement, parseDocument, publicAccessOf } from "../lib/iamdoc";
import { resourcePolicy } from "../lib/policy";
import { UNKNOWN } from "../lib/values";
import { KEY } from "./shared";

const KEY_POLICY = "aws:kms/keyPolicy:KeyPolicy";

export const keyPolicyNoPublicPrincipal = resourcePolicy({
    name: "kms-key-policy-no-public-principal",
    description: "No key policy allows Principal \"*\" without a condition pinning the caller's account (kms:CallerAccount, aws:PrincipalAccount, aws:PrincipalOrgID, ...).",
    severity: "critical",
    enforcementLevel: "mandatory",
    frameworks: [],
    topics: ["encryption", "identity"],
    resourceTypes: [KEY, KEY_POLICY],
    remediation: "Grant the key to the account root, named roles or services; pin \"*\" with kms:CallerAccount.",
    url: "https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-overview.html",
    check(r, _config, report) {
        const parsed = parseDocument(r.props.policy);
        const what = "whether the key policy opens the key to everyone";
        if (parsed.kind === "unknown") return report.unknown(what, "policy");
        if (parsed.kind !== "parsed") return;
        for (const st of parsed.statements) {
            const access = publicAccessOf(st);
            if (access === UNKNOWN) {
                report.unknown(what, `policy ${describeStatement(st)}`);
            } else if (access === "public") {
                report.violation(`policy ${describeStatement(st)} allows Principal "*" with no condition pinning the caller, so any AWS account can use the key. `
                    + "Grant to arn:aws:iam::<account>:root, named roles or services, or add a kms:CallerAccount condition.");
            }
        }
    },
});
