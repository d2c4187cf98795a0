/**
 * Pulumi resource options: stateful resources (buckets, databases, tables, caches, file systems,
 * user pools) are protected, or carry the service's own deletion protection, so `pulumi destroy`
 * or an accidental replacement cannot delete data. Disabled in dev, mandatory in prod.
 */
import type { PackPolicy } from "../lib/policy";
import { statefulResourceProtected } from "./statefulResourceProtected";

/** In table order. */
export const pulumiPolicies: readonly PackPolicy[] = [statefulResourceProtected];
