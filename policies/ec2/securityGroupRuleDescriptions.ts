import { reportGrouped, type Finding } from "../lib/hygiene";
import { stackPolicy } from "../lib/policy";
import { describeRule, RULE_TYPES, rulesOf, SECURITY_GROUP } from "../lib/sgrules";
import { str, UNKNOWN } from "../lib/values";

/** What of one group or rule resource lacks a description: "the group", "ingress[1] (tcp port 22)", ... */
function undescribed(type: string, props: Record<string, unknown>): string[] {
    const out: string[] = [];
    if (type === SECURITY_GROUP) {
        const d = str(props.description);
        if (d === undefined || (typeof d === "string" && (d.trim() === "" || d.trim() === "Managed by Pulumi"))) out.push("the group itself");
    }
    const rules = rulesOf(type, props);
    if (rules === UNKNOWN) return out;
    for (const rule of rules) {
        if (rule.description === undefined || (typeof rule.description === "string" && rule.description.trim() === "")) out.push(describeRule(rule));
    }
    return out;
}

export const securityGroupRuleDescriptions = stackPolicy({
    name: "ec2-security-group-rule-descriptions",
    description: "Security groups and each of their rules say why they exist (no empty or default \"Managed by Pulumi\" description); reported once per component (or once for the stack) with the list.",
    severity: "low",
    enforcementLevel: "advisory",
    frameworks: [],
    topics: ["network", "governance"],
    resourceTypes: RULE_TYPES,
    remediation: "Give the group and every rule a description that names the traffic it allows.",
    url: "https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html",
    check(stack, _config, report) {
        const findings: Finding[] = [];
        for (const r of stack.ofType([...RULE_TYPES])) {
            const missing = undescribed(r.type, r.props);
            if (missing.length > 0) findings.push({ resource: r, detail: missing.join(", ") });
        }
        reportGrouped(stack.resources, findings, report, (count, list) => `${count} security group resource${count > 1 ? "s" : ""} lack descriptions: ${list}. `
            + "Set description on each to the reason for the group or rule, e.g. \"HTTPS from the internet\" (changing a group's own description replaces the group).");
    },
});
