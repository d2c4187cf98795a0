/**
 * Phase 4 settings (the enterprise phase, seed 001 "Enterprise"): the tenant catalog, the
 * provisioning workflow, the organisation and the security baseline. Parsed from flat
 * `stagecraft:` keys with the ConfigReader, so every problem is reported with the others.
 */
import { parseTenants, type TenantSpec } from "../lib/tenantPlans";
import { EMAIL, REGION } from "./patterns";
import { type ConfigReader } from "./reader";
import { type Phase } from "./settings";

/** A member account the organisation creates. */
export interface MemberAccount {
    /** Account name, e.g. `chat-prod`. */
    name: string;
    /** Root e-mail address of the account (unique across AWS). */
    email: string;
    /** Path of the OU it lives in, e.g. `Workloads/Prod`. */
    organizationalUnit: string;
}

/** The OUs of seed 001's enterprise phase: Security, and Workloads with Prod, Staging and Dev. */
export const DEFAULT_OUS = ["Security", "Workloads", "Workloads/Prod", "Workloads/Staging", "Workloads/Dev"];

export interface OrganizationSettings {
    /** OU paths, parents first (`Workloads` before `Workloads/Prod`). */
    organizationalUnits: string[];
    accounts: MemberAccount[];
    /** Regions member accounts may use (guardrail SCP); global services stay allowed. */
    allowedRegions: string[];
}

export interface EnterpriseSettings {
    /** Tenants built by the stack (Tenant components), from `<id>:<plan>` entries. */
    tenants: TenantSpec[];
    /** The Step Functions workflow that provisions tenants signing up at run time. */
    provisioningWorkflow: boolean;
    /** Create the organisation, OUs, accounts and guardrail SCPs (management account only). */
    organization?: OrganizationSettings;
    /** CloudTrail, GuardDuty, AWS Config, EBS default encryption, account S3 public access block. */
    securityBaseline: boolean;
    /** Days CloudTrail logs are kept. */
    trailRetentionDays: number;
}

const OU_PATH = /^[A-Za-z0-9][A-Za-z0-9 _-]{0,127}(\/[A-Za-z0-9][A-Za-z0-9 _-]{0,127})*$/;
const ACCOUNT_NAME = /^[A-Za-z0-9][A-Za-z0-9 ._-]{0,49}$/;

function organizationalUnits(read: ConfigReader): string[] {
    const units: string[] = [];
    for (const path of read.stringList("organizationUnits", DEFAULT_OUS)) {
        const parent = path.includes("/") ? path.slice(0, path.lastIndexOf("/")) : undefined;
        if (!OU_PATH.test(path)) {
            read.problem("organizationUnits", path, "OU paths of names (letters, digits, space, _ and -) joined by /, e.g. Workloads/Prod");
        } else if (units.includes(path)) {
            read.problem("organizationUnits", path, "each OU once");
        } else if (parent !== undefined && !units.includes(parent)) {
            read.problem("organizationUnits", path, `its parent OU (${parent}) listed before it`);
        } else {
            units.push(path);
        }
    }
    return units;
}

/** `<name>:<e-mail>:<OU path>` entries, e.g. `chat-prod:aws-prod@example.com:Workloads/Prod`. */
function memberAccounts(read: ConfigReader, units: readonly string[]): MemberAccount[] {
    const accounts: MemberAccount[] = [];
    for (const entry of read.stringList("memberAccounts", [])) {
        const [name, email, unit, ...rest] = entry.split(":").map((p) => p.trim());
        if (rest.length > 0 || unit === undefined || !ACCOUNT_NAME.test(name) || !EMAIL.test(email ?? "")) {
            read.problem("memberAccounts", entry, "<account name>:<root e-mail>:<OU path>, e.g. chat-prod:aws-prod@example.com:Workloads/Prod");
        } else if (!units.includes(unit)) {
            read.problem("memberAccounts", entry, `an OU listed in stagecraft:organizationUnits (${units.join(", ")})`);
        } else if (accounts.some((a) => a.name === name || a.email === email)) {
            read.problem("memberAccounts", entry, "each account name and e-mail once");
        } else {
            accounts.push({ name, email, organizationalUnit: unit });
        }
    }
    return accounts;
}

/**
 * Reads and validates the phase-4 keys. Tenants and the organisation are phase 4 only; asking
 * for them earlier is a problem (nothing would build them).
 */
export function parseEnterpriseSettings(read: ConfigReader, phase: Phase, region: string): EnterpriseSettings {
    const parsed = parseTenants(read.stringList("tenants", []));
    for (const p of parsed.problems) read.problem("tenants", p.entry, p.allowed);
    const createOrganization = read.boolean("createOrganization", false);
    const units = organizationalUnits(read);
    const accounts = memberAccounts(read, units);
    const allowedRegions = read.stringList("allowedRegions", []);
    for (const r of allowedRegions) {
        if (!REGION.test(r)) read.problem("allowedRegions", r, "AWS region names such as us-east-1");
    }
    if (allowedRegions.length > 0 && !allowedRegions.includes(region)) {
        read.problem("allowedRegions", allowedRegions, `a list that includes the stack's own region (${region}): the guardrail would lock the organisation out of it`);
    }
    const provisioningWorkflow = read.boolean("tenantProvisioning", true);
    const securityBaseline = read.boolean("securityBaseline", true);
    const trailRetentionDays = read.integer("trailRetentionDays", 365, 90, 3650);

    if (phase < 4) {
        if (parsed.tenants.length > 0) read.problem("tenants", parsed.tenants.map((t) => `${t.id}:${t.plan}`), "empty while stagecraft:phase is below 4: tenants are built by phase 4");
        if (createOrganization) read.problem("createOrganization", true, "false while stagecraft:phase is below 4: the organisation is built by phase 4");
    }
    if (!createOrganization && accounts.length > 0) {
        read.problem("memberAccounts", accounts.map((a) => a.name), "empty unless stagecraft:createOrganization is true: accounts are created in the organisation");
    }
    return {
        tenants: parsed.tenants,
        provisioningWorkflow,
        organization: createOrganization
            ? { organizationalUnits: units, accounts, allowedRegions: allowedRegions.length > 0 ? allowedRegions : [region] }
            : undefined,
        securityBaseline,
        trailRetentionDays,
    };
}
