/**
 * Every spelling of a security-group rule, normalised to one shape: inline `ingress`/`egress`
 * blocks on aws.ec2.SecurityGroup and aws.ec2.DefaultSecurityGroup, aws.ec2.SecurityGroupRule,
 * and aws.vpc.SecurityGroupIngressRule / SecurityGroupEgressRule.
 */
import { exposureOf, type Exposure } from "./cidr";
import { parseProtocol, type PortRange, portRange, type Protocol, hasPorts } from "./ports";
import { bool, num, type Read, type Rec, records, str, strings, UNKNOWN } from "./values";

export const SECURITY_GROUP = "aws:ec2/securityGroup:SecurityGroup";
export const DEFAULT_SECURITY_GROUP = "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup";
export const SECURITY_GROUP_RULE = "aws:ec2/securityGroupRule:SecurityGroupRule";
export const VPC_INGRESS_RULE = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
export const VPC_EGRESS_RULE = "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule";

/** Resource types that carry security-group rules. */
export const RULE_TYPES = [SECURITY_GROUP, DEFAULT_SECURITY_GROUP, SECURITY_GROUP_RULE, VPC_INGRESS_RULE, VPC_EGRESS_RULE] as const;

export type Direction = "ingress" | "egress";

/** One peer of a rule: a CIDR (with how public it is), an unknown value, or a non-CIDR peer. */
export type Peer =
    | { readonly kind: "cidr"; readonly cidr: string; readonly exposure: Exposure }
    | { readonly kind: "unknown"; readonly field: string }
    | { readonly kind: "other"; readonly what: string };

export interface NormalizedRule {
    readonly direction: Direction | typeof UNKNOWN;
    readonly protocol: Read<Protocol>;
    /** The covered range for TCP/UDP, UNKNOWN when an end is unknown, undefined for other protocols. */
    readonly ports: PortRange | typeof UNKNOWN | undefined;
    readonly peers: readonly Peer[];
    readonly description: Read<string>;
    /** Where the rule comes from, for messages: "" for a rule resource, "ingress[1]" for an inline block. */
    readonly location: string;
}

/** A rule list, or UNKNOWN when the whole list is not known during preview. */
export type Rules = readonly NormalizedRule[] | typeof UNKNOWN;

function cidrPeers(value: unknown, field: string): Peer[] {
    const { known, unknown } = strings(value);
    const peers: Peer[] = known.map((cidr) => ({ kind: "cidr", cidr, exposure: exposureOf(cidr) }));
    if (unknown) peers.push({ kind: "unknown", field });
    return peers;
}

/** A security group or prefix list peer: never a CIDR, whatever its (possibly unknown) id. */
function otherPeer(value: unknown, what: string): Peer[] {
    const { known, unknown } = strings(value);
    return known.length > 0 || unknown ? [{ kind: "other", what }] : [];
}

function rangeFor(protocol: Read<Protocol>, from: unknown, to: unknown): NormalizedRule["ports"] {
    if (protocol === UNKNOWN) return portRange(num(from), num(to));
    if (protocol === undefined || !hasPorts(protocol)) return undefined;
    return portRange(num(from), num(to));
}

function inlineRules(block: unknown, direction: Direction): Rules {
    const items = records(block);
    if (items === UNKNOWN) return UNKNOWN;
    if (items === undefined) return [];
    return items.map((item, index): NormalizedRule => {
        const location = `${direction}[${index}]`;
        if (item === UNKNOWN || item === undefined) {
            return { direction, protocol: UNKNOWN, ports: UNKNOWN, peers: [{ kind: "unknown", field: location }], description: UNKNOWN, location };
        }
        const protocol = parseProtocol(str(item.protocol) ?? num(item.protocol));
        return {
            direction,
            protocol,
            ports: rangeFor(protocol, item.fromPort, item.toPort),
            peers: [
                ...cidrPeers(item.cidrBlocks, `${location}.cidrBlocks`),
                ...cidrPeers(item.ipv6CidrBlocks, `${location}.ipv6CidrBlocks`),
                ...otherPeer(item.securityGroups, "a security group"),
                ...otherPeer(item.prefixListIds, "a prefix list"),
                ...(bool(item.self) === true ? [{ kind: "other", what: "the group itself" } as const] : []),
            ],
            description: str(item.description),
            location,
        };
    });
}

