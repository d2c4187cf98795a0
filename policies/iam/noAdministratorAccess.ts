import { stringList } from "../lib/config";
import { matchesAny } from "../lib/glob";
import { describeStatement, grantsEverything } from "../lib/iamdoc";
import type { StackResource, StackView } from "../lib/graph";
import { type ResourceReport, type ResourceView, stackPolicy } from "../lib/policy";
import { str, UNKNOWN } from "../lib/values";
import { eachStatement, identityDocuments } from "./identityDocuments";
import { attachedManagedPolicyArns, DOCUMENT_TYPES, EXCLUSIVE_ATTACHMENTS, IAM_DOCS, ROLE, SINGLE_ATTACHMENTS } from "./shared";

const POLICY = "aws:iam/policy:Policy";
const TYPES = [ROLE, ...DOCUMENT_TYPES, ...SINGLE_ATTACHMENTS, ...EXCLUSIVE_ATTACHMENTS];

/** Managed-policy ARNs a resource attaches, with the input they sit in. */
function attachedArns(r: ResourceView, report: ResourceReport): { field: string; arn: unknown }[] {
    return attachedManagedPolicyArns(r, report, "whether an administrator policy is attached");
}

/** Name of an AWS-managed policy ARN ("arn:aws:iam::aws:policy/job-function/X" → "X"). */
export function awsManagedPolicyName(arn: string): string | undefined {
    return /^arn:[a-z-]+:iam::aws:policy\/(?:[^/]+\/)*([^/]+)$/.exec(arn.trim())?.[1];
}

/**
 * Is an attachment's unknown ARN the ARN of an aws.iam.Policy of this stack? Then that policy's
 * own document is judged where it is declared (or noted there when unknown), and the attachment
 * needs no "not known during preview" note of its own. A field of a list (managedPolicyArns[2])
 * is traced through the list's dependencies: only when every dependency of the field is such a
 * policy, since a dependency on anything else may be an ARN the pack cannot read.
 */
function attachesStackPolicy(stack: StackView, r: StackResource, field: string): boolean {
    const key = field.replace(/\[\d+\]$/, "");
    const deps = r.propertyDependencies.get(key) ?? [];
    if (key === "policyArn") return stack.target(r, key, [POLICY], ["arn", "id"]).kind === "resolved";
    return deps.length > 0 && deps.every((d) => d.type === POLICY);
}

export const noAdministratorAccess = stackPolicy({
    name: "iam-no-administrator-access",
    description: "No AdministratorAccess (or other admin-equivalent managed policy) is attached through any attachment resource or managedPolicyArns, and no identity policy allows every action on every resource (Action or NotAction).",
    severity: "critical",
    enforcementLevel: "mandatory",
    frameworks: [{ framework: "fsbp", control: "IAM.1" }, { framework: "cis", control: "1.16" }],
    topics: ["identity"],
    resourceTypes: TYPES,
    remediation: "Attach least-privilege policies that name the actions and resources the workload needs.",
    url: IAM_DOCS,
    config: {
        deniedManagedPolicies: stringList("AWS-managed policies that grant administrator access (names or patterns).",
            ["AdministratorAccess", "AdministratorAccess-Amplify", "AdministratorAccess-AWSElasticBeanstalk", "IAMFullAccess"]),
    },
    check(stack, config, stackReport) {
        for (const r of stack.ofType(TYPES)) {
            const report: ResourceReport = {
                violation: (text) => stackReport.violation(r, text),
                unknown: (what, field) => stackReport.unknown(r, what, field),
            };
            checkOne(stack, r, config.deniedManagedPolicies, report);
        }
    },
});

/** The checks of one resource: attached managed policies, then its own identity documents. */
function checkOne(stack: StackView, r: StackResource, deniedManagedPolicies: readonly string[], report: ResourceReport): void {
    for (const { field, arn } of attachedArns(r, report)) {
        const value = str(arn);
        if (value === UNKNOWN) {
            if (!attachesStackPolicy(stack, r, field)) {
                report.unknown("whether an administrator policy is attached (customer-managed policies in the stack are judged by their own document)", field);
            }
            continue;
        }
        const managed = value === undefined ? undefined : awsManagedPolicyName(value);
        if (managed !== undefined && matchesAny(deniedManagedPolicies, managed)) {
            report.violation(`${field} attaches the AWS-managed policy ${managed}, which grants administrator access. Attach a least-privilege policy that lists only the actions and resources the workload needs.`);
        }
    }
    const what = "whether the policy grants administrator access";
    eachStatement(identityDocuments(r, report, what), report, what, (st, field) => {
        const all = grantsEverything(st);
        if (all === UNKNOWN) report.unknown(what, `${field} ${describeStatement(st)}`);
        else if (all) {
            const how = st.notAction.present ? "uses Allow with NotAction, which grants every action not listed," : "allows every action (\"*\")";
            report.violation(`${field} ${describeStatement(st)} ${how} on every resource: administrator access. List the actions and resources the workload needs instead.`);
        }
    });
}
