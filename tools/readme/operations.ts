// docs/operations.md, the runbook the seed teams write by hand (seeds 000, 002, 004), generated
// from the stack files' plans where it can be: per stack the commands its outputs give (access,
// deploy, rollback, status, restore, restart), the alarms that page and what to check first, the
// health check, the log groups and the budget. The troubleshooting and incident sections are
// prose, written once here, pointing at those commands. `npm run readme` writes it beside the
// README's parts, and `--check` (CI) fails when it is stale.
import type { ReportResource } from "../check/report/model";
import type { StackPlan } from "./stacks";
import { tableCell } from "../lib/markdown";

type Json = ReportResource["props"][string];

/** What each command output is for, in the order a runbook reads. Every `*Command` output must be here. */
export const COMMANDS: readonly { output: string; task: string; note: string }[] = [
    { output: "ssmSessionCommand", task: "shell on the host", note: "Session Manager: no SSH, no open port 22; needs the AWS CLI's session-manager-plugin." },
    { output: "instancesCommand", task: "list the fleet's instances", note: "then `aws ssm start-session --target <instance id>` for a shell on one (no SSH)." },
    { output: "statusCommand", task: "what runs now", note: "read-only: the release deployed and the one before, the containers and their health." },
    { output: "deployCommand", task: "deploy a release", note: "replace `<ref>` with a branch, tag or commit (or image tag); the health check (and smoke checks, when configured) decide; an unhealthy release is rolled back and the command fails." },
    { output: "rollbackCommand", task: "roll back", note: "to the previous healthy release recorded on the host; no git fetch needed." },
    { output: "restoreCommand", task: "restore the database", note: "`backupKey=latest` restores the newest nightly backup; give a key from `aws s3 ls` of the backups bucket for an older one (docs/data.md)." },
    { output: "restartCommand", task: "restart the api tasks", note: "same task definition; run it after a secret rotates (ECS injects secrets when a task starts). Releases go through `appImageTag` and `pulumi up`." },
];

