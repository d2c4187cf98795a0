/**
 * The web fleet's monthly compute cost in us-east-1 (pure).
 */
import { EBS_GB_MONTH, EC2_HOURLY, HOURS_PER_MONTH } from "../../lib/prices";

/**
 * Monthly compute cost in us-east-1 (730 h) of `instances` on-demand instances with gp3 roots:
 * t3.micro $7.59, t3.small $15.18, t4g.small $12.26 (unknown types are not priced).
 */
export const HOURLY_PRICE: Readonly<Record<string, number>> = EC2_HOURLY;

export function fleetMonthlyCost(instanceType: string, instances: number, rootVolumeGb: number): number | undefined {
    const hourly = HOURLY_PRICE[instanceType];
    if (hourly === undefined) return undefined;
    return Math.round(instances * (hourly * HOURS_PER_MONTH + rootVolumeGb * EBS_GB_MONTH.gp3) * 100) / 100;
}
