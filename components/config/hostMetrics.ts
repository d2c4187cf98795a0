/**
 * Host metrics and alarms of the phase-1 single host (issue 13): the CloudWatch agent (memory,
 * disk) and the alarm thresholds. Parsed from flat `stagecraft:` keys with the ConfigReader
 * (defaults are the ones Pulumi.yaml declares), so every problem is reported with the others.
 * The CPU threshold is `alarmCpuPercent`, shared with the web tier (config/web.ts).
 */
import { type ConfigReader } from "./reader";

export interface HostMetricsSettings {
    /** Run the CloudWatch agent (memory and disk metrics) and alarm on them. */
    agent: boolean;
    /** Memory in use (percent) above which the memory alarm fires. */
    memoryPercent: number;
    /** Disk space used (percent) of / or the data volume above which its alarm fires. */
    diskPercent: number;
    /** Burstable types: CPU credits under which a balance that stops growing alarms; 0: no credit alarm. */
    cpuCreditBalance: number;
}

export const HOST_METRICS_DEFAULTS: HostMetricsSettings = { agent: true, memoryPercent: 85, diskPercent: 85, cpuCreditBalance: 20 };

export function parseHostMetricsSettings(read: ConfigReader): HostMetricsSettings {
    const d = HOST_METRICS_DEFAULTS;
    return {
        agent: read.boolean("hostMetrics", d.agent),
        memoryPercent: read.integer("alarmMemoryPercent", d.memoryPercent, 1, 99),
        diskPercent: read.integer("alarmDiskPercent", d.diskPercent, 1, 99),
        // The largest balance any burstable type accrues is 4,608 credits (t3.2xlarge, t4g.2xlarge).
        cpuCreditBalance: read.integer("alarmCpuCreditBalance", d.cpuCreditBalance, 0, 4608),
    };
}
