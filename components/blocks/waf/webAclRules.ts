/**
 * The web ACL's rules as data (pure): rate limit, geo block, AWS managed rule groups, logging.
 */

/** Prefix every WAF log group must carry (AWS rejects other names as log destinations). */
export const WAF_LOG_GROUP_PREFIX = "aws-waf-logs-";

export interface WebAclRuleInput {
    /** Prefix of the rules' CloudWatch metric names, e.g. `chat-prod-alb`. */
    metricPrefix: string;
    /** Requests per source IP in any 5-minute window before the IP is blocked. */
    rateLimit: number;
    /** ISO 3166-1 alpha-2 codes to block; empty means no geo rule. */
    geoBlockCountries: readonly string[];
}

/** An AWS managed rule group in the ACL and why it is there. */
export interface ManagedRuleGroup {
    name: string;
    priority: number;
    /** Rules of the group that only count (never block), with the reason. */
    countOnly: readonly string[];
    why: string;
}

/**
 * The managed groups (928 WCU with the two custom rules, within the 1,500 the base price includes):
 * - AmazonIpReputationList: addresses AWS threat intelligence saw in bots and attacks (25 WCU);
 * - CommonRuleSet: OWASP Top 10 style protections (700 WCU); SizeRestrictions_BODY only counts,
 *   because it blocks every request body over 8 KB (JSON messages, uploads through the API);
 * - KnownBadInputsRuleSet: request patterns of known exploits, Log4j/Log4Shell among them (200 WCU).
 */
export const MANAGED_RULE_GROUPS: readonly ManagedRuleGroup[] = [
    { name: "AWSManagedRulesAmazonIpReputationList", priority: 10, countOnly: [], why: "known malicious addresses" },
    { name: "AWSManagedRulesCommonRuleSet", priority: 20, countOnly: ["SizeRestrictions_BODY"], why: "OWASP Top 10 protections" },
    { name: "AWSManagedRulesKnownBadInputsRuleSet", priority: 30, countOnly: [], why: "known exploit patterns (Log4j included)" },
];

type Empty = Record<string, never>;

/** One rule of a web ACL, in the shape of aws.wafv2.WebAcl's `rules`. */
export interface WafRule {
    name: string;
    priority: number;
    /** Custom rules: what happens on a match. */
    action?: { block: Empty };
    /** Managed groups: `none` keeps the group's own actions. */
    overrideAction?: { none: Empty };
    statement: {
        rateBasedStatement?: { limit: number; aggregateKeyType: "IP"; evaluationWindowSec: number };
        geoMatchStatement?: { countryCodes: string[] };
        managedRuleGroupStatement?: { vendorName: string; name: string; ruleActionOverrides: { name: string; actionToUse: { count: Empty } }[] };
    };
    visibilityConfig: { cloudwatchMetricsEnabled: boolean; metricName: string; sampledRequestsEnabled: boolean };
}

/** Metrics and sampled requests on, under a name CloudWatch accepts. */
export function visibility(metricName: string) {
    return { cloudwatchMetricsEnabled: true, metricName: metricName.replace(/[^A-Za-z0-9_-]/g, "-").slice(0, 128), sampledRequestsEnabled: true };
}

/**
 * The ACL's rules, lowest priority first: 1 rate limit (block), 2 geo block (block; only with
 * countries), 10/20/30 the managed groups (their own actions, minus count-only overrides).
 * Fixed priorities, so turning the geo rule on or off never renumbers the others.
 */
export function webAclRules(input: WebAclRuleInput): WafRule[] {
    const rules: WafRule[] = [{
        name: "rate-limit",
        priority: 1,
        action: { block: {} },
        statement: { rateBasedStatement: { limit: input.rateLimit, aggregateKeyType: "IP", evaluationWindowSec: 300 } },
        visibilityConfig: visibility(`${input.metricPrefix}-rate-limit`),
    }];
    if (input.geoBlockCountries.length > 0) {
        rules.push({
            name: "geo-block",
            priority: 2,
            action: { block: {} },
            statement: { geoMatchStatement: { countryCodes: [...input.geoBlockCountries] } },
            visibilityConfig: visibility(`${input.metricPrefix}-geo-block`),
        });
    }
    for (const group of MANAGED_RULE_GROUPS) {
        rules.push({
            name: group.name,
            priority: group.priority,
            overrideAction: { none: {} },
            statement: {
                managedRuleGroupStatement: {
                    vendorName: "AWS",
                    name: group.name,
                    ruleActionOverrides: group.countOnly.map((rule) => ({ name: rule, actionToUse: { count: {} } })),
                },
            },
            visibilityConfig: visibility(`${input.metricPrefix}-${group.name}`),
        });
    }
    return rules;
}

/** Headers the WAF logs never show: bearer tokens and session cookies. */
export function redactedFields() {
    return [{ singleHeader: { name: "authorization" } }, { singleHeader: { name: "cookie" } }];
}
