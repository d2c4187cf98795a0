import { withAwsDefault } from "../lib/awsdefault";
import { stringList } from "../lib/config";
import { matchesAny } from "../lib/glob";
import { resourcePolicy, type ResourceReport, type ResourceView } from "../lib/policy";
import { str, UNKNOWN } from "../lib/values";
import { awsManagedPolicyName } from "./noAdministratorAccess";
import { attachedManagedPolicyArns, EXCLUSIVE_ATTACHMENTS, IAM_DOCS, ROLE, SINGLE_ATTACHMENTS } from "./shared";

/** Managed-policy ARNs a resource attaches, with the input they sit in. */
function attachedArns(r: ResourceView, report: ResourceReport): { field: string; arn: unknown }[] {
    return attachedManagedPolicyArns(r, report, "whether a service-wide AWS-managed policy is attached");
}

export const noFullAccessManagedPolicies = withAwsDefault(resourcePolicy({
    name: "iam-no-full-access-managed-policies",
    description: "No AWS-managed policy that grants a whole service or nearly everything (*FullAccess, PowerUserAccess) is attached to a role, user or group.",
    severity: "high",
    enforcementLevel: "mandatory",
    frameworks: [],
    topics: ["identity"],
    resourceTypes: [ROLE, ...SINGLE_ATTACHMENTS, ...EXCLUSIVE_ATTACHMENTS],
    remediation: "Replace the AWS-managed policy with a customer-managed or inline policy that lists the actions and resources the workload uses.",
    url: IAM_DOCS,
    config: {
        deniedManagedPolicies: stringList("AWS-managed policies (names or patterns) too broad to attach.", ["*FullAccess", "*FullAccess-*", "PowerUserAccess"]),
    },
    check(r, config, report) {
        for (const { field, arn } of attachedArns(r, report)) {
            const value = str(arn);
            if (value === UNKNOWN) {
                // Customer-managed policies of the stack have unknown ARNs in a preview; AWS-managed ones are literal.
                report.unknown("whether a service-wide AWS-managed policy is attached", field);
                continue;
            }
            const managed = value === undefined ? undefined : awsManagedPolicyName(value);
            if (managed !== undefined && matchesAny(config.deniedManagedPolicies, managed)) {
                report.violation(`${field} attaches the AWS-managed policy ${managed}, which grants every action of a service (or nearly all services) on every resource. Attach a policy that lists the actions and resources the workload uses.`);
            }
        }
    },
}), {
    behaviour: "A role, user or group has no permissions until a policy is attached; AWS-managed *FullAccess policies grant every action of their service on \"*\".",
    source: "https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_managed-vs-inline.html",
    checked: "2026-12-04",
});
