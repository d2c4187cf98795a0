/**
 * The CDN's monthly cost (pure).
 */

/**
 * Monthly cost of the CDN in us-east-1 terms: $0.085/GB to viewers in North America and Europe
 * (PriceClass_100; the first 1 TB a month is free under CloudFront's always-free tier) and
 * $0.0075 per 10,000 HTTPS requests.
 */
export function cdnMonthlyCost(gbOut: number, requestsMillions: number, freeTier = true): number {
    const billableGb = Math.max(0, gbOut - (freeTier ? 1000 : 0));
    const billableRequests = Math.max(0, requestsMillions - (freeTier ? 10 : 0));
    return Math.round((billableGb * 0.085 + billableRequests * 100 * 0.0075) * 100) / 100;
}
