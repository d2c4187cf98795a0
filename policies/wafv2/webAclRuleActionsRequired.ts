import { withAwsDefault } from "../lib/awsdefault";
import { resourcePolicy } from "../lib/policy";
import { UNKNOWN, list, rec } from "../lib/values";

const ACL = "aws:wafv2/webAcl:WebAcl";

export const webAclRuleActionsRequired = withAwsDefault(resourcePolicy({
    name: "wafv2-web-acl-rule-actions-required",
    description: "Every web ACL rule says what it does: an action (allow, block, count, captcha, challenge) for a rule statement, or an overrideAction for a rule-group statement.",
    severity: "low",
    enforcementLevel: "advisory",
    frameworks: [],
    topics: ["network"],
    resourceTypes: [ACL],
    remediation: "Give every rule an action, or an overrideAction when its statement is a managed or custom rule group.",
    url: "https://docs.aws.amazon.com/waf/latest/developerguide/web-acl-rule-actions.html",
    check(r, _config, report) {
        const rules = list(r.props.rules);
        if (rules === UNKNOWN) return report.unknown("whether every rule has an action", "rules");
        (rules ?? []).forEach((item, i) => {
            const rule = rec(item);
            if (rule === UNKNOWN) return report.unknown("whether every rule has an action", `rules[${i}]`);
            if (rule === undefined) return;
            if (rule.action === undefined && rule.overrideAction === undefined) {
                report.violation(`rules[${i}] (${JSON.stringify(rule.name ?? null)}) has neither action nor overrideAction, so WAF refuses the web ACL at deploy time. Set action (e.g. { block: {} }) or, for a rule group, overrideAction: { none: {} }.`);
            }
        });
        
    },
}), {
    behaviour: "The WAF API rejects a rule without an action or override action; the check catches it at preview.",
    source: "https://docs.aws.amazon.com/waf/latest/APIReference/API_Rule.html",
    checked: "2026-12-04",
});