/** The first thing to look at when an alarm on this metric fires, by namespace/metric. */
const FIRST_CHECK: readonly [RegExp, string][] = [
    [/^AWS\/Route53\/HealthCheckStatus$/, "the app stopped answering its health path: `statusCommand` (phase 1), the target health of the load balancer (phases 2-3), the app's log group; a release just deployed? roll it back"],
    [/^AWS\/ApplicationELB\/(HTTPCode_|RequestCount)/, "the app's log group for the failing requests; a release just deployed? roll it back"],
    [/^AWS\/(ApplicationELB|NetworkELB)\/(UnHealthyHostCount|HealthyHostCount)$/, "`aws elbv2 describe-target-health` for the reason of each target; the tasks' or hosts' logs"],
    [/^AWS\/ECS\/(CPUUtilization|MemoryUtilization)$/, "the service's tasks in the console or `aws ecs describe-services`; raise the task size or the autoscaling maximum if the load is real"],
    [/^ECS\/ContainerInsights\/RunningTaskCount$/, "`aws ecs describe-services` events: tasks failing to start (image missing, secret not readable) or failing their health check"],
    [/^AWS\/EC2\/(CPUUtilization|CPUCreditBalance)$/, "`top` in a shell on the host; a t-class host out of credits runs at its baseline: a bigger type, or unlimited credits on purpose"],
    [/^AWS\/ElastiCache\//, "keys without TTL or a traffic change; the slow log group; a bigger node type if the data set grew"],
    [/^AWS\/Lambda\/Errors$/, "the function's log group (`/aws/lambda/...`)"],
    [/\/host\/(mem_used_percent|disk_used_percent)$|^CWAgent\//, "`df -h` / `free -m` in a shell on the host; old images: `docker image prune`; logs rotate through awslogs, not on disk"],
];

function str(v: Json | undefined): string | undefined {
    return typeof v === "string" && v !== "<unknown>" ? v : undefined;
}
function num(v: Json | undefined): number | undefined {
    return typeof v === "number" ? v : undefined;
}

const COMPARISON: Readonly<Record<string, string>> = {
    GreaterThanThreshold: ">", GreaterThanOrEqualToThreshold: "≥", LessThanThreshold: "<", LessThanOrEqualToThreshold: "≤",
};

/** The metric an alarm watches: `namespace/metric`, or the returned expression of its metric math. */
function watched(props: Record<string, Json>): { key: string; text: string } {
    const ns = str(props.namespace);
    const metric = str(props.metricName);
    if (ns !== undefined && metric !== undefined) return { key: `${ns}/${metric}`, text: `${ns} ${metric}` };
    const queries = Array.isArray(props.metricQueries) ? props.metricQueries as Record<string, Json>[] : [];
    const returned = queries.find((q) => q.returnData === true) ?? queries[queries.length - 1];
    const inner = queries.map((q) => q.metric as Record<string, Json> | undefined).find((m) => m !== undefined && m !== null);
    const label = str(returned?.label) ?? str(returned?.expression) ?? "metric math";
    return { key: inner ? `${str(inner.namespace) ?? ""}/${str(inner.metricName) ?? ""}` : "", text: label };
}

/** Every alarm of the plan: name, what it watches and when it fires, what to check first. */
export function alarmRows(resources: readonly ReportResource[]): string[] {
    return resources
        .filter((r) => r.type === "aws:cloudwatch/metricAlarm:MetricAlarm")
        .map((r) => {
            const p = r.props;
            const w = watched(p);
            const periods = num(p.evaluationPeriods);
            const needed = num(p.datapointsToAlarm) ?? periods;
            const period = num(p.period) ?? num(((p.metricQueries as Record<string, Json>[] | undefined)?.find((q) => q.metric)?.metric as Record<string, Json> | undefined)?.period);
            const when = `${COMPARISON[str(p.comparisonOperator) ?? ""] ?? str(p.comparisonOperator) ?? "?"} ${String(num(p.threshold) ?? "?")}` +
                (periods !== undefined ? ` in ${needed !== periods ? `${needed} of ` : ""}${periods} period${periods === 1 ? "" : "s"}${period !== undefined ? ` of ${period} s` : ""}` : "");
            const first = FIRST_CHECK.find(([re]) => re.test(w.key))?.[1] ?? "the alarm's description, then the logs of what it watches";
            return { name: str(p.name) ?? r.name, row: `| \`${tableCell(str(p.name) ?? r.name)}\` | ${tableCell(w.text)} | ${tableCell(when)} | ${tableCell(first)} |` };
        })
        .sort((a, b) => a.name.localeCompare(b.name))
        .map((a) => a.row);
}

/** The command outputs a stack has, described; an undescribed `*Command` output fails. */
export function commandRows(stack: string, outputs: Record<string, Json>): string[] {
    const undescribed = Object.keys(outputs).filter((k) => /Command$/.test(k) && !COMMANDS.some((c) => c.output === k));
    if (undescribed.length > 0) throw new Error(`the ${stack} stack's outputs ${undescribed.join(", ")} have no entry in tools/readme/operations.ts COMMANDS: describe them for the runbook`);
    return COMMANDS.filter((c) => c.output in outputs)
        .map((c) => `| ${c.task} | \`pulumi stack output ${c.output} --stack ${stack}\` | ${c.note} |`);
}

function stackSection(plan: StackPlan): string[] {
    const outputs = (plan.report.outputs ?? {}) as Record<string, Json>;
    const rs = plan.report.resources;
    const out = [`## ${plan.stack} (phase ${plan.phase})`, ""];
    const commands = commandRows(plan.stack, outputs);
    if (commands.length > 0) {
        out.push("Commands: each prints the AWS CLI command for this stack (its documents, instances, cluster); fill in any `<placeholder>`, then run what it printed.", "", "| task | prints the command | |", "|---|---|---|", ...commands, "");
    }
    if ("nextStep" in outputs) out.push("After the first `pulumi up`: `pulumi stack output nextStep` says which images to push before the services start (docs/releases.md).", "");
    const health = rs.filter((r) => r.type === "aws:route53/healthCheck:HealthCheck").map((r) => {
        const p = r.props;
        const target = str(p.fqdn) ?? (p.ipAddress !== undefined ? "the host's Elastic IP" : "its target");
        return `${str(p.type) ?? "HTTP"} to ${target}, path \`${str(p.resourcePath) ?? "/"}\`, every ${String(num(p.requestInterval) ?? 30)} s (unhealthy after ${String(num(p.failureThreshold) ?? 3)} failures)`;
    });
    if (health.length > 0) out.push(`Health check (Route53, from outside AWS): ${health.join("; ")}.`, "");
    const alarms = alarmRows(rs);
    if (alarms.length > 0) {
        out.push(`Alarms (${alarms.length}; they notify the alert topic, \`pulumi stack output alertTopicArn\`, whose e-mail subscription must be confirmed once):`, "",
            "| alarm | watches | fires when | check first |", "|---|---|---|---|", ...alarms, "");
    }
    const logs = rs.filter((r) => r.type === "aws:cloudwatch/logGroup:LogGroup" && str(r.props.name) !== undefined)
        .map((r) => `\`${str(r.props.name)!}\` (${num(r.props.retentionInDays) !== undefined ? `${String(num(r.props.retentionInDays))} days` : "kept forever"})`)
        .sort();
    if (logs.length > 0) out.push(`Log groups: ${logs.join(", ")}. Follow one with \`aws logs tail <group> --follow --since 15m\`.`, "");
    const budget = str(outputs.budgetName);
    if (budget !== undefined) out.push(`Budget: \`${budget}\`${plan.budgetUsd !== undefined ? `, USD ${String(plan.budgetUsd)} a month` : ""}, e-mailed at 80 % actual and 100 % forecast. Budgets alert; they do not stop spending.`, "");
    return out;
}

/** The whole of docs/operations.md for the planned stacks. */
export function renderOperations(plans: readonly StackPlan[]): string {
    const out = [
        "# Operations",
        "",
        "<!-- Generated by tools/readme/operations.ts from the stack files (npm run readme); CI checks it. Edit the generator, not this file. -->",
        "",
        "The runbook of each stack: how to reach it, deploy, roll back, restore and what pages you. The",
        "commands come from the stack's outputs, so they name the stack's own documents, instances and",
        "clusters; the alarms, health checks and log groups are read from each stack file's plan. Needs",
        "the AWS CLI v2 (and its session-manager-plugin for shells), credentials for the stack's account,",
        "and `pulumi` logged in to the stack's backend (README, \"Running it\").",
        "",
        `Stacks: ${plans.map((p) => `[${p.stack}](#${p.stack}-phase-${p.phase})`).join(", ")}; then [troubleshooting](#troubleshooting) and [incidents](#incidents).`,
        "",
    ];
    for (const plan of plans) out.push(...stackSection(plan));
    out.push(
        "## Troubleshooting",
        "",
        "The failures seeds 000 and 002 list, and where to look in these stacks.",
        "",
        "| symptom | likely cause | what to do |",
        "|---|---|---|",
        "| the app answers on the host but not from outside (phase 1) | the security group or the host firewall does not admit the port | `npm run check -- --stack <stack>` proves the stack's flows (intents); the host firewall mirrors the security group, so change `appPortCidrs`/the rules in config, never by hand |",
        "| `connection refused` from the proxy or the load balancer | the app listens on 127.0.0.1 or on another port | the app must listen on `0.0.0.0:$PORT` (`appPort`); `statusCommand` shows the containers |",
        "| the address changed after a stop/start | no fixed address | phase 1 has an Elastic IP (`publicIp`); phases 2-4 are reached by DNS name |",
        "| the health check fails right after a deploy | the release is unhealthy | the deploy rolled back already (its command failed); read the app's log group for the cause |",
        "| `403` on the mTLS API's `/health` | the gateway requires a certificate there | the generated nginx keeps `/health` public; a 403 there means a changed gateway image or configuration |",
        "| `502 Bad Gateway` from the mTLS gateway | the gateway cannot reach the API | the API's tasks (`aws ecs describe-services`), its Cloud Map name, its log group |",
        "| `504 Gateway Timeout` | the API answers too slowly | the API's log group; raise the gateway's proxy timeouts only for a known slow call |",
        "| TLS handshake fails (`bad certificate`) | the client certificate is expired, or from another CA | `openssl x509 -noout -dates -issuer -in client.crt`; reissue from the stack's CA (`mtls.clientSecretArns`) |",
        "| services stay at 0 tasks (phase 3) | `imageReady` is false, or the image is not in ECR | `pulumi stack output nextStep` |",
        "",
        "## Incidents",
        "",
        "Seed 004's minimal playbook, with this repository's commands.",
        "",
        "1. **API down (5xx, timeouts).** Which alarm fired (the tables above say what it watches)? Run",
        "   `statusCommand` (phases 1-2) or `aws ecs describe-services` (phases 3-4). If a release went out",
        "   just before, roll back: `rollbackCommand` (phases 1-2), or set `appImageTag` to the previous",
        "   tag and `pulumi up` (phases 3-4; the circuit breaker already rolls back a release that never",
        "   becomes healthy).",
        "2. **Certificate expiring or HTTPS failing.** Phase 1 with `tls`: Caddy renews its Let's Encrypt",
        "   certificate by itself; the proxy's logs in the containers' log group say why it cannot (port 80",
        "   closed, DNS not pointing at the Elastic IP). Phases 2-4: ACM renews DNS-validated certificates as",
        "   long as the validation records stay in the hosted zone. mTLS client certificates are the stack's",
        "   own: reissue with `pulumi up` after changing `mtlsClients`.",
        "3. **A restore is needed.** The drill (seed 004, docs/data.md) keeps the tool known to work:",
        "   restore `latest` on the dev stack monthly with its `restoreCommand` and check the app. For a",
        "   real restore, agree a window with the users, pick the `backupKey` (`aws s3 ls` of the backups",
        "   bucket under `<app>/<env>/`) and run the stack's `restoreCommand` with it; it stops the app,",
        "   restores and starts it again. Note what was lost (the time since that backup: the RPO) and how",
        "   long it took (the RTO) in the incident report.",
        "4. **Costs jump.** The budget's and the cost anomaly monitor's e-mails name the service; the",
        "   offline check prints the planned monthly cost per component (`npm run check -- --stack <stack>`)",
        "   to compare with the bill.",
        "",
    );
    return out.join("\n");
}
