/**
 * Every text the program generates from config for a machine to parse (pure): first-boot
 * scripts, the deploy tool, the Compose file, the single host's Caddyfile, SSM documents, container
 * definitions and the mTLS gateway's nginx configuration, each with its language and the size AWS accepts. buildStack
 * checks the limits before any resource is registered (a too-large user data otherwise fails at
 * `pulumi up`, after other resources exist); the hostile-input tests parse every text with the
 * real tool for its language.
 */
import { type HostFiles, USER_DATA_LIMIT_BYTES } from "../blocks/compute/userData";
import { type Settings } from "../config/settings";
import { containerDefinitions, imageUri, ecsLogGroupName, repositoryName } from "../blocks/containers/taskDefinition";
import { deployDocument, rollbackDocument, statusDocument } from "../blocks/deploy/documents";
import { restoreDocument } from "../blocks/deploy/restore";
import { gatewayNginxConfig } from "./mtls/nginxConfig";
import { natUserData } from "../blocks/network/nat";
import { singleHostFiles } from "./phase1/firstBoot";
import { fleetFiles } from "./phase2/firstBoot";
import { platformEnvironment, REDIS_TOKEN_VARIABLE, SESSION_SECRET_VARIABLE } from "./phase3/environment";
import { type ConfigProblem } from "../lib/errors";

export type TextLanguage = "shell" | "yaml" | "dotenv" | "nginx" | "json" | "caddyfile";

export interface GeneratedText {
    /** What it is and where it goes, e.g. "user data of the single host". */
    what: string;
    language: TextLanguage;
    text: string;
    /** The largest size AWS accepts for it, in bytes. */
    limitBytes?: number;
    /** The settings whose values make it longer (named when it is too large). */
    keys: string[];
}

/** SSM documents may hold 64 KB of content. */
const SSM_DOCUMENT_LIMIT_BYTES = 64 * 1024;
/** An ECS task definition (its container definitions included) may be 64 KiB. */
const TASK_DEFINITION_LIMIT_BYTES = 64 * 1024;

const HOST_KEYS = ["appImage", "appImageTag", "appRepository", "appPortCidrs", "sshCidrs", "domain", "backupPaths", "appPrefixes"];

function hostTexts(where: string, files: HostFiles): GeneratedText[] {
    return [
        { what: `user data of ${where}`, language: "shell", text: files.userData, limitBytes: USER_DATA_LIMIT_BYTES, keys: HOST_KEYS },
        { what: `deploy tool of ${where}`, language: "shell", text: files.deployTool, keys: ["appRepository"] },
        { what: `compose file of ${where}`, language: "yaml", text: files.composeFile, keys: [] },
        { what: `.env file of ${where}`, language: "dotenv", text: files.envFile, keys: ["appImage", "appImageTag"] },
        ...(files.caddyfile !== undefined ? [{ what: `Caddyfile of ${where}`, language: "caddyfile" as const, text: files.caddyfile, keys: ["appPrefixes", "domain"] }] : []),
        ...(files.backupTool !== undefined ? [{ what: `backup tool of ${where}`, language: "shell" as const, text: files.backupTool, keys: ["backupPaths"] }] : []),
        ...(files.metricsAgentConfig !== undefined ? [{ what: `CloudWatch agent config of ${where}`, language: "json" as const, text: files.metricsAgentConfig, keys: [] }] : []),
    ];
}

function ssmDocuments(s: Settings): GeneratedText[] {
    return [
        { what: "SSM deploy document", language: "json", text: JSON.stringify(deployDocument(s.app.name, s.environment)), limitBytes: SSM_DOCUMENT_LIMIT_BYTES, keys: [] },
        { what: "SSM rollback document", language: "json", text: JSON.stringify(rollbackDocument(s.app.name, s.environment)), limitBytes: SSM_DOCUMENT_LIMIT_BYTES, keys: [] },
        { what: "SSM status document", language: "json", text: JSON.stringify(statusDocument(s.app.name, s.environment)), limitBytes: SSM_DOCUMENT_LIMIT_BYTES, keys: [] },
    ];
}

/**
 * The container definitions of the platform's services as FargateService renders them, with
 * stand-ins for what only exists after deployment (endpoints, ARNs, the registry's host).
 */
