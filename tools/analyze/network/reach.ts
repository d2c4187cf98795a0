// "Can A reach B on port P?" over the plan's security groups (pure). A flow needs the source
// group's egress to admit the target and the target group's ingress to admit the source; a flow
// out of the VPC also needs a way out for the source's private placement (routes.ts). Each
// answer names the rules that carry it, or the link that is missing.
import { isUnknown, type Plan, type PlanResource } from "../plan";
import { cidrContains, isWorld, ruleCovers } from "./ports";
import { routeOut } from "./routes";
import { collectRules, type Peer, type RuleSet, type SgRule } from "./rules";

export type Endpoint =
    | { kind: "internet" }
    | { kind: "cidr"; cidr: string }
    | { kind: "group"; group: PlanResource }
    /** An AWS service's public endpoint (e.g. "s3"), reached over HTTPS or through a VPC endpoint. */
    | { kind: "service"; service: string };

export type Verdict = "allowed" | "denied" | "undecided";

export interface Answer {
    verdict: Verdict;
    /** Why: the rules that carry the flow, or the missing link, or what cannot be known offline. */
    explanation: string;
}

export function describeEndpoint(e: Endpoint): string {
    switch (e.kind) {
        case "internet": return "the internet";
        case "cidr": return e.cidr;
        case "group": return e.group.name;
        case "service": return `AWS ${e.service}`;
    }
}

const VPC_TYPES = ["aws:ec2/vpc:Vpc", "awsx:ec2:Vpc"];

/** The CIDR of the VPC a group belongs to (its members' addresses are inside it), when the plan says. */
function vpcCidrOf(plan: Plan, group: PlanResource): string | undefined {
    const vpcs = plan.referenced(group, "vpcId", VPC_TYPES);
    const cidr = vpcs.length === 1 ? vpcs[0].props.cidrBlock : undefined;
    return typeof cidr === "string" && !isUnknown(cidr) ? cidr : undefined;
}

/** Whether a rule's peer stands for the other end of the flow. */
function peerAdmits(plan: Plan, peer: Peer, owner: PlanResource, other: Endpoint): boolean | "unknown" {
    switch (peer.kind) {
        case "cidr":
            if (isWorld(peer.cidr)) return true;
            if (other.kind === "cidr") return cidrContains(peer.cidr, other.cidr);
            if (other.kind === "group") {
                // A CIDR that covers the other group's VPC covers every member of the group.
                const vpc = vpcCidrOf(plan, other.group);
                return vpc !== undefined ? cidrContains(peer.cidr, vpc) || "unknown" : "unknown";
            }
            return false;
        case "group":
            return other.kind === "group" && other.group.urn === peer.group.urn;
        case "self":
            return other.kind === "group" && other.group.urn === owner.urn;
        case "prefix-list":
            // A managed prefix list (e.g. the S3 gateway endpoint's) stands for an AWS service.
            return other.kind === "service" ? "unknown" : false;
        case "unresolved":
            return "unknown";
    }
}

function portText(protocol: string, port: number): string {
    return protocol === "tcp" ? `${port}` : `${protocol} ${port}`;
}

/** The rules of `group` in `direction` that admit `other`; or why that cannot be known. */
function side(plan: Plan, rules: RuleSet, group: PlanResource, direction: SgRule["direction"], other: Endpoint, protocol: string, port: number): { via: SgRule[]; unknown: string[] } {
    const via: SgRule[] = [];
    const unknown: string[] = [];
    for (const rule of rules.rules) {
        if (rule.group.urn !== group.urn || rule.direction !== direction) continue;
        if (!ruleCovers(rule.protocol, rule.fromPort, rule.toPort, protocol, port)) continue;
        const admits = peerAdmits(plan, rule.peer, group, other);
        if (admits === true) via.push(rule);
        else if (admits === "unknown") unknown.push(unknownPeer(rule));
    }
    if (via.length === 0) for (const o of rules.orphans) unknown.push(o.why);
    return { via, unknown };
}

function unknownPeer(rule: SgRule): string {
    switch (rule.peer.kind) {
        case "unresolved": return rule.peer.why;
        case "prefix-list": return `${rule.declaredBy.name}: prefix list ${rule.peer.id} cannot be resolved offline`;
        case "cidr": return `${rule.declaredBy.name}: whether ${rule.peer.cidr} holds the other group's addresses (its VPC's CIDR is not in the plan)`;
        default: return `${rule.declaredBy.name}: its peer`;
    }
}

function ruleNames(rules: SgRule[]): string {
    return [...new Set(rules.map((r) => r.declaredBy.name))].join(", ");
}

export function canReach(plan: Plan, from: Endpoint, to: Endpoint, port: number, protocol = "tcp", rules: RuleSet = collectRules(plan)): Answer {
    const carried: string[] = [];
    const where = portText(protocol, port);
    if (from.kind === "group") {
        const out = side(plan, rules, from.group, "egress", to, protocol, port);
        if (out.via.length === 0) {
            if (out.unknown.length > 0) return { verdict: "undecided", explanation: `${from.group.name}'s egress to ${describeEndpoint(to)} on ${where} cannot be decided offline: ${out.unknown.join("; ")}` };
            return { verdict: "denied", explanation: `${from.group.name} has no egress to ${describeEndpoint(to)} on ${where}` };
        }
        carried.push(`egress ${ruleNames(out.via)}`);
    }
    if (to.kind === "group") {
        const inbound = side(plan, rules, to.group, "ingress", from, protocol, port);
        if (inbound.via.length === 0) {
            if (inbound.unknown.length > 0) return { verdict: "undecided", explanation: `${to.group.name}'s ingress from ${describeEndpoint(from)} on ${where} cannot be decided offline: ${inbound.unknown.join("; ")}` };
            return { verdict: "denied", explanation: `${to.group.name} admits no ingress from ${describeEndpoint(from)} on ${where}` };
        }
        carried.push(`ingress ${ruleNames(inbound.via)}`);
    }
    if (from.kind === "group" && (to.kind === "internet" || to.kind === "cidr" || to.kind === "service")) {
        const route = routeOut(plan, from.group, to.kind === "service" ? to.service : undefined);
        if (route.verdict !== "allowed") return route;
        carried.push(route.explanation);
    }
    return { verdict: "allowed", explanation: carried.join("; ") || "no security group on either end filters it" };
}
