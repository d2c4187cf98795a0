/**
 * The CDN's monthly cost (pure).
 */
import { USAGE_PRICES } from "../../lib/prices";

/**
 * Monthly cost of the CDN in us-east-1 terms: $0.085/GB to viewers in North America and Europe
 * (PriceClass_100; the first 1 TB a month is free under CloudFront's always-free tier) and
 * $0.0075 per 10,000 HTTPS requests.
 */
export function cdnMonthlyCost(gbOut: number, requestsMillions: number, freeTier = true): number {
    const p = USAGE_PRICES;
    const billableGb = Math.max(0, gbOut - (freeTier ? p.cloudfrontFreeGb : 0));
    const billableRequests = Math.max(0, requestsMillions - (freeTier ? p.cloudfrontFreeRequestsMillions : 0));
    return Math.round((billableGb * p.cloudfrontPerGb + billableRequests * 100 * p.cloudfrontHttpsPer10k) * 100) / 100;
}
