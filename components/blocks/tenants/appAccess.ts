/**
 * What the app's task role may do with tenants' data (pure): read and write each configured
 * tenant's uploads and read its RDS-managed database secret; with the provisioning workflow, the
 * same for tenants created at run time, scoped by the names the workflow gives them
 * (`<prefix>-<tenant>-<account>` buckets, `<prefix>-<tenant>` databases, whose RDS-managed
 * secrets carry the `aws:rds:primaryDBInstanceArn` tag). Nothing else: no wildcard service, no
 * other stack's names.
 */
export interface TenantData<T> {
    bucketArn: T;
    databaseSecretArn: T;
}

export interface RuntimeTenantScope<T> {
    partition: T;
    region: string;
    accountId: T;
    /** `<app>-<env>`: the workflow's name prefix. */
    prefix: string;
}

export interface AccessStatement<T> {
    Sid: string;
    Effect: "Allow";
    Action: string[];
    Resource: Array<T | string>;
    Condition?: Record<string, Record<string, T | string>>;
}

/** Joins parts that may be outputs (pulumi.interpolate in components, plain strings in tests). */
export type Join<T> = (...parts: Array<T | string>) => T | string;

export const OBJECT_ACTIONS = ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"];

export function tenantAppAccessStatements<T>(tenants: readonly TenantData<T>[], runtime: RuntimeTenantScope<T> | undefined, join: Join<T>): AccessStatement<T>[] {
    const statements: AccessStatement<T>[] = [];
    if (tenants.length > 0) {
        statements.push(
            { Sid: "ListTenantBuckets", Effect: "Allow", Action: ["s3:ListBucket"], Resource: tenants.map((t) => t.bucketArn) },
            { Sid: "ReadWriteTenantObjects", Effect: "Allow", Action: OBJECT_ACTIONS, Resource: tenants.map((t) => join(t.bucketArn, "/*")) },
            { Sid: "ReadTenantDatabaseSecrets", Effect: "Allow", Action: ["secretsmanager:GetSecretValue"], Resource: tenants.map((t) => t.databaseSecretArn) },
        );
    }
    if (runtime !== undefined) {
        const bucket = join("arn:", runtime.partition, `:s3:::${runtime.prefix}-*-`, runtime.accountId);
        statements.push(
            { Sid: "ListRuntimeTenantBuckets", Effect: "Allow", Action: ["s3:ListBucket"], Resource: [bucket] },
            { Sid: "ReadWriteRuntimeTenantObjects", Effect: "Allow", Action: OBJECT_ACTIONS, Resource: [join(bucket, "/*")] },
            {
                Sid: "ReadRuntimeTenantDatabaseSecrets",
                Effect: "Allow",
                Action: ["secretsmanager:GetSecretValue"],
                Resource: [join("arn:", runtime.partition, `:secretsmanager:${runtime.region}:`, runtime.accountId, ":secret:rds!db-*")],
                Condition: { StringLike: { "secretsmanager:ResourceTag/aws:rds:primaryDBInstanceArn": join("arn:", runtime.partition, `:rds:${runtime.region}:`, runtime.accountId, `:db:${runtime.prefix}-*`) } },
            },
        );
    }
    return statements;
}
