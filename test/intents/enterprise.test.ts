// Phase 4's intents on plans of the real program: the api service reaches every tenant database
// and the workflow's, and its task role reads and writes each tenant's data. Before the fix the
// tenant databases admitted 5432 from the api group, which had no egress on 5432, and the task
// role had no grant on tenant buckets or secrets: 10 intents failed on the enterprise stack.
import * as assert from "node:assert/strict";
import { tenantAppAccessStatements } from "../../components/blocks/tenants/appAccess";
import { intentsOf, resultOf } from "./stack";

describe("enterprise intents", function () {
    this.timeout(180_000);

    it("the enterprise stack proves every intent: tenant databases reachable, tenant data granted, SCPs deny", async () => {
        const results = await intentsOf("enterprise", {});
        assert.deepEqual(results.filter((r) => r.status !== "proved").map((r) => `${r.id}: ${r.explanation}`), []);
        for (const tenant of ["acme", "globex", "initech"]) {
            assert.match(resultOf(results, `app-to-tenant-${tenant}-db`).explanation, /egress .*app-to-db.*ingress/);
            assert.equal(resultOf(results, `app-reads-tenant-${tenant}-db-secret`).verdict, "allowed");
            assert.equal(resultOf(results, `no-internet-to-tenant-${tenant}-db`).verdict, "denied");
        }
        assert.equal(resultOf(results, "app-to-runtime-tenant-dbs").status, "proved");
        assert.ok(results.some((r) => r.id.startsWith("scp-") && r.status === "proved"));
    });

    it("a tenant added to the catalog is proved too (its intents follow the config)", async () => {
        const results = await intentsOf("enterprise", { tenants: ["acme:enterprise", "hooli:starter"], tenantProvisioning: false });
        assert.equal(resultOf(results, "app-to-tenant-hooli-db").status, "proved");
        assert.equal(resultOf(results, "app-writes-tenant-hooli-uploads").status, "proved");
        assert.equal(results.some((r) => r.id === "app-to-runtime-tenant-dbs"), false);
    });
});

describe("tenant data grants (pure)", () => {
    const join = (...parts: string[]) => parts.join("");
    it("configured tenants: list, object read/write and the database secret, on their own ARNs only", () => {
        const statements = tenantAppAccessStatements([{ bucketArn: "arn:aws:s3:::b1", databaseSecretArn: "arn:aws:secretsmanager:us-east-1:1:secret:rds!db-1" }], undefined, join);
        assert.deepEqual(statements.map((s) => [s.Sid, s.Resource]), [
            ["ListTenantBuckets", ["arn:aws:s3:::b1"]],
            ["ReadWriteTenantObjects", ["arn:aws:s3:::b1/*"]],
            ["ReadTenantDatabaseSecrets", ["arn:aws:secretsmanager:us-east-1:1:secret:rds!db-1"]],
        ]);
        assert.ok(statements.every((s) => s.Action.every((a) => !a.includes("*"))));
    });
    it("tenants created later: the workflow's names and the RDS-managed secret's tag scope the grant", () => {
        const statements = tenantAppAccessStatements<string>([], { partition: "aws", region: "us-east-1", accountId: "123456789012", prefix: "chat-enterprise" }, join);
        assert.deepEqual(statements.map((s) => s.Resource[0]), [
            "arn:aws:s3:::chat-enterprise-*-123456789012",
            "arn:aws:s3:::chat-enterprise-*-123456789012/*",
            "arn:aws:secretsmanager:us-east-1:123456789012:secret:rds!db-*",
        ]);
        assert.deepEqual(statements[2].Condition, { StringLike: { "secretsmanager:ResourceTag/aws:rds:primaryDBInstanceArn": "arn:aws:rds:us-east-1:123456789012:db:chat-enterprise-*" } });
    });
});
