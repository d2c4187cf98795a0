import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import * as tls from "@pulumi/tls";
import { type CertificateAuthorityKind } from "../../config/mtls";
import { GeneratedSecret } from "../../blocks/data/generatedSecret";
import { StagecraftError } from "../../lib/errors";
import { tagsFor } from "../../blocks/shared/tags";


export interface MtlsCertificatesArgs {
    /** `<app>-<env>`: names of the secrets and the subjects' organisation. */
    namePrefix: string;
    /**
     * The server certificate's names: the gateway's public hostname, or the NLB's DNS name when
     * there is no domain (the first is also the subject's common name). Changing them re-issues
     * the server certificate.
     * @example ["mtls.example.com"]
     */
    serverDnsNames: pulumi.Input<string>[];
    /** Common names of the client certificates to issue (one per partner). */
    clients: string[];
    /** Validity of the server and client certificates, days (the CA gets ten times as long). */
    validityDays: number;
    /**
     * Who signs: a private CA whose key is generated here and kept (encrypted) in the Pulumi
     * state, or AWS Private CA, whose key never leaves AWS ($400/month per CA).
     * @default "self-signed"
     */
    authority?: CertificateAuthorityKind;
    /** KMS key of the secrets. */
    kmsKeyArn: pulumi.Input<string>;
    /** Days a deleted secret can be restored. @default 7 */
    recoveryWindowInDays?: number;
    /** Protect the AWS Private CA from deletion (deleting it invalidates every certificate it issued). @default false */
    protect?: boolean;
    /** Tags for every child (project, environment, owner; a Name is added per resource). */
    tags: Record<string, string>;
}

/** The keys used here: ECDSA P-256 (TLS 1.2/1.3 everywhere, small handshakes). */
const KEY = { algorithm: "ECDSA", ecdsaCurve: "P256" } as const;

/** X.509 key usages of the three kinds of certificate. */
export const CERTIFICATE_USES = {
    ca: ["cert_signing", "crl_signing"],
    server: ["digital_signature", "key_encipherment", "server_auth"],
    client: ["digital_signature", "key_encipherment", "client_auth"],
} as const;

/**
 * The mTLS API's certificates (seed 002): a CA, the gateway's server certificate and one client
 * certificate per partner. Every private key is a Pulumi secret (encrypted in the state) and is
 * stored, with its certificate, in Secrets Manager under the given KMS key (GeneratedSecret with
 * a given value; AWS appends a suffix to each name):
 * - `<prefix>/mtls/server-key-…`, `<prefix>/mtls/server-cert-…`, `<prefix>/mtls/ca-cert-…`:
 *   injected into the gateway's tasks by ECS;
 * - `<prefix>/mtls/client/<name>-…`: `{"certificate","privateKey","ca"}` to hand to that partner
 *   (`clientSecretArns`).
 * With `authority: "acm-pca"` an AWS Private CA (root, EC P-256) signs instead and its key stays
 * in AWS; the server and client keys are still generated here.
 * Rotation: certificates are re-issued when `validityDays` or the names change, or with
 * `pulumi up --replace` of a certificate; roll the gateway afterwards (`restartCommand`).
 *
 * Cost: Secrets Manager $0.40 per secret a month (3 + one per client); AWS Private CA $400 a
 * month per CA in general-purpose mode plus $0.75 per certificate (the first 1,000).
 */
export class MtlsCertificates extends pulumi.ComponentResource {
    readonly serverKeySecretArn: pulumi.Output<string>;
    readonly serverCertificateSecretArn: pulumi.Output<string>;
    readonly caCertificateSecretArn: pulumi.Output<string>;
    /** The CA certificate (public): what clients trust the gateway with. */
    readonly caCertificatePem: pulumi.Output<string>;
    /** Secrets with each client's certificate and key, by client name. */
    readonly clientSecretArns: Record<string, pulumi.Output<string>>;
    readonly certificateAuthorityArn?: pulumi.Output<string>;

    constructor(name: string, args: MtlsCertificatesArgs, opts?: pulumi.ComponentResourceOptions) {
        if (args.serverDnsNames.length === 0) throw new StagecraftError(`${name}: serverDnsNames is empty; the server certificate needs at least one DNS name`);
        super("stagecraft:mtls:MtlsCertificates", name, {}, opts);
        const child = { parent: this };
        const hours = args.validityDays * 24;
        const organization = args.namePrefix;
        const store = (key: string, namePrefix: string, description: string, value: pulumi.Input<string>) => new GeneratedSecret(`${name}-${key}`, {
            namePrefix,
            description,
            value,
            kmsKeyArn: args.kmsKeyArn,
            recoveryWindowInDays: args.recoveryWindowInDays,
            tags: args.tags,
        }, child).arn;

        const sign = this.signer(name, args, organization, hours);
        this.caCertificatePem = sign.caCertificatePem;
        this.certificateAuthorityArn = sign.authorityArn;

        const server = this.issue(`${name}-server`, { commonName: args.serverDnsNames[0], organization }, args.serverDnsNames, "server", sign);
        this.serverKeySecretArn = store("server-key", `${args.namePrefix}/mtls/server-key-`, "mTLS gateway: server private key (PEM)", server.privateKeyPem);
        this.serverCertificateSecretArn = store("server-cert", `${args.namePrefix}/mtls/server-cert-`, "mTLS gateway: server certificate (PEM)", server.certificatePem);
        this.caCertificateSecretArn = store("ca-cert", `${args.namePrefix}/mtls/ca-cert-`, "mTLS gateway: the CA client certificates must chain to (PEM)", sign.caCertificatePem);

        this.clientSecretArns = {};
        for (const client of args.clients) {
            const issued = this.issue(`${name}-client-${client}`, { commonName: client, organization }, [], "client", sign);
            const bundle = pulumi.secret(pulumi.all([issued.certificatePem, issued.privateKeyPem, sign.caCertificatePem])
                .apply(([certificate, privateKey, ca]) => clientBundle(certificate, privateKey, ca)));
            this.clientSecretArns[client] = store(`client-${client}`, `${args.namePrefix}/mtls/client/${client}-`, `mTLS client certificate and key of ${client}`, bundle);
        }

        this.registerOutputs({
            serverKeySecretArn: this.serverKeySecretArn,
            serverCertificateSecretArn: this.serverCertificateSecretArn,
            caCertificateSecretArn: this.caCertificateSecretArn,
            caCertificatePem: this.caCertificatePem,
        });
    }

