import { UNKNOWN } from "../helpers/server";
import { judgesSetting } from "../helpers/settingCases";
import { webAclKnownBadInputsRequired } from "../../../policies/wafv2/webAclKnownBadInputsRequired";

describe("wafv2-web-acl-known-bad-inputs-required", () => {
    judgesSetting(webAclKnownBadInputsRequired, {
        type: "aws:wafv2/webAcl:WebAcl",
        name: "edge",
        base: { scope: "REGIONAL", defaultAction: { allow: {} }, visibilityConfig: { cloudwatchMetricsEnabled: true, metricName: "acl", sampledRequestsEnabled: true } },
        passes: {
        "the managed group beside a rate limit": { rules: [{ name: "rate", priority: 0, action: { block: {} }, statement: { rateBasedStatement: { limit: 2000, aggregateKeyType: "IP" } }, visibilityConfig: { cloudwatchMetricsEnabled: true, metricName: "r", sampledRequestsEnabled: true } }, { name: "AWSManagedRulesKnownBadInputsRuleSet", priority: 1, overrideAction: { none: {} }, statement: { managedRuleGroupStatement: { name: "AWSManagedRulesKnownBadInputsRuleSet", vendorName: "AWS" } }, visibilityConfig: { cloudwatchMetricsEnabled: true, metricName: "r", sampledRequestsEnabled: true } }] },
        "the group given as ruleJson": { ruleJson: "[{\"Name\":\"kbi\",\"Priority\":1,\"Statement\":{\"ManagedRuleGroupStatement\":{\"VendorName\":\"AWS\",\"Name\":\"AWSManagedRulesKnownBadInputsRuleSet\"}},\"OverrideAction\":{\"None\":{}},\"VisibilityConfig\":{\"CloudWatchMetricsEnabled\":true,\"MetricName\":\"kbi\",\"SampledRequestsEnabled\":true}}]" },
    },
        fails: {
        "a rate limit only": { rules: [{ name: "rate", priority: 0, action: { block: {} }, statement: { rateBasedStatement: { limit: 2000, aggregateKeyType: "IP" } }, visibilityConfig: { cloudwatchMetricsEnabled: true, metricName: "r", sampledRequestsEnabled: true } }] },
        "only the common rule set": { rules: [{ name: "AWSManagedRulesCommonRuleSet", priority: 1, overrideAction: { none: {} }, statement: { managedRuleGroupStatement: { name: "AWSManagedRulesCommonRuleSet", vendorName: "AWS" } }, visibilityConfig: { cloudwatchMetricsEnabled: true, metricName: "r", sampledRequestsEnabled: true } }] },
    },
        absent: "fails",
        unknown: { rules: UNKNOWN },
        mentions: ["AWSManagedRulesKnownBadInputsRuleSet"],
    });
});