function groupRules(props: Rec): Rules {
    const ingress = inlineRules(props.ingress, "ingress");
    const egress = inlineRules(props.egress, "egress");
    if (ingress === UNKNOWN || egress === UNKNOWN) {
        // Keep what is known; mark the unknown side with one placeholder rule.
        const known = [...(ingress === UNKNOWN ? [] : ingress), ...(egress === UNKNOWN ? [] : egress)];
        const placeholders: NormalizedRule[] = [];
        if (ingress === UNKNOWN) placeholders.push(unknownList("ingress"));
        if (egress === UNKNOWN) placeholders.push(unknownList("egress"));
        return [...known, ...placeholders];
    }
    return [...ingress, ...egress];
}

function unknownList(direction: Direction): NormalizedRule {
    return { direction, protocol: UNKNOWN, ports: UNKNOWN, peers: [{ kind: "unknown", field: direction }], description: UNKNOWN, location: direction };
}

function ec2RuleResource(props: Rec): NormalizedRule {
    const type = str(props.type);
    const direction = type === UNKNOWN ? UNKNOWN : type === "egress" ? "egress" : "ingress";
    const protocol = parseProtocol(str(props.protocol) ?? num(props.protocol));
    return {
        direction,
        protocol,
        ports: rangeFor(protocol, props.fromPort, props.toPort),
        peers: [
            ...cidrPeers(props.cidrBlocks, "cidrBlocks"),
            ...cidrPeers(props.ipv6CidrBlocks, "ipv6CidrBlocks"),
            ...otherPeer(props.sourceSecurityGroupId, "a security group"),
            ...otherPeer(props.prefixListIds, "a prefix list"),
            ...(bool(props.self) === true ? [{ kind: "other", what: "the group itself" } as const] : []),
        ],
        description: str(props.description),
        location: "",
    };
}

function vpcRuleResource(props: Rec, direction: Direction): NormalizedRule {
    const protocol = parseProtocol(str(props.ipProtocol) ?? num(props.ipProtocol));
    return {
        direction,
        protocol,
        ports: rangeFor(protocol, props.fromPort, props.toPort),
        peers: [
            ...cidrPeers(props.cidrIpv4, "cidrIpv4"),
            ...cidrPeers(props.cidrIpv6, "cidrIpv6"),
            ...otherPeer(props.referencedSecurityGroupId, "a security group"),
            ...otherPeer(props.prefixListId, "a prefix list"),
        ],
        description: str(props.description),
        location: "",
    };
}

/** The rules a resource declares; [] for a resource type that carries none. */
export function rulesOf(type: string, props: Rec): Rules {
    switch (type) {
        case SECURITY_GROUP:
        case DEFAULT_SECURITY_GROUP:
            return groupRules(props);
        case SECURITY_GROUP_RULE:
            return [ec2RuleResource(props)];
        case VPC_INGRESS_RULE:
            return [vpcRuleResource(props, "ingress")];
        case VPC_EGRESS_RULE:
            return [vpcRuleResource(props, "egress")];
        default:
            return [];
    }
}

/** "tcp 20-25" / "all traffic" style text for messages. */
export function describeTraffic(rule: NormalizedRule): string {
    const proto = rule.protocol === UNKNOWN ? "an unknown protocol" : rule.protocol === undefined ? "no protocol" : rule.protocol;
    if (proto === "all") return "all traffic";
    const ports = rule.ports;
    if (ports === undefined) return proto;
    if (ports === UNKNOWN) return `${proto} on unknown ports`;
    return ports.from === ports.to ? `${proto} port ${ports.from}` : `${proto} ports ${ports.from}-${ports.to}`;
}

/** Rule prefix for messages: "ingress[1] (tcp port 22)" or "tcp port 22" for a rule resource. */
export function describeRule(rule: NormalizedRule): string {
    const traffic = describeTraffic(rule);
    return rule.location === "" ? `rule (${traffic})` : `${rule.location} (${traffic})`;
}
