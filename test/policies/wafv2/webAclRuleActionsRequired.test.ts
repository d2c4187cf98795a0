import { UNKNOWN } from "../helpers/server";
import { judgesSetting } from "../helpers/settingCases";
import { webAclRuleActionsRequired } from "../../../policies/wafv2/webAclRuleActionsRequired";

describe("wafv2-web-acl-rule-actions-required", () => {
    judgesSetting(webAclRuleActionsRequired, {
        type: "aws:wafv2/webAcl:WebAcl",
        name: "edge",
        base: { scope: "REGIONAL", defaultAction: { allow: {} }, visibilityConfig: { cloudwatchMetricsEnabled: true, metricName: "acl", sampledRequestsEnabled: true } },
        passes: {
        "a block rule and a rule group with its override": { rules: [{ name: "rate", priority: 0, action: { block: {} }, statement: { rateBasedStatement: { limit: 2000, aggregateKeyType: "IP" } }, visibilityConfig: { cloudwatchMetricsEnabled: true, metricName: "r", sampledRequestsEnabled: true } }, { name: "AWSManagedRulesCommonRuleSet", priority: 1, overrideAction: { none: {} }, statement: { managedRuleGroupStatement: { name: "AWSManagedRulesCommonRuleSet", vendorName: "AWS" } }, visibilityConfig: { cloudwatchMetricsEnabled: true, metricName: "r", sampledRequestsEnabled: true } }] },
    },
        fails: {
        "a rule with neither": { rules: [{ name: "rate", priority: 0, statement: { rateBasedStatement: { limit: 2000, aggregateKeyType: "IP" } }, visibilityConfig: { cloudwatchMetricsEnabled: true, metricName: "r", sampledRequestsEnabled: true } }] },
    },
        absent: "passes",
        unknown: { rules: UNKNOWN },
        mentions: ["neither action nor overrideAction"],
    });
});