function platformTaskDefinitions(s: Settings): GeneratedText[] {
    const account = "123456789012";
    const registry = `${account}.dkr.ecr.${s.region}.amazonaws.com`;
    const secretArn = (name: string) => `arn:aws:secretsmanager:${s.region}:${account}:secret:${s.app.name}-${s.environment}-${name}-AbCdEf`;
    return s.platform.services.map((service) => {
        const environment = {
            ...platformEnvironment<string>(service, s.app.port, {
                region: s.region,
                appUrl: `https://app.${s.dns.domain ?? "example.com"}`,
                redisHost: `master.${s.app.name}-${s.environment}.abcdef.use1.cache.amazonaws.com`,
                redisPort: 6379,
                sessionsTable: `${s.app.name}-${s.environment}-sessions`,
                uploadsBucket: `${s.app.name}-${s.environment}-uploads`,
                userPoolId: `${s.region}_AbCdEfGhI`,
                userPoolClientId: "1example23456789abcdefghij",
                websocketUrl: `wss://ws.${s.dns.domain ?? "example.com"}`,
                metricsNamespace: s.platform.metricsNamespace,
            }),
            ...service.environment,
        };
        const definitions = containerDefinitions({
            name: service.name,
            image: imageUri(`${registry}/${repositoryName(s.app.name, s.environment, service.name)}`, service.imageTag ?? s.app.initialTag),
            port: service.loadBalanced ? s.app.port : undefined,
            environment,
            secrets: [
                ...service.secrets.map((x) => ({ name: x.name, valueFrom: x.valueFrom })),
                { name: REDIS_TOKEN_VARIABLE, valueFrom: secretArn("redis-auth") },
                { name: SESSION_SECRET_VARIABLE, valueFrom: secretArn("session") },
            ],
            logGroupName: ecsLogGroupName(s.app.name, s.environment, service.name),
            region: s.region,
            readonlyRootFilesystem: service.readonlyRootFilesystem,
            healthCheckCommand: service.healthCheckCommand,
        });
        return {
            what: `container definitions of the ${service.name} service`,
            language: "json" as const,
            text: JSON.stringify(definitions),
            limitBytes: TASK_DEFINITION_LIMIT_BYTES,
            keys: ["containerEnvironment", "containerSecrets", "healthCheckCommand"],
        };
    });
}

/** The generated texts of the stack the settings describe. */
export function generatedTexts(s: Settings): GeneratedText[] {
    const texts: GeneratedText[] = [];
    if (s.phase === 1) {
        texts.push(...hostTexts("the single host", singleHostFiles(s)), ...ssmDocuments(s));
        if (s.data.database.enabled) {
            texts.push({ what: "SSM restore document", language: "json", text: JSON.stringify(restoreDocument(s.app.name, s.environment)), limitBytes: SSM_DOCUMENT_LIMIT_BYTES, keys: [] });
        }
    }
    if (s.phase === 2) {
        texts.push(...hostTexts("the web fleet", fleetFiles(s)), ...ssmDocuments(s));
    }
    if (s.phase >= 2 && s.network.natStrategy === "instance") {
        texts.push({ what: "user data of the NAT instance", language: "shell", text: natUserData(s.network.cidrBlock), limitBytes: USER_DATA_LIMIT_BYTES, keys: [] });
    }
    if (s.phase >= 3) {
        texts.push(...platformTaskDefinitions(s));
        if (s.mtls !== undefined) {
            texts.push({
                what: "nginx configuration of the mTLS gateway",
                language: "nginx",
                text: gatewayNginxConfig({ namePrefix: `${s.app.name}-${s.environment}`, apiPort: s.mtls.apiPort, healthPath: s.app.healthPath }),
                keys: [],
            });
        }
    }
    return texts;
}

/** A problem for every generated text larger than AWS accepts, naming the settings that feed it. */
export function generatedTextProblems(s: Settings, project = "stagecraft"): ConfigProblem[] {
    const problems: ConfigProblem[] = [];
    for (const t of generatedTexts(s)) {
        const bytes = Buffer.byteLength(t.text, "utf8");
        if (t.limitBytes !== undefined && bytes > t.limitBytes) {
            const keys = t.keys.map((k) => `${project}:${k}`);
            problems.push({
                key: keys.length > 0 ? keys.join(", ") : "(generated)",
                value: `${bytes} bytes of ${t.what}`,
                allowed: `at most ${t.limitBytes} bytes (AWS's limit)${keys.length > 0 ? `: shorten or list fewer values in ${keys.join(", ")}` : ""}`,
            });
        }
    }
    return problems;
}
