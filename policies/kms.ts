/**
 * KMS: symmetric keys rotate; key policies never open the key to everyone. (A key policy's
 * account-root statement, kms:* for arn:aws:iam::<account>:root, is how AWS delegates a key to
 * IAM: it is not a public grant and not an identity policy.)
 */
import { requireFlag } from "./lib/checks";
import { describeStatement, parseDocument, publicAccessOf } from "./lib/iamdoc";
import { type PackPolicy, resourcePolicy } from "./lib/policy";
import { str, UNKNOWN } from "./lib/values";

export const KEY = "aws:kms/key:Key";
export const KEY_POLICY = "aws:kms/keyPolicy:KeyPolicy";

export const keyRotation = resourcePolicy({
    name: "kms-key-rotation-enabled",
    description: "Symmetric encryption keys rotate their key material yearly (asymmetric, HMAC and custom-key-store keys cannot and are skipped).",
    severity: "medium",
    enforcementLevel: "mandatory",
    frameworks: [{ framework: "fsbp", control: "KMS.4" }, { framework: "cis", control: "3.6" }],
    topics: ["encryption"],
    resourceTypes: [KEY],
    remediation: "Set enableKeyRotation: true.",
    url: "https://docs.aws.amazon.com/kms/latest/developerguide/rotate-keys.html",
    check(r, _config, report) {
        const spec = str(r.props.customerMasterKeySpec);
        const usage = str(r.props.keyUsage);
        if (spec === UNKNOWN || usage === UNKNOWN) return report.unknown("whether the key can rotate", spec === UNKNOWN ? "customerMasterKeySpec" : "keyUsage");
        if ((spec ?? "SYMMETRIC_DEFAULT") !== "SYMMETRIC_DEFAULT" || (usage ?? "ENCRYPT_DECRYPT") !== "ENCRYPT_DECRYPT") return;
        if (r.props.customKeyStoreId !== undefined) return;
        requireFlag(r.props, ["enableKeyRotation"], report, {
            what: "whether the key rotates",
            problem: "so the same key material encrypts data for the key's whole life",
            fix: "Set enableKeyRotation: true (free for the key itself; AWS keeps old material to decrypt old data).",
        });
    },
});

export const keyPolicyNotPublic = resourcePolicy({
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

export const kmsPolicies: readonly PackPolicy[] = [keyRotation, keyPolicyNotPublic];
