/**
 * Elastic Load Balancing (aws.lb ≡ aws.alb): HTTP listeners only redirect to HTTPS, TLS listeners
 * use a modern security policy, application load balancers drop invalid headers.
 */
import type { PackPolicy } from "../lib/policy";
import { albDropInvalidHeaderFields } from "./albDropInvalidHeaderFields";
import { listenerHttpsOrRedirect } from "./listenerHttpsOrRedirect";
import { listenerModernTlsPolicy } from "./listenerModernTlsPolicy";

/** In table order. */
export const lbPolicies: readonly PackPolicy[] = [listenerHttpsOrRedirect, listenerModernTlsPolicy, albDropInvalidHeaderFields];
