/**
 * The tenant catalog's plans (seed 001, phase 4 "Service Catalog"), as pure data and functions:
 * what each plan gets. Seed 001 sizes the database by plan (enterprise: db.t3.medium with 100 GB,
 * otherwise db.t3.micro with 20 GB) and expires uploads after 30 days for starter, 90 otherwise
 * (its `ExpirationInDays: !If [IsStarter, 30, 90]`).
 */
import { HOURS_PER_MONTH, RDS_HOURLY, RDS_STORAGE_GB_MONTH } from "./prices";

export type TenantPlan = "starter" | "professional" | "enterprise";
export const TENANT_PLANS: readonly TenantPlan[] = ["starter", "professional", "enterprise"];

export interface PlanSizing {
    /** Days after which a tenant's uploads expire. */
    uploadsExpirationDays: number;
    /** RDS instance class of the tenant's database. */
    databaseInstanceClass: string;
    /** Allocated storage of the tenant's database, in GiB (gp3). */
    databaseStorageGb: number;
    /** A standby in a second AZ. */
    databaseMultiAz: boolean;
    /** Days of automated database backups. */
    databaseBackupRetentionDays: number;
}

export const PLAN_SIZING: Readonly<Record<TenantPlan, PlanSizing>> = {
    starter: { uploadsExpirationDays: 30, databaseInstanceClass: "db.t3.micro", databaseStorageGb: 20, databaseMultiAz: false, databaseBackupRetentionDays: 7 },
    professional: { uploadsExpirationDays: 90, databaseInstanceClass: "db.t3.micro", databaseStorageGb: 20, databaseMultiAz: false, databaseBackupRetentionDays: 14 },
    enterprise: { uploadsExpirationDays: 90, databaseInstanceClass: "db.t3.medium", databaseStorageGb: 100, databaseMultiAz: true, databaseBackupRetentionDays: 30 },
};

export interface TenantSpec {
    /** Lower-case id used in names and DNS: `acme` → acme.tenant.<domain>. */
    id: string;
    plan: TenantPlan;
}

const TENANT_ID = /^[a-z0-9](?:[a-z0-9-]{0,28}[a-z0-9])?$/;

/** One problem with a tenant entry: the entry as written and what is allowed. */
export interface TenantProblem {
    entry: string;
    allowed: string;
}

/**
 * Parses tenant entries of the form `<id>:<plan>` (e.g. `acme:enterprise`), as the stack config
 * lists them. Returns the tenants and every problem (bad id, unknown plan, duplicate id).
 */
export function parseTenants(entries: readonly string[]): { tenants: TenantSpec[]; problems: TenantProblem[] } {
    const tenants: TenantSpec[] = [];
    const problems: TenantProblem[] = [];
    for (const entry of entries) {
        const [id, plan, ...rest] = entry.split(":");
        if (rest.length > 0 || plan === undefined) {
            problems.push({ entry, allowed: "<id>:<plan>, e.g. acme:professional" });
        } else if (!TENANT_ID.test(id)) {
            problems.push({ entry, allowed: "a tenant id of 1-30 lower-case letters, digits and inner hyphens (it becomes a DNS label and part of resource names)" });
        } else if (!TENANT_PLANS.includes(plan as TenantPlan)) {
            problems.push({ entry, allowed: `a plan: ${TENANT_PLANS.join(", ")}` });
        } else if (tenants.some((t) => t.id === id)) {
            problems.push({ entry, allowed: "each tenant id once" });
        } else {
            tenants.push({ id, plan: plan as TenantPlan });
        }
    }
    return { tenants, problems };
}

/** Monthly cost of a plan's database in us-east-1 (on-demand, single-AZ price × 2 for Multi-AZ, + gp3 storage), from the one price table. */
export function databaseMonthlyCostUsd(plan: TenantPlan): number {
    const sizing = PLAN_SIZING[plan];
    const copies = sizing.databaseMultiAz ? 2 : 1;
    const instance = RDS_HOURLY[sizing.databaseInstanceClass] * HOURS_PER_MONTH * copies;
    const storage = sizing.databaseStorageGb * RDS_STORAGE_GB_MONTH.gp3 * copies;
    return Math.round((instance + storage) * 100) / 100;
}
