/**
 * The one price table, for the components' cost notes: the same module the offline check's
 * estimate and the pack's budget policy read (policies/lib/pricing/prices.ts, pure data). It lives
 * with the pack because a published pack carries only its own folder.
 */
export * from "../../policies/lib/pricing/prices";
