/**
 * A web ACL's monthly cost (pure).
 */
import { MONTHLY_FEES } from "../../lib/prices";

/** Monthly cost of an ACL in us-east-1: $5 plus $1 per rule or managed group, before $0.60 per million requests. */
export function webAclMonthlyCost(ruleCount: number): number {
    return MONTHLY_FEES.webAcl + ruleCount * MONTHLY_FEES.webAclRule;
}
