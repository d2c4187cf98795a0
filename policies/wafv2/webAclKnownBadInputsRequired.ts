import { withAwsDefault } from "../lib/awsdefault";
import { resourcePolicy } from "../lib/policy";
import { isUnknown, jsonDoc, UNKNOWN } from "../lib/values";

const ACL = "aws:wafv2/webAcl:WebAcl";

export const webAclKnownBadInputsRequired = withAwsDefault(resourcePolicy({
    name: "wafv2-web-acl-known-bad-inputs-required",
    description: "Web ACLs include the AWS managed Known Bad Inputs rule group (AWSManagedRulesKnownBadInputsRuleSet), which blocks Log4j (CVE-2021-44228) and other known exploit patterns.",
    severity: "medium",
    enforcementLevel: "advisory",
    frameworks: [],
    topics: ["network"],
    resourceTypes: [ACL],
    remediation: "Add a rule with statement.managedRuleGroupStatement { vendorName: \"AWS\", name: \"AWSManagedRulesKnownBadInputsRuleSet\" } and overrideAction { none: {} }.",
    url: "https://docs.aws.amazon.com/waf/latest/developerguide/aws-managed-rule-groups-baseline.html#aws-managed-rule-groups-baseline-known-bad-inputs",
    check(r, _config, report) {
        const what = "whether the Known Bad Inputs rule group is in the web ACL";
        const rules = jsonDoc(r.props.rules ?? r.props.ruleJson);
        if (rules === UNKNOWN) return report.unknown(what, r.props.rules === undefined ? "ruleJson" : "rules");
        const found = { group: false, unknown: false };
        // Rule groups nest (scope-down and rule-group statements): look at every managed group statement, in either spelling (rules or ruleJson).
        const visit = (node: unknown): void => {
            if (isUnknown(node)) { found.unknown = true; return; }
            if (Array.isArray(node)) return node.forEach(visit);
            if (node === null || typeof node !== "object") return;
            for (const [key, value] of Object.entries(node)) {
                if (/^managedRuleGroupStatement$/i.test(key) && value !== null && typeof value === "object") {
                    const name = (value as Record<string, unknown>).name ?? (value as Record<string, unknown>).Name;
                    if (name === "AWSManagedRulesKnownBadInputsRuleSet") found.group = true;
                    else if (typeof name !== "string") found.unknown = true;
                }
                visit(value);
            }
        };
        visit(rules === "invalid" ? undefined : rules);
        if (found.group) return;
        if (found.unknown) return report.unknown(what, "rules");
        report.violation("rules has no AWSManagedRulesKnownBadInputsRuleSet rule group, so request patterns of known exploits (Log4j JNDI lookups among them) reach the application. Add a rule whose statement is managedRuleGroupStatement { vendorName: \"AWS\", name: \"AWSManagedRulesKnownBadInputsRuleSet\" }.");
        
    },
}), {
    behaviour: "A web ACL runs only the rules it lists; no managed rule group is added by default.",
    source: "https://docs.aws.amazon.com/waf/latest/developerguide/aws-managed-rule-groups-baseline.html#aws-managed-rule-groups-baseline-known-bad-inputs",
    checked: "2026-12-04",
});
