// Every security-group rule of a plan in one shape, whatever its spelling: inline `ingress` /
// `egress` blocks of aws.ec2.SecurityGroup, aws.ec2.SecurityGroupRule, and
// aws.vpc.SecurityGroupIngressRule / EgressRule; peers as CIDRs, other groups, `self` or prefix
// lists. A group or peer unknown in preview is found through property dependencies (plan.ts);
// one that cannot be found is kept as an unresolved peer, never dropped.
import { isUnknown, type Plan, type PlanResource, type Value } from "../plan";
import { normalProtocol, portNumber } from "./ports";

export const SECURITY_GROUP = "aws:ec2/securityGroup:SecurityGroup";
export const SG_RULE = "aws:ec2/securityGroupRule:SecurityGroupRule";
export const VPC_INGRESS = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
export const VPC_EGRESS = "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule";

export type Peer =
    | { kind: "cidr"; cidr: string }
    | { kind: "group"; group: PlanResource }
    | { kind: "self" }
    | { kind: "prefix-list"; id: string }
    | { kind: "unresolved"; why: string };

export interface SgRule {
    group: PlanResource;
    direction: "ingress" | "egress";
    protocol: string;
    fromPort?: number;
    toPort?: number;
    peer: Peer;
    /** The resource that declares the rule (the group itself for inline rules). */
    declaredBy: PlanResource;
}

function strings(value: Value | undefined): Value[] {
    return Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
}

/** Peers of one rule: CIDRs as written; groups through ids or property dependencies. */
function peersOf(plan: Plan, r: PlanResource, property: string, block: Record<string, Value>, groupKeys: string[]): Peer[] {
    const peers: Peer[] = [];
    for (const key of ["cidrBlocks", "ipv6CidrBlocks", "cidrIpv4", "cidrIpv6"]) {
        for (const c of strings(block[key])) {
            if (typeof c === "string" && !isUnknown(c)) peers.push({ kind: "cidr", cidr: c });
            else if (isUnknown(c)) peers.push({ kind: "unresolved", why: `${r.name}: ${key} is unknown in preview` });
        }
    }
    for (const key of ["prefixListIds", "prefixListId"]) {
        for (const p of strings(block[key])) peers.push({ kind: "prefix-list", id: String(p) });
    }
    if (block.self === true) peers.push({ kind: "self" });
    for (const key of groupKeys) {
        const values = strings(block[key]);
        if (values.length === 0) continue;
        const groups = plan.referenced(r, property, [SECURITY_GROUP], values.length === 1 ? values[0] : undefined);
        // With one referenced value, the dependencies name it; with several, only known ids do.
        if (values.length === 1 && groups.length === 1) peers.push({ kind: "group", group: groups[0] });
        else {
            for (const v of values) {
                const byId = typeof v === "string" && !isUnknown(v) ? plan.resources.find((c) => c.id === v && c.type === SECURITY_GROUP) : undefined;
                peers.push(byId ? { kind: "group", group: byId } : { kind: "unresolved", why: `${r.name}: ${key} ${isUnknown(v) ? "is unknown in preview" : `"${String(v)}" is no group of this plan`}${groups.length > 1 ? ` (it depends on ${groups.map((g) => g.name).join(", ")})` : ""}` });
            }
        }
    }
    return peers;
}

function ports(block: Record<string, Value>): { fromPort?: number; toPort?: number } {
    return { fromPort: portNumber(block.fromPort), toPort: portNumber(block.toPort) };
}

/** The group a standalone rule belongs to, through its id or its dependencies. */
function ownerOf(plan: Plan, r: PlanResource): PlanResource | undefined {
    const groups = plan.referenced(r, "securityGroupId", [SECURITY_GROUP]);
    return groups.length === 1 ? groups[0] : undefined;
}

export interface RuleSet {
    rules: SgRule[];
    /** Standalone rules whose group cannot be found: an answer that needs them is undecided. */
    orphans: Array<{ rule: PlanResource; why: string }>;
}

export function collectRules(plan: Plan): RuleSet {
    const rules: SgRule[] = [];
    const orphans: RuleSet["orphans"] = [];
    const add = (group: PlanResource, direction: SgRule["direction"], declaredBy: PlanResource, property: string, block: Record<string, Value>, groupKeys: string[]) => {
        const protocol = normalProtocol(block.protocol ?? block.ipProtocol) ?? "all";
        for (const peer of peersOf(plan, declaredBy, property, block, groupKeys)) {
            rules.push({ group, direction, protocol, ...ports(block), peer, declaredBy });
        }
    };
    for (const sg of plan.ofType(SECURITY_GROUP)) {
        for (const direction of ["ingress", "egress"] as const) {
            for (const block of strings(sg.props[direction])) {
                if (block !== null && typeof block === "object" && !Array.isArray(block)) add(sg, direction, sg, direction, block, ["securityGroups"]);
            }
        }
    }
    for (const r of plan.ofType(SG_RULE, VPC_INGRESS, VPC_EGRESS)) {
        const group = ownerOf(plan, r);
        if (!group) {
            orphans.push({ rule: r, why: `${r.name}: its securityGroupId names no single group of this plan` });
            continue;
        }
        if (r.type === SG_RULE) {
            const direction = r.props.type === "egress" ? "egress" : "ingress";
            add(group, direction, r, "sourceSecurityGroupId", r.props, ["sourceSecurityGroupId"]);
        } else {
            add(group, r.type === VPC_INGRESS ? "ingress" : "egress", r, "referencedSecurityGroupId", r.props, ["referencedSecurityGroupId"]);
        }
    }
    return { rules, orphans };
}
