import { stringList } from "../lib/config";
import { matchesAny } from "../lib/glob";
import { describeStatement, effectOf, isServiceWildcard, matchesEveryAction } from "../lib/iamdoc";
import { resourcePolicy } from "../lib/policy";
import { UNKNOWN } from "../lib/values";
import { eachStatement, identityDocuments } from "./identityDocuments";
import { DOCUMENT_TYPES, IAM_DOCS, ROLE } from "./shared";

export const noWildcardActions = resourcePolicy({
    name: "iam-no-wildcard-actions",
    description: "No identity-policy statement allows \"*\" or a whole service (\"s3:*\"), or uses NotAction with Allow, outside the configured allow-list.",
    severity: "high",
    enforcementLevel: "mandatory",
    frameworks: [{ framework: "fsbp", control: "IAM.21" }],
    topics: ["identity"],
    resourceTypes: [ROLE, ...DOCUMENT_TYPES],
    remediation: "Name the actions the workload needs (s3:GetObject, s3:PutObject, ...).",
    url: IAM_DOCS,
    config: {
        allowedActions: stringList("Wildcard actions that are accepted (e.g. \"xray:*\"), compared case-insensitively.", []),
    },
    check(r, config, report) {
        const allowed = config.allowedActions.map((a) => a.toLowerCase());
        const what = "whether the policy allows wildcard actions";
        eachStatement(identityDocuments(r, report, what), report, what, (st, field) => {
            const effect = effectOf(st);
            if (effect === UNKNOWN) return report.unknown(what, `${field} ${describeStatement(st)}`);
            if (effect !== "allow") return;
            if (st.notAction.present) {
                return report.violation(`${field} ${describeStatement(st)} uses Allow with NotAction, which grants every action not listed, including ones AWS adds later. List the allowed actions in Action instead.`);
            }
            const wild = st.action.values.filter((a) => (matchesEveryAction(a) || isServiceWildcard(a)) && !matchesAny(allowed, a.trim().toLowerCase()));
            if (wild.length > 0) {
                report.violation(`${field} ${describeStatement(st)} allows ${wild.map((a) => `"${a}"`).join(", ")}: every action of ${wild.some(matchesEveryAction) ? "every service" : "the service"}. `
                    + "Name the actions the workload needs (for example s3:GetObject, s3:PutObject), or add the wildcard to allowedActions in the policy config.");
            } else if (st.action.unknown) {
                report.unknown(what, `${field} ${describeStatement(st)} Action`);
            }
        });
    },
});
