/**
 * What a host's CloudWatch agent publishes and which alarms watch it (pure, issue 13). One module
 * for both so that the agent's config and the alarms' metrics come from the same names: an alarm
 * on a metric the agent never emits (a wrong dimension is enough) stays INSUFFICIENT_DATA forever
 * and never fires. test/components/hostMetrics.test.ts reads the config the way the agent does
 * and proves every alarm watches a metric it emits.
 *
 * Metrics (namespace `<app>/<env>/host`, one datapoint a minute):
 * - `mem_used_percent` with the dimension InstanceId;
 * - `disk_used_percent` with InstanceId and path, for / and for each further mount (the data
 *   volume). The agent tags disk metrics with fstype too: it publishes them rolled up to
 *   (InstanceId, path) only and drops the original, so an alarm can name every dimension.
 * CPU needs no agent: AWS/EC2 CPUUtilization and, on burstable types, CPUCreditBalance.
 */
import { type AlarmSpec } from "./webAlarmRules";

/** Where the agent's config lives on the host (the package's own default path). */
export const AGENT_CONFIG_PATH = "/opt/aws/amazon-cloudwatch-agent/etc/amazon-cloudwatch-agent.json";
export const MEMORY_METRIC = "mem_used_percent";
export const DISK_METRIC = "disk_used_percent";
/** The dimension names an agent metric carries: InstanceId, plus path for disks. */
export const INSTANCE_DIMENSION = "InstanceId";
export const PATH_DIMENSION = "path";
/** Seconds between two datapoints of the agent. */
export const AGENT_INTERVAL_SECONDS = 60;

