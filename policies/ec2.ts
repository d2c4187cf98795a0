/**
 * EC2 and VPC: security-group exposure (every rule spelling), instance metadata, EBS encryption,
 * secrets in user data, public IPs on launch templates.
 */
import { flag, integerList } from "./lib/config";
import { describeOpen, type GuardedPort, reachesAllPorts, reachesBeyond, reachesPort, type TrafficMatcher, type Verdict, worldIngress } from "./lib/exposure";
import { type PackPolicy, type ResourceReport, resourcePolicy, type ResourceView } from "./lib/policy";
import { decodeUserData, scanText } from "./lib/secrets";
import { DEFAULT_SECURITY_GROUP, describeRule, RULE_TYPES, rulesOf, SECURITY_GROUP } from "./lib/sgrules";
import { at, bool, list, pathText, type Rec, rec, records, str, UNKNOWN } from "./lib/values";

export const INSTANCE = "aws:ec2/instance:Instance";
export const LAUNCH_TEMPLATE = "aws:ec2/launchTemplate:LaunchTemplate";
export const LAUNCH_CONFIGURATION = "aws:ec2/launchConfiguration:LaunchConfiguration";
export const EBS_VOLUME = "aws:ebs/volume:Volume";

const SG_DOCS = "https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html";

/** Reports every open or undecidable verdict of a world-ingress check. */
function reportVerdicts(verdicts: readonly Verdict[], report: ResourceReport, what: string, opened: (v: Extract<Verdict, { kind: "open" }>) => string): void {
    for (const v of verdicts) {
        if (v.kind === "open") report.violation(opened(v));
        else report.unknown(`whether ${describeRule(v.rule)} opens ${what} to the internet`, v.field);
    }
}

function guardedPortPolicy(spec: {
    name: string; description: string; guard: GuardedPort; control: string; cis?: string; fix: string;
}): PackPolicy {
    return resourcePolicy({
        name: spec.name,
        description: spec.description,
        severity: "critical",
        enforcementLevel: "mandatory",
        frameworks: [
            { framework: "fsbp", control: spec.control },
            ...(spec.cis === undefined ? [] : [{ framework: "cis" as const, control: spec.cis }]),
        ],
        topics: ["network"],
        resourceTypes: RULE_TYPES,
        remediation: spec.fix,
        url: SG_DOCS,
        check(r, _config, report) {
            const verdicts = worldIngress(rulesOf(r.type, r.props), reachesPort(spec.guard));
            reportVerdicts(verdicts, report, spec.guard.label, (v) => `${describeOpen(v)}, so ${spec.guard.label} is reachable from the internet. ${spec.fix}`);
        },
    });
}

export const noPublicSsh = guardedPortPolicy({
    name: "ec2-security-group-no-public-ssh",
    description: "No security-group rule opens SSH (TCP 22) to 0.0.0.0/0, ::/0 or another internet-wide range, in any rule spelling.",
    guard: { port: 22, protocols: ["tcp"], label: "SSH (TCP port 22)" },
    control: "EC2.13",
    cis: "5.2",
    fix: "Allow SSH only from an admin CIDR (for example 203.0.113.10/32), or remove the rule and use SSM Session Manager.",
});

export const noPublicRdp = guardedPortPolicy({
    name: "ec2-security-group-no-public-rdp",
    description: "No security-group rule opens RDP (TCP/UDP 3389) to 0.0.0.0/0, ::/0 or another internet-wide range, in any rule spelling.",
    guard: { port: 3389, protocols: ["tcp", "udp"], label: "RDP (port 3389)" },
    control: "EC2.14",
    cis: "5.2",
    fix: "Allow RDP only from an admin CIDR, or remove the rule and use SSM Fleet Manager.",
});

const DATA_PORT_NAMES: Readonly<Record<number, string>> = {
    1433: "SQL Server", 1521: "Oracle", 3306: "MySQL", 5432: "PostgreSQL", 6379: "Redis",
    9200: "Elasticsearch/OpenSearch", 9300: "Elasticsearch transport", 11211: "Memcached", 27017: "MongoDB",
};
const UDP_DATA_PORTS = new Set([11211]);

