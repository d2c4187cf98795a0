// What the README says a configuration choice costs, computed from the same functions and price
// table the components use, so no figure is typed by hand: the NAT strategies of phases 2-3, the
// tenant plans of phase 4 and the mTLS API's Private CA.
import { natMonthlyCost } from "../../components/blocks/network/layout";
import { NAT_STRATEGIES } from "../../components/config/settings";
import { MONTHLY_FEES, PRICES_READ } from "../../components/lib/prices";
import { databaseMonthlyCostUsd, PLAN_SIZING, TENANT_PLANS } from "../../components/lib/tenantPlans";
import { usd } from "../../policies/lib/pricing/estimate";

/** Each natStrategy's monthly price in two AZs, what each GB forwarded costs and what fails. */
export function natTable(availabilityZones = 2): string {
    return [
        `| natStrategy | monthly (us-east-1, ${availabilityZones} AZs) | per GB forwarded | when it fails |`,
        "|---|---:|---:|---|",
        ...NAT_STRATEGIES.map((s) => {
            const c = natMonthlyCost(s, availabilityZones);
            return `| ${s} | ${usd(c.monthlyUsd)} | ${c.perGbProcessedUsd === 0 ? "–" : `$${c.perGbProcessedUsd}`} | ${c.availability} |`;
        }),
        "",
        `Prices read ${PRICES_READ}. Data transfer out to the internet is billed alike for every strategy.`,
    ].join("\n");
}

/** Each tenant plan's database and uploads, and what the database costs a month. */
export function tenantPlansTable(): string {
    return [
        "| plan | database | storage | Multi-AZ | backups kept | uploads expire after | database per month |",
        "|---|---|---:|---|---:|---:|---:|",
        ...TENANT_PLANS.map((p) => {
            const s = PLAN_SIZING[p];
            return `| ${p} | ${s.databaseInstanceClass} | ${s.databaseStorageGb} GB gp3 | ${s.databaseMultiAz ? "yes" : "no"} | ${s.databaseBackupRetentionDays} days | ${s.uploadsExpirationDays} days | ${usd(databaseMonthlyCostUsd(p))} |`;
        }),
        "",
        `us-east-1 on demand, prices read ${PRICES_READ}; uploads, backups beyond the free allowance and I/O by use.`,
    ].join("\n");
}

/** The monthly fee of an AWS Private CA (general-purpose mode), which `mtlsCertificateAuthority: acm-pca` adds. */
export function privateCaLine(): string {
    return `\`mtlsCertificateAuthority: acm-pca\` adds an AWS Private CA at ${usd(MONTHLY_FEES.privateCaGeneralPurpose)} a month (general-purpose mode; prices read ${PRICES_READ}) plus each certificate it issues.`;
}
