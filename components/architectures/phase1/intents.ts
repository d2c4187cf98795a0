/**
 * What the single host needs to work and what must never work (pure), proved on every plan by
 * the offline check (docs/intents.md).
 */
import { access, flow, foreignBucketObject, type Intent, sg } from "../../lib/intents";
import { publicFilesIntents } from "../../blocks/cdn/publicFiles";
import { WORLD_IPV4 } from "../../blocks/security/ruleSpecs";

export interface SingleHostIntentInput {
    /** The SingleHost component's name: the prefix of its children's names. */
    name: string;
    appName: string;
    /** Environment label: backups live under <appName>/<environment>/. */
    environment: string;
    appPort: number;
    appPortCidrs: string[];
    sshCidrs: string[];
    egressPorts: number[];
    /** PostgreSQL runs on the host (it must stay unreachable from outside). @default false */
    database?: boolean;
    /** Namespace of the host agent's metrics. @default undefined (no agent) */
    metricsNamespace?: string;
    /** The uploads bucket's public prefixes, served by `<name>-public-files`. @default [] */
    publicPrefixes?: string[];
}

export function singleHostIntents(input: SingleHostIntentInput): Intent[] {
    const host = sg(`${input.name}-host-sg`);
    const role = `${input.name}-host-role`;
    const intents: Intent[] = [
        flow("internet-to-http", "allow", "browsers reach the proxy (it redirects to HTTPS when TLS is on)", "internet", host, 80),
        flow("internet-to-https", "allow", "browsers reach the proxy over HTTPS", "internet", host, 443),
    ];
    if (input.appPortCidrs.includes(WORLD_IPV4)) intents.push(flow("internet-to-app-port", "allow", "appPortCidrs opens the app port to the world", "internet", host, input.appPort));
    else intents.push(flow("no-internet-to-app-port", "deny", "the app port is open only to appPortCidrs", "internet", host, input.appPort));
    intents.push(flow("no-internet-ssh", "deny", "SSH is never open to the whole internet (sshCidrs or SSM)", "internet", host, 22));
    if (input.sshCidrs.length > 0) intents.push(flow("admin-ssh", "allow", "the first sshCidrs entry reaches SSH", `cidr:${input.sshCidrs[0]}`, host, 22));
    for (const port of input.egressPorts) {
        intents.push(flow(`host-egress-${port}`, "allow", `the host reaches the internet on egressPorts ${port}`, host, "internet", port));
    }
    if (input.database ?? false) {
        intents.push(flow("no-internet-to-postgres", "deny", "PostgreSQL is reachable only from the app container (internal Compose network, no rule for 5432)", "internet", host, 5432));
    }
    intents.push(
        access("host-writes-uploads", "allow", "the app writes to its uploads bucket", role, "s3:PutObject", `${input.name}-uploads`),
        // The SPA the proxy serves (spa) is synced from the static bucket: the host reads it, and
        // only CI writes it. That the host cannot write there is asserted on the policy document
        // (test/components/iam.test.ts): a preview links the document's unknown ARNs to every bucket it names.
        access("host-reads-static", "allow", "the host syncs the SPA from its static bucket", role, "s3:GetObject", `${input.name}-static/index.html`),
    );
    // Backups go under <app>/<env>/ only (that nothing else is writable is asserted on the
    // policy document in test/components/iam.test.ts: a preview cannot tell keys apart).
    intents.push(access("host-writes-backups", "allow", "the backup tool writes under <app>/<env>/ in the backups bucket", role, "s3:PutObject",
        `${input.name}-backups/${input.appName}/${input.environment}/2026/01/31/host-030000.dump`));
    if (input.metricsNamespace !== undefined) {
        intents.push(
            access("host-puts-own-metrics", "allow", "the CloudWatch agent publishes memory and disk use in the host's namespace", role, "cloudwatch:PutMetricData", "*", undefined, { "cloudwatch:namespace": input.metricsNamespace }),
            access("host-no-foreign-metrics", "deny", "the host's role cannot publish into AWS's namespaces", role, "cloudwatch:PutMetricData", "*", undefined, { "cloudwatch:namespace": "AWS/EC2" }),
        );
    }
    intents.push(
        access("host-role-no-iam", "deny", "the host's role cannot touch IAM", role, "iam:CreateUser", "*"),
        access("host-role-no-foreign-data", "deny", "the host's role reads no other stack's bucket", role, "s3:GetObject", foreignBucketObject(input.appName)),
        ...publicFilesIntents(input.name, input.publicPrefixes ?? []),
    );
    return intents;
}