export const noPublicDatabasePorts = resourcePolicy({
    name: "ec2-security-group-no-public-database-ports",
    description: "No security-group rule opens a database or cache port (3306, 5432, 6379, 11211, 27017, 9200 by default) to the internet.",
    severity: "high",
    enforcementLevel: "mandatory",
    frameworks: [{ framework: "fsbp", control: "EC2.19" }],
    topics: ["network", "data-protection"],
    resourceTypes: RULE_TYPES,
    remediation: "Allow database and cache ports only from the application's security group or private CIDRs.",
    url: SG_DOCS,
    config: {
        ports: integerList("Database and cache ports that must never be open to the internet.", [3306, 5432, 6379, 11211, 27017, 9200], 0, 65535),
    },
    check(r, config, report) {
        const rules = rulesOf(r.type, r.props);
        // One violation per (rule, source) naming every protected port the rule reaches.
        const open = new Map<string, { verdict: Extract<Verdict, { kind: "open" }>; ports: number[] }>();
        const undecided = new Map<string, Extract<Verdict, { kind: "unknown" }>>();
        for (const port of config.ports) {
            const guard: GuardedPort = { port, protocols: UDP_DATA_PORTS.has(port) ? ["tcp", "udp"] : ["tcp"], label: `port ${port}` };
            for (const v of worldIngress(rules, reachesPort(guard))) {
                const key = `${v.rule.location}|${v.kind === "open" ? v.source : v.field}`;
                if (v.kind === "open") {
                    const seen = open.get(key);
                    if (seen === undefined) open.set(key, { verdict: v, ports: [port] });
                    else seen.ports.push(port);
                } else if (!undecided.has(key)) {
                    undecided.set(key, v);
                }
            }
        }
        for (const { verdict, ports } of open.values()) {
            const names = ports.map((p) => (DATA_PORT_NAMES[p] === undefined ? `${p}` : `${p} (${DATA_PORT_NAMES[p]})`)).join(", ");
            report.violation(`${describeOpen(verdict)}, so database/cache port${ports.length > 1 ? "s" : ""} ${names} ${ports.length > 1 ? "are" : "is"} reachable from the internet. `
                + "Allow these ports only from the application's security group (referencedSecurityGroupId) or private CIDRs.");
        }
        for (const v of undecided.values()) report.unknown(`whether ${describeRule(v.rule)} opens a database or cache port to the internet`, v.field);
    },
});

export const noPublicAllPorts = resourcePolicy({
    name: "ec2-security-group-no-public-all-ports",
    description: "No security-group rule opens all protocols (-1/all) or every TCP/UDP port to the internet.",
    severity: "high",
    enforcementLevel: "mandatory",
    frameworks: [{ framework: "fsbp", control: "EC2.18" }],
    topics: ["network"],
    resourceTypes: RULE_TYPES,
    remediation: "Open only the ports the service needs.",
    url: SG_DOCS,
    check(r, _config, report) {
        const verdicts = worldIngress(rulesOf(r.type, r.props), reachesAllPorts);
        reportVerdicts(verdicts, report, "every port", (v) => `${describeOpen(v)} on every port. Open only the ports the service needs (for a web server: 80 and 443).`);
    },
});

