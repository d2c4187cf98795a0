import { resourcePolicy } from "../lib/policy";
import { list, UNKNOWN } from "../lib/values";

const WEB_ACL = "aws:wafv2/webAcl:WebAcl";

export const webAclHasRules = resourcePolicy({
    name: "wafv2-web-acl-has-rules",
    description: "Web ACLs contain at least one rule (inline rules or ruleJson).",
    severity: "medium",
    enforcementLevel: "mandatory",
    frameworks: [{ framework: "fsbp", control: "WAF.10" }],
    topics: ["network"],
    resourceTypes: [WEB_ACL],
    remediation: "Add rules: a rate-based rule and the AWS managed common rule set at least.",
    url: "https://docs.aws.amazon.com/waf/latest/developerguide/web-acl.html",
    check(r, _config, report) {
        if (r.props.ruleJson !== undefined) return;
        const rules = list(r.props.rules);
        if (rules === UNKNOWN) return report.unknown("whether the web ACL has rules", "rules");
        if (rules === undefined || rules.length === 0) {
            report.violation("has no rules, so it inspects nothing and only applies its default action. Add rules: at least a rate-based rule and the AWS managed rule group AWSManagedRulesCommonRuleSet.");
        }
    },
});