/** A CloudWatch namespace of this stack's host metrics: `<app>/<env>/host`. */
export function hostMetricsNamespace(appName: string, environment: string): string {
    const namespace = `${appName}/${environment}/host`;
    // CloudWatch namespaces: 1-255 of letters, digits and . - _ / # : and space; never AWS/.
    if (!/^[A-Za-z0-9._/#:-]{1,255}$/.test(namespace) || namespace.startsWith("AWS/")) {
        throw new Error(`not a custom CloudWatch namespace: ${JSON.stringify(namespace)}`);
    }
    return namespace;
}

/** An absolute mount point of plain segments (what the agent's `resources` list may hold). */
const MOUNT_POINT = /^\/([A-Za-z0-9_][A-Za-z0-9._-]{0,127}(\/[A-Za-z0-9_][A-Za-z0-9._-]{0,127}){0,15})?$/;

export interface AgentConfigInput {
    /** hostMetricsNamespace(app, env). */
    namespace: string;
    /** Mount points whose used space is published: / first, then the data volume's. */
    diskPaths: readonly string[];
}

/**
 * The agent's JSON config (serialise with JSON.stringify: minified, it goes into user data).
 * The agent runs as its own cwagent user, omits the host name and reports nothing else (no logs,
 * no CPU: AWS/EC2 has it for free).
 */
export function agentConfig(input: AgentConfigInput): object {
    for (const path of input.diskPaths) {
        if (!MOUNT_POINT.test(path)) throw new Error(`not a mount point the agent can watch: ${JSON.stringify(path)}`);
    }
    if (input.diskPaths.length === 0 || new Set(input.diskPaths).size !== input.diskPaths.length) {
        throw new Error(`disk paths must be distinct and not empty: ${JSON.stringify(input.diskPaths)}`);
    }
    return {
        agent: { metrics_collection_interval: AGENT_INTERVAL_SECONDS, omit_hostname: true, run_as_user: "cwagent" },
        metrics: {
            namespace: input.namespace,
            // Resolved by the agent from the instance metadata (IMDSv2), not by a shell.
            append_dimensions: { [INSTANCE_DIMENSION]: "${aws:InstanceId}" },
            aggregation_dimensions: [[INSTANCE_DIMENSION, PATH_DIMENSION]],
            metrics_collected: {
                mem: { measurement: [MEMORY_METRIC] },
                disk: { measurement: [DISK_METRIC], resources: [...input.diskPaths], drop_device: true, drop_original_metrics: [DISK_METRIC] },
            },
        },
    };
}

/** The config as the host gets it: minified JSON. */
export function agentConfigText(input: AgentConfigInput): string {
    return JSON.stringify(agentConfig(input));
}

/** How many custom metrics the agent publishes (each $0.30/month beyond the 10 free per account). */
export function agentMetricCount(input: AgentConfigInput): number {
    return 1 + input.diskPaths.length;
}

export interface HostAlarmInput<A> {
    /** The instance id: the InstanceId dimension of every alarm. */
    instanceId: A;
    /** Percent thresholds: alarm above them. */
    cpuPercent: number;
    /** Burstable type in standard credit mode: watch its CPU credit balance. */
    burstable: boolean;
    /** Credits under which a flat or falling balance alarms; 0 turns the credit alarm off. */
    cpuCreditBalance: number;
    /** The agent's config, or undefined without the agent (CPU alarms only). */
    agent?: AgentConfigInput & { memoryPercent: number; diskPercent: number };
}

/** `data-volume` for /var/lib/x-data: the last segment, or `root` for /. */
export function diskKey(path: string): string {
    if (path === "/") return "disk-root";
    const last = path.split("/").filter((s) => s !== "").pop() ?? "";
    return `disk-${last.replace(/[^A-Za-z0-9-]/g, "-").toLowerCase()}`;
}

/** The host's alarms: CPU (and credits on burstable types); memory and disk with the agent. */
export function hostAlarmSpecs<A>(input: HostAlarmInput<A>): AlarmSpec<A | string>[] {
    const instance: Record<string, A | string> = { [INSTANCE_DIMENSION]: input.instanceId };
    const specs: AlarmSpec<A | string>[] = [{
        key: "cpu",
        description: `Average CPU of the host above ${input.cpuPercent}% for 15 minutes`,
        comparisonOperator: "GreaterThanThreshold",
        threshold: input.cpuPercent,
        evaluationPeriods: 3,
        datapointsToAlarm: 3,
        treatMissingData: "missing",
        // 300 s works with basic (5-minute) and detailed (1-minute) monitoring alike.
        metric: { namespace: "AWS/EC2", metricName: "CPUUtilization", dimensions: instance, statistic: "Average", period: 300 },
    }];
    if (input.burstable && input.cpuCreditBalance > 0) {
        // A new T3/T4g host starts with no credits and earns them while idle: a plain "balance
        // below N" alarm would fire after every launch. Alarm only while the balance is low and
        // not growing (spent as fast as earned, or exhausted and throttled to the baseline).
        specs.push({
            key: "cpu-credits",
            description: `CPU credit balance under ${input.cpuCreditBalance} and not growing for 15 minutes: the host is (about to be) throttled to its baseline`,
            comparisonOperator: "GreaterThanThreshold",
            threshold: 0,
            evaluationPeriods: 3,
            datapointsToAlarm: 3,
            treatMissingData: "missing",
            metricQueries: [
                { id: "credits", returnData: false, metric: { namespace: "AWS/EC2", metricName: "CPUCreditBalance", dimensions: instance, stat: "Minimum", period: 300 } },
                { id: "low", label: "credit balance low and not growing", expression: `IF(credits < ${input.cpuCreditBalance} AND DIFF(credits) <= 0, 1, 0)`, returnData: true },
            ],
        });
    }
    const agent = input.agent;
    if (agent === undefined) return specs;
    specs.push({
        key: "memory",
        description: `Memory in use above ${agent.memoryPercent}% for 5 minutes (CloudWatch agent)`,
        comparisonOperator: "GreaterThanThreshold",
        threshold: agent.memoryPercent,
        evaluationPeriods: 5,
        datapointsToAlarm: 5,
        treatMissingData: "missing",
        metric: { namespace: agent.namespace, metricName: MEMORY_METRIC, dimensions: instance, statistic: "Average", period: AGENT_INTERVAL_SECONDS },
    });
    for (const path of agent.diskPaths) {
        specs.push({
            key: diskKey(path),
            description: `Disk space used on ${path} above ${agent.diskPercent}% (CloudWatch agent)`,
            comparisonOperator: "GreaterThanThreshold",
            threshold: agent.diskPercent,
            evaluationPeriods: 2,
            datapointsToAlarm: 2,
            treatMissingData: "missing",
            metric: {
                namespace: agent.namespace,
                metricName: DISK_METRIC,
                dimensions: { ...instance, [PATH_DIMENSION]: path },
                statistic: "Maximum",
                period: 300,
            },
        });
    }
    return specs;
}
