/**
 * Names of load balancers and target groups within AWS's length limits (pure).
 */

/**
 * A deterministic ELB resource name from a logical name: ELB names are at most 32 characters
 * of letters, digits and hyphens. Longer names are cut and given a short hash of the full name,
 * so two long names that share a prefix stay distinct.
 */
export function elbName(logicalName: string, maxLength = 32): string {
    const clean = logicalName.toLowerCase().replace(/[^a-z0-9-]+/g, "-").replace(/^-+|-+$/g, "").replace(/^internal-/, "");
    if (clean.length <= maxLength) return clean;
    let hash = 0;
    for (const ch of logicalName) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
    const suffix = hash.toString(36).slice(0, 5);
    return `${clean.slice(0, maxLength - suffix.length - 1).replace(/-+$/, "")}-${suffix}`;
}

/**
 * Target groups are replaced when their port, protocol or target type changes; a `namePrefix`
 * (at most 6 characters) lets the new one exist beside the old one during the swap.
 */
export function targetGroupNamePrefix(logicalName: string): string {
    const letters = logicalName.toLowerCase().replace(/[^a-z0-9]/g, "");
    return `${letters.slice(0, 5) || "tg"}-`;
}
