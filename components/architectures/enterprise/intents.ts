/**
 * What the tenant catalog and the organisation need to work and what must never work (pure),
 * proved on every plan by the offline check (docs/intents.md).
 */
import { access, flow, type Intent, sg } from "../../lib/intents";

export const POSTGRES_PORT = 5432;

export interface EnterpriseIntentInput {
    /** The Enterprise component's name: the prefix of its children's names. */
    name: string;
    /** `<app>-<env>`: the platform's children's prefix. */
    platformName: string;
    /** The service the tenants' data serves (`api`). */
    service: string;
    tenantIds: string[];
    provisioningWorkflow: boolean;
    /** Resource names of the organisational units the guardrail SCPs cover (with createOrganization). */
    guardedUnits: string[];
}

export function enterpriseIntents(input: EnterpriseIntentInput): Intent[] {
    const api = sg(`${input.platformName}-${input.service}-sg`);
    const task = `${input.platformName}-${input.service}-task`;
    const intents: Intent[] = [];
    for (const id of input.tenantIds) {
        const tenant = `${input.name}-tenant-${id}`;
        intents.push(
            flow(`app-to-tenant-${id}-db`, "allow", `the app reaches ${id}'s PostgreSQL`, api, sg(`${tenant}-db-sg`), POSTGRES_PORT),
            flow(`no-internet-to-tenant-${id}-db`, "deny", `${id}'s database is never reachable from the internet`, "internet", sg(`${tenant}-db-sg`), POSTGRES_PORT),
            access(`app-reads-tenant-${id}-db-secret`, "allow", `the app reads ${id}'s database credentials (the RDS-managed secret)`, task, "secretsmanager:GetSecretValue", `aws:rds/instance:Instance::${tenant}-db`),
            access(`app-writes-tenant-${id}-uploads`, "allow", `the app writes ${id}'s uploads`, task, "s3:PutObject", `${tenant}-uploads`),
        );
    }
    if (input.provisioningWorkflow) {
        intents.push(flow("app-to-runtime-tenant-dbs", "allow", "the app reaches databases the provisioning workflow creates", api, sg(`${input.name}-provisioning-db-sg`), POSTGRES_PORT));
    }
    for (const unit of input.guardedUnits) {
        intents.push(
            access(`scp-${unit}-protects-cloudtrail`, "deny", `no principal under ${unit} stops CloudTrail`, "any", "cloudtrail:StopLogging", "*", unit),
            access(`scp-${unit}-keeps-accounts`, "deny", `no account under ${unit} leaves the organisation`, "any", "organizations:LeaveOrganization", "*", unit),
        );
    }
    return intents;
}
