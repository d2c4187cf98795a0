/**
 * Settings of seed 002's mTLS API, selectable in phase 3 and 4 stacks (`mtlsApi: true`). Parsed
 * from flat `stagecraft:` keys with the ConfigReader, so every problem is reported with the rest.
 */
import { FARGATE_CPUS, fargateSizeProblem } from "../lib/fargate";
import { validCidrs } from "./cidrs";
import { type ConfigReader } from "./reader";
import { type Phase } from "./settings";

export interface MtlsSettings {
    /** Label of the gateway's hostname under the domain (`mtls` → mtls.example.com). */
    subdomain: string;
    /**
     * Who may open TCP 443 to the NLB (its security group); the client certificate is what
     * authenticates. Required with `mtlsApi` (no default): partners' ranges where known,
     * `0.0.0.0/0` only when the stack says so (the policy pack allows a world-open 443).
     */
    clientCidrs: string[];
    /** Common names of the client certificates issued (one per partner). */
    clients: string[];
    gatewayCount: number;
    apiCount: number;
    /** Port the API container listens on (plain HTTP inside the VPC, from the gateway only). */
    apiPort: number;
    apiCpu: number;
    apiMemory: number;
    /** Tag of the nginx image in the gateway's repository (push nginx there; see README). */
    gatewayImageTag: string;
    /** Tag of the API's own image in its own repository (`<app>-<env>/mtls-api`): the partners' API is code of its own, not the chat app. */
    apiImageTag: string;
    certificateAuthority: CertificateAuthorityKind;
    certificateValidityDays: number;
}

/** Who issues the certificates: @pulumi/tls in the program (self-signed CA) or AWS Private CA. */
export type CertificateAuthorityKind = "self-signed" | "acm-pca";
export const CERTIFICATE_AUTHORITIES: readonly CertificateAuthorityKind[] = ["self-signed", "acm-pca"];

/** The mTLS API's two ECS services (names of their services, repositories and log groups). */
export const MTLS_SERVICE_NAMES = { gateway: "mtls-gateway", api: "mtls-api" } as const;
/** The gateway's log group is `/ecs/<prefix>/nginx` (renaming it would replace a group holding logs). */
export const MTLS_GATEWAY_LOG_NAME = "nginx";
/** Names a worker service may not take: its repository or log group would be the mTLS API's. */
export const MTLS_RESERVED_NAMES: readonly string[] = [...Object.values(MTLS_SERVICE_NAMES), MTLS_GATEWAY_LOG_NAME];

const LABEL = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;
const CLIENT = /^[a-z0-9][a-z0-9.-]{0,62}$/;
const IMAGE_TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;

/**
 * Undefined when the stack does not select the mTLS API. `taken`: the other hostname labels
 * under the domain, by key (`appSubdomain: "app"`, ...), which the gateway's label must not reuse.
 */
export function parseMtlsSettings(read: ConfigReader, phase: Phase, taken: Readonly<Record<string, string>>): MtlsSettings | undefined {
    const enabled = read.boolean("mtlsApi", false);
    const subdomain = read.string("mtlsSubdomain", "mtls").toLowerCase();
    if (!LABEL.test(subdomain)) read.problem("mtlsSubdomain", subdomain, "one DNS label: lower-case letters, digits and hyphens");
    const configuredCidrs = read.stringList("mtlsClientCidrs", []);
    const clientCidrs = validCidrs(read, "mtlsClientCidrs", configuredCidrs, true).filter((cidr) => {
        if (!cidr.includes(":")) return true;
        read.problem("mtlsClientCidrs", cidr, "IPv4 ranges: the NLB listens on IPv4 only");
        return false;
    });
    const clients: string[] = [];
    for (const client of read.stringList("mtlsClients", [])) {
        if (!CLIENT.test(client)) read.problem("mtlsClients", client, "client names of lower-case letters, digits, dots and hyphens (they become certificate common names and secret names)");
        else if (clients.includes(client)) read.problem("mtlsClients", client, "each client once");
        else clients.push(client);
    }
    const gatewayCount = read.integer("mtlsGatewayCount", 2, 2, 20);
    const apiCount = read.integer("mtlsApiCount", 2, 2, 20);
    const apiPort = read.integer("mtlsApiPort", 8080, 1024, 65535);
    const apiCpu = read.integer("mtlsApiCpu", 512, 256, 16384);
    const apiMemory = read.integer("mtlsApiMemory", 1024, 512, 122880);
    const size = fargateSizeProblem(apiCpu, apiMemory);
    if (size !== undefined) {
        const cpuValid = FARGATE_CPUS.includes(apiCpu);
        read.problem(cpuValid ? "mtlsApiMemory" : "mtlsApiCpu", cpuValid ? apiMemory : apiCpu, size);
    }
    const gatewayImageTag = read.string("mtlsGatewayImageTag", "1.27-alpine");
    if (!IMAGE_TAG.test(gatewayImageTag)) read.problem("mtlsGatewayImageTag", gatewayImageTag, "an image tag: letters, digits, _ . -");
    const apiImageTag = read.string("mtlsApiImageTag", "");
    const certificateAuthority = read.oneOf("mtlsCertificateAuthority", "self-signed" as CertificateAuthorityKind, CERTIFICATE_AUTHORITIES);
    const certificateValidityDays = read.integer("mtlsCertificateValidityDays", 365, 1, 825);

    if (!enabled) return undefined;
    if (phase < 3) {
        read.problem("mtlsApi", true, "false while stagecraft:phase is below 3: the mTLS API runs on the phase-3 container platform");
        return undefined;
    }
    // Every hostname of the platform lives under the same domain: the gateway's record (and its
    // certificate name) must not be one of them.
    const clash = Object.entries(taken).find(([, label]) => label === subdomain);
    if (clash !== undefined) {
        read.problem("mtlsSubdomain", subdomain, `a label of its own: stagecraft:${clash[0]} is "${clash[1]}" too (two records and certificates for one name)`);
    }
    if (configuredCidrs.length === 0) {
        read.problem("mtlsClientCidrs", [], "while stagecraft:mtlsApi is true, the ranges the partners connect from, e.g. [\"198.51.100.0/24\"], or [\"0.0.0.0/0\"] to accept any address (the client certificate still authenticates): there is no default, so an open port is always a decision in the stack file");
    }
    if (apiImageTag === "") {
        read.problem("mtlsApiImageTag", "", "while stagecraft:mtlsApi is true, the tag (e.g. the commit SHA) of the mTLS API's image pushed to its own repository <app>-<env>/mtls-api: the API is code of its own, so there is no default");
    } else if (!IMAGE_TAG.test(apiImageTag)) {
        read.problem("mtlsApiImageTag", apiImageTag, "an image tag: letters, digits, _ . -");
    }
    return { subdomain, clientCidrs, clients, gatewayCount, apiCount, apiPort, apiCpu, apiMemory, gatewayImageTag, apiImageTag, certificateAuthority, certificateValidityDays };
}