export const publicIngressAllowlist = resourcePolicy({
    name: "ec2-security-group-public-ingress-allowlist",
    description: "Ingress from the internet is only on the allowed ports (80 and 443 by default); anything else should sit behind a load balancer or a restricted source.",
    severity: "medium",
    enforcementLevel: "advisory",
    frameworks: [{ framework: "fsbp", control: "EC2.18" }],
    topics: ["network"],
    resourceTypes: RULE_TYPES,
    remediation: "Restrict the source, put the service behind the load balancer, or add the port to allowedPorts.",
    url: SG_DOCS,
    config: {
        allowedPorts: integerList("TCP/UDP ports that may be open to the internet.", [80, 443], 0, 65535),
    },
    check(r, config, report) {
        const matcher: TrafficMatcher = reachesBeyond(config.allowedPorts);
        const verdicts = worldIngress(rulesOf(r.type, r.props), matcher);
        const allowed = config.allowedPorts.join(", ");
        reportVerdicts(verdicts, report, "a port outside the allow-list", (v) =>
            `${describeOpen(v)}, beyond the ports allowed from the internet (${allowed}). `
            + "Restrict the source, put the service behind the load balancer, or add the port to allowedPorts in the policy config.");
    },
});

export const ruleDescriptions = resourcePolicy({
    name: "ec2-security-group-rule-descriptions",
    description: "Security groups and each of their rules say why they exist (no empty or default \"Managed by Pulumi\" description).",
    severity: "low",
    enforcementLevel: "advisory",
    frameworks: [],
    topics: ["network", "governance"],
    resourceTypes: RULE_TYPES,
    remediation: "Give the group and every rule a description that names the traffic it allows.",
    url: "https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html",
    check(r, _config, report) {
        if (r.type === SECURITY_GROUP || r.type === DEFAULT_SECURITY_GROUP) {
            const d = str(r.props.description);
            const missing = d === undefined || (typeof d === "string" && (d.trim() === "" || d.trim() === "Managed by Pulumi"));
            if (r.type === SECURITY_GROUP && missing) {
                report.violation("the security group has no description of its own (AWS shows \"Managed by Pulumi\"). Set description to what the group protects; note that changing it replaces the group.");
            }
        }
        const rules = rulesOf(r.type, r.props);
        if (rules === UNKNOWN) return;
        for (const rule of rules) {
            if (rule.description === undefined || (typeof rule.description === "string" && rule.description.trim() === "")) {
                report.violation(`${describeRule(rule)} has no description. Set description to the reason for the rule, e.g. "HTTPS from the internet".`);
            }
        }
    },
});

function imdsCheck(where: string, options: unknown, report: ResourceReport): void {
    const opts = rec(options);
    if (opts === UNKNOWN) return report.unknown("whether IMDSv2 is required", where);
    const endpoint = str(at(opts, "httpEndpoint"));
    const tokens = str(at(opts, "httpTokens"));
    if (endpoint === "disabled" || tokens === "required") return;
    if (tokens === UNKNOWN || endpoint === UNKNOWN) {
        return report.unknown("whether IMDSv2 is required", tokens === UNKNOWN ? `${where}.httpTokens` : `${where}.httpEndpoint`);
    }
    const state = tokens === undefined ? `${where}.httpTokens is not set` : `${where}.httpTokens is "${tokens}"`;
    report.violation(`${state}, so the metadata service still answers IMDSv1 requests, which an SSRF bug can use to read the instance role's credentials. `
        + `Set ${where}: { httpTokens: "required" }.`);
}

export const imdsv2Required = resourcePolicy({
    name: "ec2-instance-imdsv2-required",
    description: "Instances, launch templates and launch configurations require IMDSv2 (metadataOptions.httpTokens = \"required\").",
    severity: "high",
    enforcementLevel: "mandatory",
    frameworks: [{ framework: "fsbp", control: "EC2.8" }, { framework: "cis", control: "5.6" }],
    topics: ["compute", "identity"],
    resourceTypes: [INSTANCE, LAUNCH_TEMPLATE, LAUNCH_CONFIGURATION],
    remediation: "Set metadataOptions: { httpTokens: \"required\" }.",
    url: "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/configuring-IMDS-new-instances.html",
    check(r, _config, report) {
        // An instance launched from a template without its own metadataOptions inherits the template's.
        if (r.type === INSTANCE && r.props.metadataOptions === undefined && r.props.launchTemplate !== undefined) return;
        imdsCheck("metadataOptions", r.props.metadataOptions, report);
    },
});

