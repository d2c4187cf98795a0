import { resourcePolicy } from "../lib/policy";
import { DEFAULT_SECURITY_GROUP, describeRule, RULE_TYPES, rulesOf, SECURITY_GROUP } from "../lib/sgrules";
import { str, UNKNOWN } from "../lib/values";

export const securityGroupRuleDescriptions = resourcePolicy({
    name: "ec2-security-group-rule-descriptions",
    description: "Security groups and each of their rules say why they exist (no empty or default \"Managed by Pulumi\" description).",
    severity: "low",
    enforcementLevel: "advisory",
    frameworks: [],
    topics: ["network", "governance"],
    resourceTypes: RULE_TYPES,
    remediation: "Give the group and every rule a description that names the traffic it allows.",
    url: "https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html",
    check(r, _config, report) {
        if (r.type === SECURITY_GROUP || r.type === DEFAULT_SECURITY_GROUP) {
            const d = str(r.props.description);
            const missing = d === undefined || (typeof d === "string" && (d.trim() === "" || d.trim() === "Managed by Pulumi"));
            if (r.type === SECURITY_GROUP && missing) {
                report.violation("the security group has no description of its own (AWS shows \"Managed by Pulumi\"). Set description to what the group protects; note that changing it replaces the group.");
            }
        }
        const rules = rulesOf(r.type, r.props);
        if (rules === UNKNOWN) return;
        for (const rule of rules) {
            if (rule.description === undefined || (typeof rule.description === "string" && rule.description.trim() === "")) {
                report.violation(`${describeRule(rule)} has no description. Set description to the reason for the rule, e.g. "HTTPS from the internet".`);
            }
        }
    },
});
