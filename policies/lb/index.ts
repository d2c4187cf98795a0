/**
 * Elastic Load Balancing (aws.lb ≡ aws.alb): HTTP listeners only redirect to HTTPS, TLS listeners
 * use a modern security policy, application load balancers drop invalid headers.
 */
import type { PackPolicy } from "../lib/policy";
import { loadBalancerWebAclRequired } from "./loadBalancerWebAclRequired";
import { albDropInvalidHeaderFields } from "./albDropInvalidHeaderFields";
import { listenerHttpsOrRedirect } from "./listenerHttpsOrRedirect";
import { listenerModernTlsPolicy } from "./listenerModernTlsPolicy";
import { loadBalancerAccessLogging } from "./loadBalancerAccessLogging";
import { loadBalancerDeletionProtected } from "./loadBalancerDeletionProtected";
import { albDesyncMitigationEnabled } from "./albDesyncMitigationEnabled";
import { loadBalancerCrossZoneEnabled } from "./loadBalancerCrossZoneEnabled";
import { targetGroupHealthCheckEnabled } from "./targetGroupHealthCheckEnabled";
import { targetGroupNoPlainHttp } from "./targetGroupNoPlainHttp";

/** In table order. */
export const lbPolicies: readonly PackPolicy[] = [listenerHttpsOrRedirect, listenerModernTlsPolicy, albDropInvalidHeaderFields, loadBalancerAccessLogging, loadBalancerDeletionProtected, albDesyncMitigationEnabled, loadBalancerCrossZoneEnabled, targetGroupHealthCheckEnabled, targetGroupNoPlainHttp, loadBalancerWebAclRequired];
