// The plan's monthly cost for the report: every custom resource priced with the pack's one price
// table (policies/lib/pricing), grouped by the component directly under the stack that holds it,
// so a reader sees what each part of the architecture costs. Works on any program: resources are
// priced by type and size, not by how this repository builds them.
import { estimatePlan, type CostLine, type PricedResource } from "../../../policies/lib/pricing/estimate";
import { PRICES_READ } from "../../../policies/lib/pricing/prices";
import type { RecordedResource } from "../engine/types";
import { STACK_TYPE, topComponent } from "./top-component";

export interface ReportCostGroup {
    /** The component under the stack (undefined for resources registered directly under the stack). */
    urn?: string;
    type: string;
    name: string;
    monthlyUsd: number;
    priced: number;
    byUse: number;
    unpriced: number;
}

export interface ReportCost {
    currency: "USD";
    region: string;
    regionFactor: number;
    /** False when the region is not in the price table (priced as us-east-1) or not known. */
    regionPriced: boolean;
    pricesRead: string;
    /** The priced lines' sum: a lower bound when `unpriced` lines exist. */
    monthlyUsd: number;
    groups: ReportCostGroup[];
    lines: CostLine[];
}

/** The region the plan deploys to: the default aws provider's, else the first aws provider's. */
function planRegion(resources: readonly RecordedResource[]): string | undefined {
    const providers = resources.filter((r) => r.type === "pulumi:providers:aws");
    const preferred = providers.find((p) => p.synthetic === true) ?? providers[0];
    const region = preferred?.inputs.region;
    return typeof region === "string" && /^[a-z]{2}(-[a-z]+)+-\d$/.test(region) ? region : undefined;
}

export function planCost(resources: readonly RecordedResource[]): ReportCost {
    const byUrn = new Map(resources.map((r) => [r.urn, r]));
    const priced: PricedResource[] = resources
        // Custom resources, and remote components (awsx), whose inputs say what they create.
        .filter((r) => (r.custom || r.remote) && !r.read && !r.type.startsWith("pulumi:providers:"))
        .map((r) => ({ urn: r.urn, type: r.type, name: r.name, props: r.checkedInputs, parent: r.parent, propertyDependencies: r.propertyDependencies }));
    const estimate = estimatePlan(priced, planRegion(resources));
    const groups = new Map<string, ReportCostGroup & { total: number }>();
    for (const line of estimate.lines) {
        const resource = byUrn.get(line.urn);
        const owner = resource && topComponent(resource, byUrn);
        const key = owner?.urn ?? "";
        let g = groups.get(key);
        if (g === undefined) {
            g = { ...(owner ? { urn: owner.urn } : {}), type: owner?.type ?? STACK_TYPE, name: owner?.name ?? "(stack)", monthlyUsd: 0, priced: 0, byUse: 0, unpriced: 0, total: 0 };
            groups.set(key, g);
        }
        if (line.kind === "priced") {
            g.total += line.monthlyUsd;
            g.priced++;
            if (line.byUse !== undefined) g.byUse++;
        } else if (line.kind === "by-use") g.byUse++;
        else g.unpriced++;
    }
    return {
        currency: "USD",
        region: estimate.region,
        regionFactor: estimate.regionFactor,
        regionPriced: estimate.regionPriced,
        pricesRead: PRICES_READ,
        monthlyUsd: estimate.monthlyUsd,
        groups: [...groups.values()]
            .map(({ total, ...g }) => ({ ...g, monthlyUsd: Math.round(total * 100) / 100 }))
            .sort((a, b) => b.monthlyUsd - a.monthlyUsd || a.name.localeCompare(b.name)),
        lines: [...estimate.lines],
    };
}