/** A volume to check: `where` prefixes its fields in messages ("" for a standalone volume). */
interface VolumeSpec { readonly where: string; readonly value: unknown; readonly stringFlags?: boolean }

function volumeCheck(volume: VolumeSpec, requireKey: boolean, report: ResourceReport): void {
    const field = (name: string) => (volume.where === "" ? name : `${volume.where}.${name}`);
    const encrypted = bool(at(volume.value, "encrypted"));
    if (encrypted === UNKNOWN) return report.unknown("whether the volume is encrypted", field("encrypted"));
    if (encrypted !== true) {
        const value = volume.stringFlags === true ? "\"true\"" : "true";
        return report.violation(`${field("encrypted")} is ${encrypted === false ? "false" : "not set"}, so the volume may be stored unencrypted. Set ${field("encrypted")} to ${value}.`);
    }
    if (requireKey && at(volume.value, "kmsKeyId") === undefined) {
        report.violation(`${volume.where === "" ? "the volume" : volume.where} is encrypted with the AWS-managed key (aws/ebs), but this stack requires a customer-managed key. Set ${field("kmsKeyId")} to the stack's KMS key.`);
    }
}

function instanceVolumes(r: ResourceView, report: ResourceReport): VolumeSpec[] {
    const root = rec(r.props.rootBlockDevice);
    const volumes: VolumeSpec[] = [];
    if (root === UNKNOWN) report.unknown("whether the root volume is encrypted", "rootBlockDevice");
    else if (root === undefined) {
        if (!(r.type === INSTANCE && r.props.launchTemplate !== undefined)) {
            report.violation("rootBlockDevice is not declared, so the root volume's encryption depends on the AMI and the account default. Declare rootBlockDevice: { encrypted: true }.");
        }
    } else volumes.push({ where: "rootBlockDevice", value: root });
    const ebs = list(r.props.ebsBlockDevices);
    if (ebs === UNKNOWN) report.unknown("whether the EBS volumes are encrypted", "ebsBlockDevices");
    else (ebs ?? []).forEach((v, i) => volumes.push({ where: pathText("ebsBlockDevices", i), value: v }));
    return volumes;
}

function templateVolumes(r: ResourceView, report: ResourceReport): VolumeSpec[] {
    const mappings = records(r.props.blockDeviceMappings);
    if (mappings === UNKNOWN) {
        report.unknown("whether the template's volumes are encrypted", "blockDeviceMappings");
        return [];
    }
    const ebsMappings = (mappings ?? []).flatMap((m, i) => {
        if (m === UNKNOWN) {
            report.unknown("whether the template's volumes are encrypted", pathText("blockDeviceMappings", i));
            return [];
        }
        if (m === undefined || m.ebs === undefined || m.noDevice !== undefined || m.virtualName !== undefined) return [];
        return [{ where: pathText("blockDeviceMappings", i, "ebs"), value: m.ebs, stringFlags: true }];
    });
    if (ebsMappings.length === 0) {
        report.violation("declares no EBS blockDeviceMappings, so the root volume's encryption depends on the AMI and the account default. "
            + "Add a mapping for the root device with ebs: { encrypted: \"true\" }.");
    }
    return ebsMappings;
}

export const ebsEncryptionRequired = resourcePolicy({
    name: "ec2-ebs-encryption-required",
    description: "EBS volumes are encrypted: instance root and data volumes, launch-template and launch-configuration mappings, standalone volumes.",
    severity: "high",
    enforcementLevel: "mandatory",
    frameworks: [{ framework: "fsbp", control: "EC2.3" }, { framework: "cis", control: "2.2.1" }],
    topics: ["encryption", "data-protection"],
    resourceTypes: [INSTANCE, LAUNCH_TEMPLATE, LAUNCH_CONFIGURATION, EBS_VOLUME],
    remediation: "Declare every volume with encrypted: true (and kmsKeyId when a customer-managed key is required).",
    url: "https://docs.aws.amazon.com/ebs/latest/userguide/ebs-encryption.html",
    config: {
        requireCustomerManagedKey: flag("Require kmsKeyId (a customer-managed key) on every volume.", false),
    },
    check(r, config, report) {
        const volumes = r.type === EBS_VOLUME ? [{ where: "", value: r.props }]
            : r.type === LAUNCH_TEMPLATE ? templateVolumes(r, report)
                : instanceVolumes(r, report);
        for (const v of volumes) volumeCheck(v, config.requireCustomerManagedKey, report);
    },
});

