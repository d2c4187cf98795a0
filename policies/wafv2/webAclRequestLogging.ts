import { withAwsDefault } from "../lib/awsdefault";
import { stackPolicy } from "../lib/policy";
import { requireSide } from "../lib/sides";

const WEB_ACL = "aws:wafv2/webAcl:WebAcl";
const LOGGING = "aws:wafv2/webAclLoggingConfiguration:WebAclLoggingConfiguration";
const WAF_LOGGING_DOCS = "https://docs.aws.amazon.com/waf/latest/developerguide/logging.html";

export const webAclRequestLogging = withAwsDefault(stackPolicy({
    name: "wafv2-web-acl-request-logging",
    description: "Every web ACL has a logging configuration (aws.wafv2.WebAclLoggingConfiguration whose resourceArn is the ACL), so blocked and allowed requests can be investigated.",
    severity: "medium",
    enforcementLevel: "advisory",
    frameworks: [{ framework: "fsbp", control: "WAF.11" }],
    topics: ["logging", "network"],
    resourceTypes: [WEB_ACL, LOGGING],
    remediation: "Add an aws.wafv2.WebAclLoggingConfiguration with resourceArn set to the web ACL's arn and a log group named aws-waf-logs-* (with retention) in logDestinationConfigs.",
    url: "https://docs.aws.amazon.com/securityhub/latest/userguide/waf-controls.html",
    check(stack, _config, report) {
        requireSide(stack, report, {
            targets: stack.ofType([WEB_ACL]),
            sideTypes: [LOGGING], key: "resourceArn", targetTypes: [WEB_ACL], identityKeys: ["arn"],
            what: () => "whether the web ACL logs its requests",
            missing: () => "has no logging configuration (no aws.wafv2.WebAclLoggingConfiguration names it in resourceArn), and WAF logs nothing by default, so the requests it blocked or let through cannot be investigated. "
                + "Add an aws.wafv2.WebAclLoggingConfiguration with resourceArn set to this ACL's arn and an aws-waf-logs-* log group as destination.",
        });
    },
}), {
    behaviour: "A web ACL keeps only sampled requests in the console; full request logging is off until a logging configuration is added.",
    source: WAF_LOGGING_DOCS,
    checked: "2026-12-04",
});