    /** The CA and how it signs a CSR: locally with its key, or through AWS Private CA. */
    private signer(name: string, args: MtlsCertificatesArgs, organization: string, hours: number): Signer {
        const child = { parent: this };
        const subject = { commonName: `${args.namePrefix} mTLS CA`, organization };
        if ((args.authority ?? "self-signed") === "self-signed") {
            const key = new tls.PrivateKey(`${name}-ca-key`, KEY, child);
            const ca = new tls.SelfSignedCert(`${name}-ca`, {
                privateKeyPem: key.privateKeyPem,
                subject,
                isCaCertificate: true,
                validityPeriodHours: hours * 10,
                allowedUses: [...CERTIFICATE_USES.ca],
            }, child);
            return {
                caCertificatePem: ca.certPem,
                sign: (certName, csr, kind) => new tls.LocallySignedCert(certName, {
                    certRequestPem: csr,
                    caPrivateKeyPem: key.privateKeyPem,
                    caCertPem: ca.certPem,
                    validityPeriodHours: hours,
                    earlyRenewalHours: Math.min(hours / 4, 30 * 24),
                    allowedUses: [...CERTIFICATE_USES[kind]],
                }, child).certPem,
            };
        }
        const authority = new aws.acmpca.CertificateAuthority(`${name}-ca`, {
            type: "ROOT",
            certificateAuthorityConfiguration: {
                keyAlgorithm: "EC_prime256v1",
                signingAlgorithm: "SHA256WITHECDSA",
                subject: { commonName: subject.commonName, organization },
            },
            usageMode: "GENERAL_PURPOSE",
            permanentDeletionTimeInDays: 30,
            tags: tagsFor(args.tags, `${name}-ca`),
        }, { parent: this, protect: args.protect ?? false });
        const rootCertificate = new aws.acmpca.Certificate(`${name}-ca-cert`, {
            certificateAuthorityArn: authority.arn,
            certificateSigningRequest: authority.certificateSigningRequest,
            signingAlgorithm: "SHA256WITHECDSA",
            templateArn: "arn:aws:acm-pca:::template/RootCACertificate/V1",
            validity: { type: "DAYS", value: String(args.validityDays * 10) },
        }, child);
        const installed = new aws.acmpca.CertificateAuthorityCertificate(`${name}-ca-install`, {
            certificateAuthorityArn: authority.arn,
            certificate: rootCertificate.certificate,
            certificateChain: rootCertificate.certificateChain,
        }, child);
        const template = { server: "EndEntityServerAuthCertificate/V1", client: "EndEntityClientAuthCertificate/V1" } as const;
        return {
            authorityArn: authority.arn,
            caCertificatePem: rootCertificate.certificate,
            sign: (certName, csr, kind) => new aws.acmpca.Certificate(certName, {
                certificateAuthorityArn: authority.arn,
                certificateSigningRequest: csr,
                signingAlgorithm: "SHA256WITHECDSA",
                templateArn: `arn:aws:acm-pca:::template/${template[kind]}`,
                validity: { type: "DAYS", value: String(args.validityDays) },
            }, { parent: this, dependsOn: [installed] }).certificate,
        };
    }

    /** A key, its CSR and the signed certificate. */
    private issue(certName: string, subject: { commonName: pulumi.Input<string>; organization: string }, dnsNames: pulumi.Input<string>[], kind: "server" | "client", signer: Signer) {
        const child = { parent: this };
        const key = new tls.PrivateKey(`${certName}-key`, KEY, child);
        const csr = new tls.CertRequest(`${certName}-csr`, { privateKeyPem: key.privateKeyPem, subject, dnsNames }, child);
        return { privateKeyPem: pulumi.secret(key.privateKeyPem), certificatePem: signer.sign(`${certName}-cert`, csr.certRequestPem, kind) };
    }
}

/** What a partner receives in its secret: its certificate and key, and the CA the gateway presents a certificate from. */
export function clientBundle(certificate: string, privateKey: string, ca: string): string {
    return JSON.stringify({ certificate, privateKey, ca });
}

interface Signer {
    caCertificatePem: pulumi.Output<string>;
    authorityArn?: pulumi.Output<string>;
    sign(name: string, csr: pulumi.Output<string>, kind: "server" | "client"): pulumi.Output<string>;
}
