/**
 * Task definitions as data (pure): the container definition JSON ECS receives, the task-level
 * settings of a Fargate task, and the names the rest of the platform uses for them. The
 * FargateService component resolves its inputs (image URI, secret ARNs, endpoints) and hands
 * them to these functions; tests call them directly.
 */
import { ENV_NAME, looksSecret } from "../../lib/environmentVariables";
import { StagecraftError } from "../../lib/errors";
import { type CpuArchitecture } from "../../lib/fargate";

/** A value ECS injects as an environment variable at start, read by the execution role. */
export interface ContainerSecret {
    /** Environment variable name in the container, e.g. `REDIS_AUTH_TOKEN`. */
    name: string;
    /** Full ARN of a Secrets Manager secret (optionally `:json-key::`) or of an SSM parameter. */
    valueFrom: string;
}

/** One container of a service, with every input resolved to a string. */
export interface ContainerSpec {
    /** Container name: the service's name (the load balancer forwards to it by this name). */
    name: string;
    /** Full image URI with its tag, e.g. `123456789012.dkr.ecr.us-east-1.amazonaws.com/chat-prod/api:v1.4.2`. */
    image: string;
    /** Port the container listens on (load-balanced services); undefined for workers. */
    port?: number;
    /** Non-secret environment (names must not look secret). */
    environment: Record<string, string>;
    /** Secrets injected from Secrets Manager / SSM Parameter Store. */
    secrets: ContainerSecret[];
    /** awslogs destination. */
    logGroupName: string;
    region: string;
    /** Mount the root filesystem read-only; /tmp becomes a writable task-storage volume. */
    readonlyRootFilesystem: boolean;
    /** Shell command of the container health check (exit 0 = healthy); undefined for none. */
    healthCheckCommand?: string;
    /** Seconds between SIGTERM and SIGKILL on stop (Fargate allows up to 120). @default 30 */
    stopTimeoutSeconds?: number;
    /** Overrides the image's CMD (e.g. a shell line that writes config from the environment first). @default the image's */
    command?: string[];
}

/** The writable scratch volume a read-only container gets at /tmp (Fargate task storage). */
export const TMP_VOLUME = "tmp";

/** Open-file limit for a server holding many WebSocket connections (Fargate's default soft limit is 1024). */
export const NOFILE_LIMIT = 65536;

/**
 * The container definitions JSON (as objects) of a one-container Fargate task:
 * - the image at its immutable tag, essential, never privileged, init process on (signals and
 *   zombie reaping), nofile 65536;
 * - the port mapping of a load-balanced service;
 * - environment only for non-secret values (sorted), `secrets` with valueFrom ARNs (sorted);
 * - awslogs to the service's log group in non-blocking mode (a slow CloudWatch never stalls the
 *   app; a full 25 MB buffer drops lines instead);
 * - a read-only root filesystem with a writable /tmp volume, unless turned off;
 * - the optional health check and a 30 s stop timeout.
 * Throws when a variable is named twice, has an invalid name, or a secret-looking name sits in
 * the plain environment.
 */
export function containerDefinitions(spec: ContainerSpec): Record<string, unknown>[] {
    const envNames = Object.keys(spec.environment).sort();
    const secretNames = spec.secrets.map((s) => s.name);
    for (const name of [...envNames, ...secretNames]) {
        if (!ENV_NAME.test(name)) {
            throw new StagecraftError(`container ${spec.name}: environment variable name "${name}" is not valid (letters, digits and _, not starting with a digit)`);
        }
    }
    for (const name of envNames) {
        if (looksSecret(name)) {
            throw new StagecraftError(`container ${spec.name}: "${name}" looks like a secret; pass it through secrets (Secrets Manager or SSM Parameter Store), never as a plain environment value`);
        }
    }
    const twice = [...envNames, ...secretNames].filter((n, i, all) => all.indexOf(n) !== i);
    if (twice.length > 0) {
        throw new StagecraftError(`container ${spec.name}: ${[...new Set(twice)].join(", ")} defined more than once (environment and secrets share one namespace)`);
    }

    const container: Record<string, unknown> = {
        name: spec.name,
        image: spec.image,
        essential: true,
        privileged: false,
        readonlyRootFilesystem: spec.readonlyRootFilesystem,
        portMappings: spec.port !== undefined
            ? [{ containerPort: spec.port, hostPort: spec.port, protocol: "tcp", name: "http", appProtocol: "http" }]
            : [],
        environment: envNames.map((name) => ({ name, value: spec.environment[name] })),
        secrets: [...spec.secrets].sort((a, b) => a.name.localeCompare(b.name)).map((s) => ({ name: s.name, valueFrom: s.valueFrom })),
        logConfiguration: {
            logDriver: "awslogs",
            options: {
                "awslogs-group": spec.logGroupName,
                "awslogs-region": spec.region,
                "awslogs-stream-prefix": "ecs",
                mode: "non-blocking",
                "max-buffer-size": "25m",
            },
        },
        mountPoints: spec.readonlyRootFilesystem ? [{ sourceVolume: TMP_VOLUME, containerPath: "/tmp", readOnly: false }] : [],
        linuxParameters: { initProcessEnabled: true },
        ulimits: [{ name: "nofile", softLimit: NOFILE_LIMIT, hardLimit: NOFILE_LIMIT }],
        stopTimeout: spec.stopTimeoutSeconds ?? 30,
    };
    if (spec.command !== undefined) container.command = [...spec.command];
    if (spec.healthCheckCommand !== undefined && spec.healthCheckCommand.trim() !== "") {
        container.healthCheck = {
            command: ["CMD-SHELL", spec.healthCheckCommand],
            interval: 30,
            timeout: 5,
            retries: 3,
            startPeriod: 60,
        };
    }
    return [container];
}

/** Task-level settings of a Fargate task (seed 001: 1024 CPU units, 2048 MiB). */
export function fargateTaskSettings(cpu: number, memory: number, architecture: CpuArchitecture, readonlyRootFilesystem: boolean) {
    return {
        cpu: String(cpu),
        memory: String(memory),
        networkMode: "awsvpc",
        requiresCompatibilities: ["FARGATE"],
        runtimePlatform: { operatingSystemFamily: "LINUX", cpuArchitecture: architecture },
        volumes: readonlyRootFilesystem ? [{ name: TMP_VOLUME }] : [],
    };
}

/** `<repository URL>:<tag>`. */
export function imageUri(repositoryUrl: string, tag: string): string {
    return `${repositoryUrl}:${tag}`;
}

/** Log group of a service's containers (seed 001: `/ecs/chat-backend`). */
export function ecsLogGroupName(appName: string, environment: string, service: string): string {
    return `/ecs/${appName}-${environment}/${service}`;
}

/** ECR repository name of a service: `<app>-<env>/<service>`. */
export function repositoryName(appName: string, environment: string, service: string): string {
    return `${appName}-${environment}/${service}`;
}
