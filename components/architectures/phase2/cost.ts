/**
 * The web fleet's monthly compute cost in us-east-1 (pure).
 */

/**
 * Monthly compute cost in us-east-1 (730 h) of `instances` on-demand instances with gp3 roots:
 * t3.micro $7.59, t3.small $15.18, t4g.small $12.26 (unknown types are not priced).
 */
export const HOURLY_PRICE: Readonly<Record<string, number>> = {
    "t3.micro": 0.0104,
    "t3.small": 0.0208,
    "t3.medium": 0.0416,
    "t4g.micro": 0.0084,
    "t4g.small": 0.0168,
    "t4g.medium": 0.0336,
};

export function fleetMonthlyCost(instanceType: string, instances: number, rootVolumeGb: number): number | undefined {
    const hourly = HOURLY_PRICE[instanceType];
    if (hourly === undefined) return undefined;
    return Math.round(instances * (hourly * 730 + rootVolumeGb * 0.08) * 100) / 100;
}
