import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { tagsFor } from "../shared/tags";
import { StagecraftError } from "../../lib/errors";

export interface DnsValidatedCertificateArgs {
    /** The certificate's main name, e.g. `example.com` or `cdn.example.com`. */
    domainName: string;
    /** More names on the same certificate, e.g. `*.example.com`. @default [] */
    subjectAlternativeNames?: string[];
    /** Route53 hosted zone that serves every name; the validation records go there. */
    hostedZoneId: string;
    /** Tags for every child (project, environment, owner; a Name is added per resource). */
    tags: Record<string, string>;
}

/** The names ACM asks to validate: `*.example.com` is validated through the record of `example.com`. */
export function validationRecordDomains(names: readonly string[]): string[] {
    return [...new Set(names.map((n) => n.replace(/^\*\./, "")))];
}

/**
 * An ACM certificate validated through DNS, ready to use when the component is:
 * 1. the certificate (RSA 2048, certificate-transparency logging on);
 * 2. one Route53 validation record per distinct name (a wildcard shares its apex's record;
 *    `allowOverwrite`, because another stack validating the same name in the zone has the same
 *    record);
 * 3. a CertificateValidation that waits until ACM has issued it.
 * For CloudFront, pass a us-east-1 provider in opts (`providers: { aws: usEast1 }`).
 *
 * Cost: public ACM certificates are free; the records cost nothing beyond the hosted zone.
 */
export class DnsValidatedCertificate extends pulumi.ComponentResource {
    /** The ARN, known once validation succeeded (use it, not the certificate's own ARN). */
    readonly certificateArn: pulumi.Output<string>;

    constructor(name: string, args: DnsValidatedCertificateArgs, opts?: pulumi.ComponentResourceOptions) {
        super("stagecraft:certificates:DnsValidatedCertificate", name, {}, opts);
        const child = { parent: this };
        const alternatives = args.subjectAlternativeNames ?? [];
        const certificate = new aws.acm.Certificate(name, {
            domainName: args.domainName,
            subjectAlternativeNames: alternatives.length > 0 ? alternatives : undefined,
            validationMethod: "DNS",
            keyAlgorithm: "RSA_2048",
            options: { certificateTransparencyLoggingPreference: "ENABLED" },
            tags: tagsFor(args.tags, name),
        }, child);
        const records = validationRecordDomains([args.domainName, ...alternatives]).map((domain, i) => {
            const option = certificate.domainValidationOptions.apply((options) => {
                const match = options.find((o) => o.domainName === domain);
                if (match === undefined) throw new StagecraftError(`ACM returned no validation option for ${domain}`);
                return match;
            });
            return new aws.route53.Record(`${name}-validation-${i + 1}`, {
                zoneId: args.hostedZoneId,
                name: option.resourceRecordName,
                type: option.resourceRecordType,
                records: [option.resourceRecordValue],
                ttl: 300,
                allowOverwrite: true,
            }, child);
        });
        const validation = new aws.acm.CertificateValidation(`${name}-validation`, {
            certificateArn: certificate.arn,
            validationRecordFqdns: records.map((r) => r.fqdn),
        }, child);
        this.certificateArn = validation.certificateArn;
        this.registerOutputs({ certificateArn: this.certificateArn });
    }
}
