/**
 * WAFv2: a web ACL has rules (an ACL without rules only applies its default action), and is
 * never associated with a Network Load Balancer (WAF cannot inspect TCP/TLS passthrough).
 */
import type { PackPolicy } from "../lib/policy";
import { webAclRequestLogging } from "./webAclRequestLogging";
import { webAclHasRules } from "./webAclHasRules";
import { webAclNotOnNetworkLoadBalancer } from "./webAclNotOnNetworkLoadBalancer";
import { webAclKnownBadInputsRequired } from "./webAclKnownBadInputsRequired";
import { webAclRuleActionsRequired } from "./webAclRuleActionsRequired";

/** In table order. */
export const wafv2Policies: readonly PackPolicy[] = [webAclHasRules, webAclNotOnNetworkLoadBalancer, webAclKnownBadInputsRequired, webAclRuleActionsRequired, webAclRequestLogging];