function userDataFields(r: ResourceView): { field: string; value: unknown }[] {
    const fields = r.type === LAUNCH_TEMPLATE ? ["userData"] : ["userData", "userDataBase64"];
    return fields.map((field) => ({ field, value: r.props[field] })).filter((f) => f.value !== undefined);
}

export const userDataNoSecrets = resourcePolicy({
    name: "ec2-user-data-no-secrets",
    description: "User data carries no secrets in clear text (access keys, tokens, private keys, literal passwords).",
    severity: "high",
    enforcementLevel: "mandatory",
    frameworks: [],
    topics: ["secrets", "compute"],
    resourceTypes: [INSTANCE, LAUNCH_TEMPLATE, LAUNCH_CONFIGURATION],
    remediation: "Store secrets in SSM Parameter Store (SecureString) or Secrets Manager and fetch them at boot with the instance role.",
    url: "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/user-data.html",
    check(r, _config, report) {
        for (const { field, value } of userDataFields(r)) {
            const text = str(value);
            if (text === UNKNOWN) {
                report.unknown("whether the user data carries secrets", field);
                continue;
            }
            if (text === undefined) continue;
            for (const f of scanText(decodeUserData(text))) {
                report.violation(`${field} contains ${f.kind} (${f.where}); anyone allowed ec2:DescribeInstanceAttribute can read user data. `
                    + "Store the secret in SSM Parameter Store (SecureString) or Secrets Manager and fetch it at boot with the instance role.");
            }
        }
    },
});

function publicIpFlags(r: ResourceView): { field: string; value: unknown }[] {
    if (r.type === LAUNCH_CONFIGURATION) return [{ field: "associatePublicIpAddress", value: r.props.associatePublicIpAddress }];
    const nics = records(r.props.networkInterfaces);
    if (nics === UNKNOWN) return [{ field: "networkInterfaces", value: UNKNOWN }];
    return (nics ?? []).map((n, i) => ({
        field: pathText("networkInterfaces", i, "associatePublicIpAddress"),
        value: n === UNKNOWN ? UNKNOWN : at(n as Rec | undefined, "associatePublicIpAddress"),
    }));
}

export const launchTemplateNoPublicIp = resourcePolicy({
    name: "ec2-launch-template-no-public-ip",
    description: "Launch templates and launch configurations do not give instances a public IP (instances behind a load balancer need none).",
    severity: "medium",
    enforcementLevel: "advisory",
    frameworks: [{ framework: "fsbp", control: "EC2.25" }],
    topics: ["network", "compute"],
    resourceTypes: [LAUNCH_TEMPLATE, LAUNCH_CONFIGURATION],
    remediation: "Launch into private subnets and set associatePublicIpAddress to false.",
    url: "https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-25",
    check(r, _config, report) {
        for (const { field, value } of publicIpFlags(r)) {
            const on = value === UNKNOWN ? UNKNOWN : bool(value);
            if (on === UNKNOWN) report.unknown("whether instances get a public IP", field);
            else if (on === true) {
                report.violation(`${field} is true, so every instance launched from it is directly reachable from the internet. Launch into private subnets behind the load balancer and set it to false.`);
            }
        }
    },
});

export const ec2Policies: readonly PackPolicy[] = [
    noPublicSsh, noPublicRdp, noPublicDatabasePorts, noPublicAllPorts, publicIngressAllowlist, ruleDescriptions,
    imdsv2Required, ebsEncryptionRequired, userDataNoSecrets, launchTemplateNoPublicIp,
];
