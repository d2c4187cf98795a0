/**
 * First-boot script of the single host (pure text, cloud-init runs it once as root):
 * 1. install Docker, the Compose plugin, git, curl and the AWS CLI for the AMI family;
 * 2. enable the host firewall with the same rules as the security group;
 * 3. write the compose file, its .env (image and first tag), the proxy's Caddyfile and the deploy
 *    tool (gzipped: user data has 16 KB); with data, the data tool and the volume; with metrics,
 *    the CloudWatch agent and its config (metricsAgent.ts);
 * 4. deploy the configured first tag through the deploy tool, like every later deploy (a fleet:
 *    `boot`, which prefers the release the fleet recorded, deployScript.ts).
 * No secret is ever written here: user data is readable by anyone who can describe the instance.
 */
import { type AmiFamily, type AppSettings } from "../../config/settings";
import { type RuleSpec } from "../security/ruleSpecs";
import { dotenvLine, heredocToFile, shellComment, shellQuote } from "../../lib/render";
import { caddyfile, caddyfileHostPath } from "./caddyfile";
import { composeFile, type ComposeInput } from "./compose";
import { DEPLOY_TOOL_PATH, deployScript, type DeployScriptInput } from "./deployScript";
import { firewallScript } from "./firewall";
import { dockerFirewallSetup } from "./dockerFirewall";
import { compressedFile, dataSetup, type HostDataInput } from "./hostData";
import { metricsAgentSetup } from "./metricsAgent";

/** Docker Compose v2 release installed on Amazon Linux 2023 (its repositories do not ship the plugin). */
export const COMPOSE_VERSION = "v2.29.7";

export interface UserDataInput {
    family: AmiFamily;
    compose: ComposeInput;
    deploy: DeployScriptInput;
    image: string;
    initialTag: string;
    /** The same ingress rules the security group has. */
    ingress: readonly RuleSpec[];
    /** The data volume and the backup tool (hostData.ts). @default undefined (none) */
    data?: HostDataInput;
    /** Path prefixes the proxy sends to the app when it serves an SPA (`compose.spa`). @default ["/api"] */
    appPrefixes?: string[];
    /** The CloudWatch agent's JSON config (observability/hostMetrics.ts). @default undefined (no agent) */
    metricsAgentConfig?: string;
    /** The host's region (the Ubuntu agent package comes from its regional bucket); needed with metricsAgentConfig. */
    region?: string;
}

function installPackages(family: AmiFamily): string[] {
    if (family === "al2023") {
        return [
            "dnf install -y docker git curl-minimal",
            "systemctl enable --now docker",
            "arch=$(uname -m)",
            "mkdir -p /usr/local/lib/docker/cli-plugins",
            `curl -fsSL -o /tmp/docker-compose "https://github.com/docker/compose/releases/download/${COMPOSE_VERSION}/docker-compose-linux-$arch"`,
            `curl -fsSL -o /tmp/docker-compose.sha256 "https://github.com/docker/compose/releases/download/${COMPOSE_VERSION}/docker-compose-linux-$arch.sha256"`,
            "(cd /tmp && echo \"$(cut -d' ' -f1 docker-compose.sha256)  docker-compose\" | sha256sum -c -)",
            "install -m 0755 /tmp/docker-compose /usr/local/lib/docker/cli-plugins/docker-compose",
        ];
    }
    return [
        "export DEBIAN_FRONTEND=noninteractive",
        "apt-get update -q",
        "apt-get install -y -q docker.io docker-compose-v2 git curl ufw",
        "snap install aws-cli --classic",
        "systemctl enable --now docker",
    ];
}

/** EC2 accepts at most 16 KB of user data (before base64). */
export const USER_DATA_LIMIT_BYTES = 16 * 1024;

/** The files first boot writes on the host, and the script that writes them. */
export interface HostFiles {
    /** /opt/<app>/compose.yaml */
    composeFile: string;
    /** /opt/<app>/.env: the image and its first tag. */
    envFile: string;
    /** The deploy tool (DEPLOY_TOOL_PATH). */
    deployTool: string;
    /** /opt/<app>/Caddyfile, the proxy's routes (caddyfile.ts), when the host runs the proxy. */
    caddyfile?: string;
    /** The data tool (backup.ts: mount, backup, restore), when the host holds data. */
    backupTool?: string;
    /** The CloudWatch agent's JSON config, when the host runs the agent. */
    metricsAgentConfig?: string;
    /** The first-boot script holding the files above. */
    userData: string;
}

