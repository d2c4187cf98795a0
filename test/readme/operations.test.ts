// docs/operations.md, the runbook generated from the stacks' plans (tools/readme/operations.ts):
// the alarm table says what each alarm watches and when it fires as CloudWatch would (threshold,
// "M of N" datapoints, metric math by its label), every command output is described or the
// generation fails, and the file in the repository is the generated one.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import { alarmRows, commandRows, COMMANDS, renderOperations } from "../../tools/readme/operations";
import { OPERATIONS, type StackPlan } from "../../tools/readme/stacks";
import type { ReportResource } from "../../tools/check/report/model";

function resource(type: string, name: string, props: Record<string, unknown>): ReportResource {
    return {
        urn: `urn:${name}`, type, name, parent: null, props: props as ReportResource["props"], dependencies: [], protect: false, propertyDependencies: {}, provider: null, custom: true, remote: false,
        options: { ignoreChanges: [], retainOnDelete: false, additionalSecretOutputs: [], replaceOnChanges: [], aliases: [] },
    };
}
const ALARM = "aws:cloudwatch/metricAlarm:MetricAlarm";

function plan(outputs: Record<string, unknown>): StackPlan {
    return {
        stack: "dev", phase: "1", budgetUsd: 10,
        report: {
            summary: { resources: 3, mandatory: 0, advisory: 0, remediate: 0, previewNotes: 0, remoteComponents: 0, uninspected: 0, defaultProviders: 1, policyPacks: 0 },
            cost: { currency: "USD", region: "us-east-1", regionFactor: 1, regionPriced: true, pricesRead: "2026-12-04", monthlyUsd: 0, groups: [], lines: [] },
            resources: [
                resource(ALARM, "cpu", { name: "app-cpu", namespace: "AWS/EC2", metricName: "CPUUtilization", threshold: 80, comparisonOperator: "GreaterThanThreshold", evaluationPeriods: 3, period: 300 }),
                resource("aws:route53/healthCheck:HealthCheck", "health", { type: "HTTPS", fqdn: "app.example.com", resourcePath: "/healthz", requestInterval: 30, failureThreshold: 3 }),
                resource("aws:cloudwatch/logGroup:LogGroup", "logs", { name: "/app/dev/containers", retentionInDays: 14 }),
            ],
            outputs: outputs as Record<string, never>,
        },
    };
}

describe("docs/operations.md: the runbook generated from the plans", () => {
    it("says what an alarm watches and when it fires, as CloudWatch evaluates it", () => {
        const rows = alarmRows([
            resource(ALARM, "a", { name: "cpu", namespace: "AWS/EC2", metricName: "CPUUtilization", threshold: 80, comparisonOperator: "GreaterThanThreshold", evaluationPeriods: 3, period: 300 }),
            resource(ALARM, "b", {
                name: "5xx", threshold: 5, comparisonOperator: "GreaterThanThreshold", evaluationPeriods: 5, datapointsToAlarm: 3,
                metricQueries: [
                    { id: "requests", metric: { namespace: "AWS/ApplicationELB", metricName: "RequestCount", period: 60 }, returnData: false },
                    { id: "rate", expression: "100 * e / requests", label: "5xx share | %", returnData: true },
                ],
            }),
        ]);
        assert.match(rows[0], /^\| `5xx` \| 5xx share \\\| % \| > 5 in 3 of 5 periods of 60 s \| .*log group/);
        assert.match(rows[1], /^\| `cpu` \| AWS\/EC2 CPUUtilization \| > 80 in 3 periods of 300 s \| `top` in a shell on the host/);
    });

    it("lists a stack's command outputs in runbook order, and fails on one it cannot describe", () => {
        const rows = commandRows("dev", { rollbackCommand: "x", deployCommand: "x", url: "x" });
        assert.equal(rows.length, 2);
        assert.match(rows[0], /^\| deploy a release \| `pulumi stack output deployCommand --stack dev` \|/);
        assert.match(rows[1], /^\| roll back \|/);
        assert.throws(() => commandRows("dev", { purgeCommand: "x" }), /the dev stack's outputs purgeCommand have no entry in tools\/readme\/operations\.ts COMMANDS/);
        assert.ok(COMMANDS.every((c) => /Command$/.test(c.output)));
    });

    it("writes each stack's commands, health check, alarms, log groups and budget, then the troubleshooting and incident sections", () => {
        const text = renderOperations([plan({ deployCommand: "x", budgetName: "app-dev-monthly" })]);
        assert.match(text, /^## dev \(phase 1\)$/m);
        assert.match(text, /Health check \(Route53, from outside AWS\): HTTPS to app\.example\.com, path `\/healthz`, every 30 s \(unhealthy after 3 failures\)\./);
        assert.match(text, /^\| `app-cpu` \| AWS\/EC2 CPUUtilization \|/m);
        assert.match(text, /Log groups: `\/app\/dev\/containers` \(14 days\)/);
        assert.match(text, /Budget: `app-dev-monthly`, USD 10 a month/);
        assert.match(text, /^## Troubleshooting$/m);
        assert.match(text, /^## Incidents$/m);
    });

    it("is in the repository as generated (npm run readme writes it, CI checks it)", () => {
        const text = fs.readFileSync(OPERATIONS, "utf8");
        assert.match(text, /^# Operations\n\n<!-- Generated by tools\/readme\/operations\.ts/);
        for (const stack of ["dev", "staging", "prod", "enterprise"]) assert.match(text, new RegExp(`^## ${stack} \\(phase \\d\\)$`, "m"));
    });
});
