/** The single host's first-boot script from its settings (pure): what SingleHost hands EC2. */
import { appHostFiles, type HostFiles } from "../../blocks/compute/userData";
import { DATA_MOUNT } from "../../blocks/compute/dataVolume";
import { type AgentConfigInput, agentConfigText, hostMetricsNamespace } from "../../blocks/observability/hostMetrics";
import { type Settings } from "../../config/settings";
import { singleHostIngress } from "./traffic";

export type SingleHostBootSettings = Pick<Settings, "region" | "environment" | "app" | "network" | "host" | "dns" | "data" | "serving">;

/** What only exists once resources are created: the data volume, the backups and static buckets, the alert topic. */
export interface SingleHostRuntime {
    dataVolumeId: string;
    backupsBucket: string;
    /** The bucket the SPA is synced from (`spa`). */
    staticBucket: string;
    alertTopicArn?: string;
}

/** Stand-ins of the right shape and length, for size checks and tests (generatedTexts.ts). */
export function sampleRuntime(s: Pick<Settings, "app" | "environment" | "region">): SingleHostRuntime {
    return {
        dataVolumeId: "vol-0123456789abcdef0",
        backupsBucket: `${s.app.name}-${s.environment}-backups-20261204000000000000000001`,
        staticBucket: `${s.app.name}-${s.environment}-static-20261204000000000000000002`,
        alertTopicArn: `arn:aws:sns:${s.region}:123456789012:${s.app.name}-${s.environment}-alerts-0123456`,
    };
}

/** The host holds data to keep: a database, or paths to back up. */
export function hostHoldsData(s: Pick<Settings, "data">): boolean {
    return s.data.database.enabled || s.data.backupPaths.length > 0;
}

/** The first boot needs values only known once resources exist (else sampleRuntime's stand-ins go unused). */
export function needsRuntime(s: Pick<Settings, "data" | "serving">): boolean {
    return hostHoldsData(s) || s.serving.spa;
}

/**
 * What the host's CloudWatch agent publishes, or undefined when `hostMetrics` is off: memory, and
 * the used space of / and of the database's data volume when it is on.
 */
export function singleHostAgent(s: Pick<Settings, "app" | "environment" | "host" | "data">): AgentConfigInput | undefined {
    if (!s.host.metrics.agent) return undefined;
    return {
        namespace: hostMetricsNamespace(s.app.name, s.environment),
        diskPaths: s.data.database.enabled ? ["/", DATA_MOUNT] : ["/"],
    };
}

/** First-boot files of the phase-1 host: its firewall mirrors the security group (singleHostIngress). */
export function singleHostFiles(s: SingleHostBootSettings, runtime: SingleHostRuntime = sampleRuntime(s)): HostFiles {
    const database = s.data.database.enabled ? { name: s.data.database.name, user: s.data.database.user } : undefined;
    const agent = singleHostAgent(s);
    return appHostFiles({
        app: s.app,
        environment: s.environment,
        region: s.region,
        family: s.host.amiFamily,
        ingress: singleHostIngress({ appPort: s.app.port, appPortCidrs: s.host.appPortCidrs, sshCidrs: s.host.sshCidrs, ipv6: s.network.ipv6 }),
        exposure: { publishAppPort: s.host.appPortCidrs.length > 0, tlsDomain: s.dns.tls ? s.dns.domain : undefined, spa: s.serving.spa },
        serving: { appPrefixes: s.serving.appPrefixes, staticBucket: runtime.staticBucket },
        ...(agent !== undefined ? { metricsAgentConfig: agentConfigText(agent) } : {}),
        ...(hostHoldsData(s) ? {
            data: {
                database,
                host: {
                    volumeId: database !== undefined ? runtime.dataVolumeId : undefined,
                    backup: {
                        appName: s.app.name,
                        environment: s.environment,
                        region: s.region,
                        bucket: runtime.backupsBucket,
                        database,
                        paths: s.data.backupPaths,
                        alertTopicArn: runtime.alertTopicArn,
                    },
                },
            },
        } : {}),
    });
}