export function hostFiles(input: UserDataInput): HostFiles {
    const appDir = `/opt/${input.compose.appName}`;
    const composeText = composeFile(input.compose);
    const envFile = [dotenvLine("APP_IMAGE", input.image), dotenvLine("APP_TAG", input.initialTag)].join("\n") + "\n";
    const deployTool = deployScript(input.deploy);
    const caddyText = (input.compose.proxy ?? true)
        ? caddyfile({
            tlsDomain: input.compose.tlsDomain,
            appService: "app",
            appPort: input.compose.port,
            appPrefixes: input.appPrefixes ?? ["/api"],
            healthPath: input.compose.healthPath,
            spa: input.compose.spa ?? false,
        })
        : undefined;
    const data = input.data === undefined ? undefined : dataSetup(input.data);
    const script = [
        "#!/bin/bash",
        shellComment(`stagecraft first boot: ${input.compose.appName} (${input.compose.environment})`),
        "set -euxo pipefail",
        "",
        "# 1. packages",
        ...installPackages(input.family),
        "",
        "# 2. host firewall (same rules as the security group)",
        firewallScript(input.family, input.ingress),
        // Published container ports bypass the INPUT rules above: DOCKER-USER filters them.
        ...((input.compose.hostNetwork ?? false) ? [] : dockerFirewallSetup(input.ingress)),
        "",
        "# 3. app files",
        `install -d -m 0750 ${shellQuote(appDir)} /var/lib/stagecraft`,
        ...heredocToFile(`${appDir}/compose.yaml`, composeText, "COMPOSE"),
        ...heredocToFile(`${appDir}/.env`, envFile, "ENV"),
        ...(caddyText !== undefined ? heredocToFile(caddyfileHostPath(input.compose.appName), caddyText, "CADDY") : []),
        // Compressed: user data has 16 KB (the tool is checked on its own in generatedTexts.ts).
        ...compressedFile(DEPLOY_TOOL_PATH, deployTool),
        `chmod 0750 ${DEPLOY_TOOL_PATH}`,
        ...(data?.lines ?? []),
        ...(input.metricsAgentConfig !== undefined ? metricsAgentSetup(input.family, input.region ?? "", input.metricsAgentConfig) : []),
        "",
        "# 4. first deploy",
        input.deploy.release !== undefined ? `${DEPLOY_TOOL_PATH} boot` : `${DEPLOY_TOOL_PATH} deploy ${shellQuote(input.initialTag)}`,
        "",
    ].join("\n");
    return {
        composeFile: composeText,
        envFile,
        deployTool,
        ...(caddyText !== undefined ? { caddyfile: caddyText } : {}),
        ...(data?.backupTool !== undefined ? { backupTool: data.backupTool } : {}),
        ...(input.metricsAgentConfig !== undefined ? { metricsAgentConfig: input.metricsAgentConfig } : {}),
        userData: script,
    };
}

export function userData(input: UserDataInput): string {
    return hostFiles(input).userData;
}

/** The log group the app's containers ship to (seed 004's convention). */
export function containerLogGroupName(appName: string, environment: string): string {
    return `/${appName}/${environment}/containers`;
}

/** What a host running the app needs besides the settings every host shares. */
export interface AppHostInput {
    app: AppSettings;
    environment: string;
    region: string;
    family: AmiFamily;
    /** The host's inbound rules (the host firewall mirrors them). */
    ingress: readonly RuleSpec[];
    /** How the app is exposed: published port, TLS proxy, host networking. */
    exposure: Pick<ComposeInput, "publishAppPort" | "tlsDomain" | "proxy" | "hostNetwork" | "spa">;
    /** With `exposure.spa`: the app's path prefixes and the static bucket the SPA is synced from. */
    serving?: { appPrefixes: string[]; staticBucket: string };
    /** The database service of the Compose file and the data volume and backups on the host. */
    data?: { database?: ComposeInput["database"]; host: HostDataInput };
    /** The CloudWatch agent's JSON config. @default undefined (no agent) */
    metricsAgentConfig?: string;
    /**
     * An Auto Scaling fleet: record each release in this SSM parameter and boot the recorded one
     * (deployScript.ts). @default undefined (a single host boots the configured tag)
     */
    releaseParameter?: string;
}

/** First-boot files of any host that runs the app (phase 1's single host, phase 2's fleet). */
export function appHostFiles(input: AppHostInput): HostFiles {
    const { app, environment, region } = input;
    return hostFiles({
        family: input.family,
        compose: {
            appName: app.name,
            environment,
            region,
            port: app.port,
            logGroupName: containerLogGroupName(app.name, environment),
            healthPath: app.healthPath,
            ...input.exposure,
            ...(input.data?.database !== undefined ? { database: input.data.database } : {}),
        },
        deploy: {
            appName: app.name, environment, region, port: app.port, healthPath: app.healthPath, repository: app.repository, smokeChecks: app.smokeChecks,
            ...((input.exposure.spa ?? false) && input.serving !== undefined ? { staticBucket: input.serving.staticBucket } : {}),
            ...(input.releaseParameter !== undefined ? { release: { parameter: input.releaseParameter, templateTag: app.initialTag } } : {}),
        },
        image: app.image,
        initialTag: app.initialTag,
        ingress: input.ingress,
        ...(input.data !== undefined ? { data: input.data.host } : {}),
        ...(input.serving !== undefined ? { appPrefixes: input.serving.appPrefixes } : {}),
        ...(input.metricsAgentConfig !== undefined ? { metricsAgentConfig: input.metricsAgentConfig, region } : {}),
    });
}
