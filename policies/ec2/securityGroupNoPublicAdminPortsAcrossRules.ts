/**
 * SSH and RDP judged across a group's rule resources. Each rule resource alone may open the port
 * only to a narrow block, while several of them on one group together cover the internet (512
 * rules of a /9 each, or 0.0.0.0/1 and 128.0.0.0/1): the resource policies judge one resource at a
 * time, so this stack policy joins every rule to its group (by `securityGroupId`, through
 * property dependencies during preview) and judges the union, in one pass over the stack.
 */
import { type GuardedPort, reachesPort, type Verdict, worldIngress } from "../lib/exposure";
import type { StackResource } from "../lib/graph";
import { stackPolicy } from "../lib/policy";
import { DEFAULT_SECURITY_GROUP, type NormalizedRule, RULE_TYPES, rulesOf, SECURITY_GROUP, SECURITY_GROUP_RULE, VPC_INGRESS_RULE } from "../lib/sgrules";
import { UNKNOWN } from "../lib/values";
import { SG_DOCS } from "./worldIngress";

const GUARDS: readonly GuardedPort[] = [
    { port: 22, protocols: ["tcp"], label: "SSH (TCP port 22)" },
    { port: 3389, protocols: ["tcp", "udp"], label: "RDP (port 3389)" },
];
const GROUPS = [SECURITY_GROUP, DEFAULT_SECURITY_GROUP];
const RULE_RESOURCES = [SECURITY_GROUP_RULE, VPC_INGRESS_RULE];
const FIX = "Allow it only from an admin CIDR (for example 203.0.113.10/32), or remove the rules and use SSM Session Manager.";

/** A group (or a group id outside the stack) with the resources that carry its rules. */
interface Member {
    readonly resource: StackResource;
    readonly rules: readonly NormalizedRule[];
}

function membersOf(resources: readonly StackResource[]): Member[] {
    const out: Member[] = [];
    for (const r of resources) {
        const rules = rulesOf(r.type, r.props);
        // A rule list unknown during preview is noted by the per-resource policies.
        if (rules !== UNKNOWN && rules.length > 0) out.push({ resource: r, rules });
    }
    return out;
}

export const securityGroupNoPublicAdminPortsAcrossRules = stackPolicy({
    name: "ec2-security-group-no-public-admin-ports-across-rules",
    description: "The rules of one security group, inline and in separate rule resources, do not together open SSH (TCP 22) or RDP (3389) to an internet-wide range, even when each rule alone opens only a narrow block.",
    severity: "critical",
    enforcementLevel: "mandatory",
    frameworks: [{ framework: "fsbp", control: "EC2.13" }, { framework: "fsbp", control: "EC2.14" }, { framework: "cis", control: "5.2" }],
    topics: ["network"],
    resourceTypes: RULE_TYPES,
    remediation: FIX,
    url: SG_DOCS,
    check(stack, _config, report) {
        const links = stack.links(RULE_RESOURCES, "securityGroupId", GROUPS, ["id"]);
        const byGroup = new Map<string, { owner: StackResource; members: StackResource[] }>();
        for (const group of stack.ofType(GROUPS)) byGroup.set(group.urn, { owner: group, members: [group, ...(links.byTarget.get(group.urn) ?? [])] });
        // Rules of a group created elsewhere (a known id no group of the stack has): joined by that id.
        for (const r of stack.ofType(RULE_RESOURCES)) {
            const t = stack.target(r, "securityGroupId", GROUPS, ["id"]);
            if (t.kind !== "external") continue;
            const key = `external:${t.value}`;
            const entry = byGroup.get(key);
            if (entry === undefined) byGroup.set(key, { owner: r, members: [r] });
            else entry.members.push(r);
        }
        for (const { owner, members: resources } of byGroup.values()) {
            const members = membersOf(resources);
            if (members.length < 2) continue;
            for (const guard of GUARDS) {
                const matches = reachesPort(guard);
                // A resource that opens the port by itself is reported by the per-resource policy.
                if (members.some((m) => worldIngress(m.rules, matches).some((v) => v.kind === "open"))) continue;
                const open = worldIngress(members.flatMap((m) => m.rules), matches).find((v): v is Extract<Verdict, { kind: "open" }> => v.kind === "open");
                if (open === undefined) continue;
                const contributing = members.filter((m) => m.rules.some((rule) => rule.direction === "ingress" && matches(rule) === true
                    && rule.peers.some((p) => p.kind === "cidr"))).map((m) => m.resource.name);
                const group = owner.type === SECURITY_GROUP || owner.type === DEFAULT_SECURITY_GROUP ? "its rules" : `the rules of group ${String(owner.props.securityGroupId)}`;
                report.violation(owner, `${group} in ${contributing.length} resources (${contributing.join(", ")}) together open ${guard.label} to the internet: ${open.source}. ${FIX}`);
            }
        }
        for (const r of links.unresolved) {
            const rules = rulesOf(r.type, r.props);
            if (rules === UNKNOWN) continue;
            for (const guard of GUARDS) {
                if (rules.some((rule) => rule.direction !== "egress" && reachesPort(guard)(rule) !== false && rule.peers.some((p) => p.kind === "cidr"))) {
                    report.unknown(r, `whether this rule and the other rules of its group together open ${guard.label} to the internet`, "securityGroupId");
                    break;
                }
            }
        }
    },
});
