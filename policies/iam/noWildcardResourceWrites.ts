import { withAwsDefault } from "../lib/awsdefault";
import { stringList } from "../lib/config";
import { matchesAny } from "../lib/glob";
import { describeStatement, effectOf, matchesEveryResource } from "../lib/iamdoc";
import { resourcePolicy } from "../lib/policy";
import { UNKNOWN } from "../lib/values";
import { eachStatement, identityDocuments } from "./identityDocuments";
import { DOCUMENT_TYPES, IAM_DOCS, ROLE } from "./shared";

/**
 * Verbs that change or destroy something. IAM action names start with their verb, so a pattern
 * is a write when it can match an action that starts with one of these: `s3:Put*`, `s3:P*` (Put,
 * Publish) and `dynamodb:*Item` (a leading wildcard stands for any verb) are writes, `s3:Get*` is not.
 */
const WRITE_VERBS = [
    "Put", "Delete", "Create", "Update", "Attach", "Detach", "Modify", "Remove", "Add", "Set", "Terminate", "Write",
    "Replace", "Reboot", "Run", "Start", "Stop", "Pass", "Associate", "Disassociate", "Import", "Restore", "Revoke",
    "Authorize", "Enable", "Disable", "Tag", "Untag", "Upload", "Copy", "Send", "Publish", "Invoke", "Batch",
];

/** Can `pattern` (IAM glob, case-insensitive) match an action whose name starts with a write verb? */
function mayWrite(pattern: string): boolean {
    const [service, name] = pattern.trim().split(":", 2);
    if (name === undefined) return pattern.trim().startsWith("*") || pattern.trim().startsWith("?");
    if (service.length === 0) return false;
    const n = name.toLowerCase();
    if (n.startsWith("*") || n.startsWith("?")) return true;
    return WRITE_VERBS.some((verb) => {
        const v = verb.toLowerCase();
        // The pattern's literal prefix (up to its first wildcard) must be compatible with the verb.
        const literal = n.split(/[*?]/, 1)[0];
        return literal.length >= v.length ? literal.startsWith(v) : v.startsWith(literal) && /[*?]/.test(n);
    });
}

export const noWildcardResourceWrites = withAwsDefault(resourcePolicy({
    name: "iam-no-wildcard-resource-writes",
    description: "No identity-policy statement allows write or delete actions on Resource \"*\"; writes name the resources they may change (actions AWS only grants on \"*\" are allowed by config).",
    severity: "high",
    enforcementLevel: "advisory",
    frameworks: [],
    topics: ["identity"],
    resourceTypes: [ROLE, ...DOCUMENT_TYPES],
    remediation: "Scope every write and delete action to the ARNs it changes (a bucket's objects, a table, a queue); keep \"*\" for read-only and resource-less actions.",
    url: IAM_DOCS,
    config: {
        allowedActions: stringList("Write actions (names or patterns) that AWS only grants on Resource \"*\".", [
            "xray:PutTraceSegments", "xray:PutTelemetryRecords", "cloudwatch:PutMetricData",
            "ec2:CreateNetworkInterface", "ec2:DeleteNetworkInterface", "ec2:AssignPrivateIpAddresses", "ec2:UnassignPrivateIpAddresses",
            "ssmmessages:CreateControlChannel", "ssmmessages:CreateDataChannel", "ssmmessages:OpenControlChannel", "ssmmessages:OpenDataChannel",
            "ec2messages:*", "logs:CreateLogDelivery", "logs:PutResourcePolicy", "logs:UpdateLogDelivery", "logs:DeleteLogDelivery",
        ]),
    },
    check(r, config, report) {
        const what = "whether the policy allows writes on every resource";
        eachStatement(identityDocuments(r, report, what), report, what, (st, field) => {
            const effect = effectOf(st);
            if (effect === UNKNOWN) return report.unknown(what, `${field} ${describeStatement(st)}`);
            if (effect !== "allow" || st.notAction.present) return;
            // Only a statement that can write is worth a note: reads on an unknown resource are fine either way.
            const writes = st.action.values.filter((a) => mayWrite(a) && !matchesAny(config.allowedActions, a));
            if (writes.length === 0 && !st.action.unknown) return;
            // A Resource element unknown during preview is computed from another resource's output (an
            // ARN or name the provider returns), never the literal "*": only known elements can be "*".
            const everywhere = st.notResource.present || st.resource.values.some(matchesEveryResource);
            if (!everywhere) return;
            if (st.action.unknown) report.unknown(what, `${field} ${describeStatement(st)} Action`);
            if (writes.length > 0) {
                report.violation(`${field} ${describeStatement(st)} allows ${writes.join(", ")} on Resource "*", so the holder can change or delete every such resource in the account. Name the ARNs the actions may change.`);
            }
        });
    },
}), {
    behaviour: "IAM denies every action not allowed; a statement with Resource \"*\" allows its actions on every resource of the account, present and future.",
    source: "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html",
    checked: "2026-12-04",
});
