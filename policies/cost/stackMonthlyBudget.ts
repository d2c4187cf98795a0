import { integer } from "../lib/config";
import type { StackResource } from "../lib/graph";
import { estimatePlan, PRICED_TYPES, type PricedLine, type PricedResource, unpricedLines, usd } from "../lib/pricing/estimate";
import { PRICES_READ, PRICE_SOURCES } from "../lib/pricing/prices";
import { stackPolicy } from "../lib/policy";
import { str } from "../lib/values";

const STACK_TYPE = "pulumi:pulumi:Stack";

function priced(r: StackResource): PricedResource {
    const propertyDependencies: Record<string, readonly string[]> = {};
    for (const [key, deps] of r.propertyDependencies) propertyDependencies[key] = deps.map((d) => d.urn);
    return { urn: r.urn, type: r.type, name: r.name, props: r.props, parent: r.parent?.urn, propertyDependencies };
}

/** The region the resources deploy to: their aws provider's, when one says. */
function regionOf(resources: readonly StackResource[]): string | undefined {
    for (const r of resources) {
        const region = str(r.providerProps?.region);
        if (typeof region === "string" && r.type.startsWith("aws:")) return region;
    }
    return undefined;
}

export const stackMonthlyBudget = stackPolicy({
    name: "cost-stack-monthly-budget",
    description: "The stack's estimated monthly cost (on-demand prices of its planned resources, from the pack's dated price table) stays within the budget the stack's policy config gives; usage-priced items are not counted.",
    severity: "medium",
    enforcementLevel: "advisory",
    frameworks: [],
    topics: ["governance"],
    // The estimate also prices remote awsx VPCs from their inputs (their NAT gateways); metadata lists provider types.
    resourceTypes: PRICED_TYPES.filter((t) => t.startsWith("aws:")),
    remediation: "Lower instance, task and node sizes or counts (or the NAT strategy), or raise monthlyBudgetUsd in the stack's policy config when the spend is intended.",
    url: PRICE_SOURCES.ec2,
    config: {
        monthlyBudgetUsd: integer("The stack's monthly budget in USD; 0 means no budget (nothing is judged).", 0, 0),
    },
    check(stack, config, report) {
        if (config.monthlyBudgetUsd === 0) return;
        const resources = stack.resources.filter((r) => !r.type.startsWith("pulumi:"));
        const estimate = estimatePlan(resources.map(priced), regionOf(resources));
        const anchor = stack.resources.find((r) => r.type === STACK_TYPE) ?? resources[0];
        if (anchor === undefined) return;
        const budget = config.monthlyBudgetUsd;
        const where = estimate.regionPriced ? estimate.region : `${estimate.region} priced as us-east-1`;
        const unpriced = unpricedLines(estimate.lines);
        if (estimate.monthlyUsd > budget) {
            const top = estimate.lines
                .filter((l): l is PricedLine => l.kind === "priced")
                .sort((a, b) => b.monthlyUsd - a.monthlyUsd)
                .slice(0, 5)
                .map((l) => `${l.name} ${usd(l.monthlyUsd)} (${l.basis})`)
                .join("; ");
            report.violation(anchor, `the planned resources cost about ${usd(estimate.monthlyUsd)} a month (on demand, ${where}, prices read ${PRICES_READ}${unpriced.length > 0 ? `, at least: ${unpriced.length} not priced` : ""}), `
                + `over the stack's budget of ${usd(budget)}, before usage-priced items. Largest: ${top}. `
                + "Lower sizes or counts, or raise monthlyBudgetUsd in the stack's policy config if this spend is intended.");
            return;
        }
        // Within budget so far, but some sizes are not known yet: the verdict waits for them.
        const first = resources.find((r) => r.urn === unpriced[0]?.urn);
        if (first !== undefined && /not known during preview/.test(unpriced[0].reason)) {
            report.unknown(first, `whether the stack stays within its ${usd(budget)} monthly budget (${usd(estimate.monthlyUsd)} priced so far)`, unpriced[0].reason.replace(/ not known during preview$/, ""));
        }
    },
});
