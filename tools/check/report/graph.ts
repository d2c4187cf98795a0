// A picture of the planned architecture (`--graph FILE.mmd|FILE.dot`): one box per component
// under the stack with the resources that make the architecture (compute, load balancers and
// edges, data stores, queues, identity pools, web ACLs), network edges from security-group rules
// (who may reach whom, on which ports, the internet included) and data edges from the inputs one
// takes from another, followed through what is not drawn (a task definition, a role and its
// policies), so a service points at the buckets and tables it uses. Everything else (rules,
// attachments, bucket settings, roles, alarms, records) is counted in its component's title, so a
// 300-resource stack stays readable. Names come from the plan: labels are escaped for the target.
import type { Json } from "../engine/types";
import type { ReportResource } from "./model";
import { displayType } from "./render";
import { topComponent } from "./top-component";

/** What the picture draws. */
const ARCHITECTURE = new Set([
    "aws:ec2/instance:Instance", "aws:autoscaling/group:Group", "aws:ecs/service:Service", "aws:lambda/function:Function",
    "aws:lb/loadBalancer:LoadBalancer", "aws:alb/loadBalancer:LoadBalancer", "aws:cloudfront/distribution:Distribution",
    "aws:apigatewayv2/api:Api", "aws:apigateway/restApi:RestApi", "aws:ec2/natGateway:NatGateway", "awsx:ec2:Vpc",
    "aws:s3/bucket:Bucket", "aws:s3/bucketV2:BucketV2", "aws:ebs/volume:Volume", "aws:dynamodb/table:Table", "aws:elasticache/replicationGroup:ReplicationGroup",
    "aws:elasticache/cluster:Cluster", "aws:rds/instance:Instance", "aws:rds/cluster:Cluster", "aws:efs/fileSystem:FileSystem",
    "aws:sqs/queue:Queue", "aws:sns/topic:Topic", "aws:kinesis/stream:Stream", "aws:sfn/stateMachine:StateMachine",
    "aws:cognito/userPool:UserPool", "aws:wafv2/webAcl:WebAcl", "aws:secretsmanager/secret:Secret",
]);
/** Inputs through which a resource uses a security group (so it is who the group's rules let in). */
const SG_USE = ["vpcSecurityGroupIds", "securityGroups", "securityGroupIds", "networkConfiguration", "vpcConfig", "networkInterfaces"];
/** Not followed for data edges: every component uses them, and they would connect everything. */
const PLUMBING = /^aws:(kms\/key|kms\/alias|cloudwatch\/logGroup|cloudwatch\/metricAlarm|ec2\/vpc|ec2\/subnet|ec2\/securityGroup|vpc\/securityGroup(Ingress|Egress)Rule|acm\/certificate|acm\/certificateValidation):/;
/** How far data edges are followed through resources that are not drawn. */
const DEPTH = 3;

interface Node {
    id: string;
    label: string;
    group: string;
}

interface Edge {
    from: string;
    to: string;
    label?: string;
    kind: "network" | "data";
}

export interface PlanGraph {
    groups: { id: string; label: string }[];
    nodes: Node[];
    edges: Edge[];
}

const str = (v: Json | undefined): string | undefined => (typeof v === "string" ? v : undefined);

function ports(props: Record<string, Json>): string {
    const proto = str(props.ipProtocol) ?? str(props.protocol) ?? "";
    const from = props.fromPort;
    const to = props.toPort;
    if (proto === "-1" || proto === "all") return "all";
    if (typeof from === "number" && typeof to === "number") return `${proto} ${from === to ? from : `${from}-${to}`}`;
    return proto || "?";
}

/** The graph of a planned stack, from the report's resources. */
export function planGraph(resources: readonly ReportResource[]): PlanGraph {
    const visible = resources.filter((r) => !r.defaultProvider && !r.type.startsWith("pulumi:providers:"));
    const byUrn = new Map(visible.map((r) => [r.urn, r]));
    const deps = (r: ReportResource, keys?: readonly string[]) =>
        (keys ?? Object.keys(r.propertyDependencies)).flatMap((k) => r.propertyDependencies[k] ?? []).filter((u) => byUrn.has(u));
    const planned = visible.filter((r) => (r.custom || r.remote) && !r.read);
    const groups = new Map<string, { id: string; label: string; others: number }>();
    const groupOf = (r: ReportResource) => {
        const t = topComponent(r, byUrn);
        const key = t?.urn ?? "stack";
        let g = groups.get(key);
        if (g === undefined) {
            g = { id: `g${groups.size}`, label: t ? `${t.name} (${t.type})` : "resources of the stack", others: 0 };
            groups.set(key, g);
        }
        return g;
    };
    const nodes = new Map<string, Node>();
    for (const r of planned) {
        const g = groupOf(r);
        if (ARCHITECTURE.has(r.type)) nodes.set(r.urn, { id: `n${nodes.size}`, label: `${displayType(r.type)}\n${r.name}`, group: g.id });
        else g.others++;
    }

    const edges = new Map<string, Edge>();
    const add = (e: Edge) => {
        if (e.from === e.to) return;
        const key = `${e.from}>${e.to}>${e.kind}`;
        const old = edges.get(key);
        if (old === undefined) edges.set(key, e);
        else if (e.label && old.label !== undefined && !old.label.split(", ").includes(e.label)) old.label = `${old.label}, ${e.label}`;
    };
    // Network: who uses each security group (a drawn resource, or one a drawn resource is built
    // from, e.g. the launch template of a group), and what the group's ingress rules let in.
    const users = new Map<string, string[]>();
    const drawnUsers = (urn: string): string[] => {
        const direct = nodes.get(urn);
        if (direct) return [direct.id];
        return planned.filter((r) => nodes.has(r.urn) && deps(r).includes(urn)).map((r) => nodes.get(r.urn)!.id);
    };
    for (const r of planned) {
        for (const sg of deps(r, SG_USE)) {
            if (byUrn.get(sg)?.type !== "aws:ec2/securityGroup:SecurityGroup") continue;
            users.set(sg, [...new Set([...(users.get(sg) ?? []), ...drawnUsers(r.urn)])]);
        }
    }
    let internet = false;
    const cidrs = new Map<string, string>();
    /** Edges for one ingress rule of `group`: from the groups it references, or from its CIDR. */
    const admit = (group: string, sources: readonly string[], cidr: string | undefined, label: string) => {
        const from = sources.flatMap((src) => users.get(src) ?? []);
        if (sources.length === 0 && (cidr === "0.0.0.0/0" || cidr === "::/0")) {
            internet = true;
            from.push("internet");
        } else if (sources.length === 0 && cidr !== undefined && cidr !== "") {
            // An allowlisted network (an office, a partner): one node per CIDR.
            const id = `cidr${cidrs.size}`;
            if (!cidrs.has(cidr)) cidrs.set(cidr, id);
            from.push(cidrs.get(cidr)!);
        }
        for (const f of from) for (const t of users.get(group) ?? []) add({ from: f, to: t, label, kind: "network" });
    };
    for (const r of planned) {
        // Rules inline in the group (as most programs write them): `ingress: [{ cidrBlocks, securityGroups, ... }]`.
        if (r.type === "aws:ec2/securityGroup:SecurityGroup" && Array.isArray(r.props.ingress)) {
            // Which inline rule references which group is not recorded: every referencing rule gets the groups the ingress input depends on.
            const referenced = deps(r, ["ingress"]).filter((u) => byUrn.get(u)?.type === "aws:ec2/securityGroup:SecurityGroup");
            for (const rule of r.props.ingress) {
                if (rule === null || typeof rule !== "object" || Array.isArray(rule)) continue;
                const label = ports(rule);
                const blocks = [...(Array.isArray(rule.cidrBlocks) ? rule.cidrBlocks : []), ...(Array.isArray(rule.ipv6CidrBlocks) ? rule.ipv6CidrBlocks : [])];
                for (const cidr of blocks) admit(r.urn, [], str(cidr), label);
                if ((Array.isArray(rule.securityGroups) && rule.securityGroups.length > 0) || rule.self === true) {
                    admit(r.urn, rule.self === true ? [r.urn, ...referenced] : referenced, undefined, label);
                }
            }
            continue;
        }
        const ingress = /^aws:vpc\/securityGroupIngressRule:/.test(r.type) || (/^aws:ec2\/securityGroupRule:/.test(r.type) && r.props.type === "ingress");
        if (!ingress) continue;
        const [group] = deps(r, ["securityGroupId"]);
        if (group === undefined) continue;
        const sources = deps(r, ["referencedSecurityGroupId", "sourceSecurityGroupId"]);
        const cidr = str(r.props.cidrIpv4) ?? str(r.props.cidrIpv6) ?? (Array.isArray(r.props.cidrBlocks) ? str(r.props.cidrBlocks[0]) : undefined);
        admit(group, sources, cidr, ports(r.props));
    }
    // Public entry points without a security group: CDNs and APIs (HTTPS), internet-facing load
    // balancers that no group filters (NLBs), with their listeners' ports.
    const filtered = new Set([...users.values()].flat());
    for (const r of planned) {
        const node = nodes.get(r.urn);
        if (node === undefined || filtered.has(node.id)) continue;
        if (/^aws:(cloudfront\/distribution|apigatewayv2\/api|apigateway\/restApi):/.test(r.type)) {
            internet = true;
            add({ from: "internet", to: node.id, label: "https", kind: "network" });
        } else if (/^aws:(lb|alb)\/loadBalancer:/.test(r.type) && r.props.internal !== true) {
            const listeners = planned.filter((l) => /^aws:(lb|alb)\/listener:/.test(l.type) && deps(l, ["loadBalancerArn"]).includes(r.urn));
            for (const l of listeners) {
                internet = true;
                add({ from: "internet", to: node.id, label: `${(str(l.props.protocol) ?? "tcp").toLowerCase()} ${String(l.props.port ?? "?")}`, kind: "network" });
            }
        }
    }
    // Data: from each drawn resource through its inputs, across what is not drawn, to drawn ones.
    const dependents = new Map<string, string[]>();
    for (const r of planned) for (const d of deps(r)) dependents.set(d, [...(dependents.get(d) ?? []), r.urn]);
    for (const r of planned) {
        const from = nodes.get(r.urn);
        if (from === undefined) continue;
        const seen = new Set([r.urn]);
        let frontier = [r.urn];
        for (let depth = 0; depth < DEPTH && frontier.length > 0; depth++) {
            const next: string[] = [];
            for (const urn of frontier) {
                const cur = byUrn.get(urn)!;
                // Inputs of the resource, and of the side resources that point at it (a role's policies).
                const sides = depth === 0 ? [] : (dependents.get(urn) ?? []).filter((u) => !nodes.has(u) && /Polic|Attachment/.test(byUrn.get(u)!.type));
                for (const d of [...deps(cur).filter((u) => !SG_USE.some((k) => (cur.propertyDependencies[k] ?? []).includes(u))), ...sides.flatMap((s) => deps(byUrn.get(s)!))]) {
                    if (seen.has(d)) continue;
                    seen.add(d);
                    const target = byUrn.get(d)!;
                    // The VPC holds nearly everything: containment, not data.
                    if (PLUMBING.test(target.type) || target.type === "awsx:ec2:Vpc") continue;
                    const to = nodes.get(d);
                    if (to !== undefined) add({ from: from.id, to: to.id, kind: "data" });
                    else next.push(d);
                }
            }
            frontier = next;
        }
    }
    const allNodes = [...nodes.values()];
    for (const [cidr, id] of [...cidrs].reverse()) allNodes.unshift({ id, label: cidr, group: "" });
    if (internet) allNodes.unshift({ id: "internet", label: "internet", group: "" });
    const groupList = [...groups.values()].map((g) => ({ id: g.id, label: g.others > 0 ? `${g.label} + ${g.others} supporting resources` : g.label }));
    return { groups: groupList.filter((g) => allNodes.some((n) => n.group === g.id)), nodes: allNodes, edges: [...edges.values()] };
}

/** Mermaid text: quotes and markup characters as entity codes, lines as <br/>. */
function mermaidLabel(text: string): string {
    const escaped = text.replace(/[^A-Za-z0-9 .,:/()_\n-]/g, (c) => `#${c.codePointAt(0)};`);
    return `"${escaped.replace(/\n/g, "<br/>")}"`;
}

export function toMermaid(g: PlanGraph): string {
    const out = ["flowchart LR"];
    const inGroup = (id: string) => g.nodes.filter((n) => n.group === id);
    const node = (n: Node) => (n.group === "" ? `${n.id}((${mermaidLabel(n.label)}))` : `${n.id}[${mermaidLabel(n.label)}]`);
    for (const n of inGroup("")) out.push(`    ${node(n)}`);
    for (const grp of g.groups) {
        out.push(`    subgraph ${grp.id}[${mermaidLabel(grp.label)}]`);
        for (const n of inGroup(grp.id)) out.push(`        ${node(n)}`);
        out.push("    end");
    }
    for (const e of g.edges) {
        out.push(e.kind === "network" ? `    ${e.from} -->|${mermaidLabel(e.label ?? "")}| ${e.to}` : `    ${e.from} -.-> ${e.to}`);
    }
    return out.join("\n") + "\n";
}

/** A DOT string: backslashes and quotes escaped, line breaks as \n, other control characters as spaces. */
function dotLabel(text: string): string {
    const escaped = text
        .replace(/\\/g, "\\\\")
        .replace(/"/g, '\\"')
        .replace(/\r\n|[\r\n\u2028\u2029]/g, "\\n")
        .replace(/[\u0000-\u001f\u007f]/g, " ");
    return `"${escaped}"`;
}

export function toDot(g: PlanGraph): string {
    const out = ["digraph plan {", "    rankdir=LR;", "    node [shape=box, fontname=\"Helvetica\"];"];
    for (const n of g.nodes.filter((x) => x.group === "")) out.push(`    ${n.id} [label=${dotLabel(n.label)}, shape=ellipse];`);
    for (const grp of g.groups) {
        out.push(`    subgraph cluster_${grp.id} {`, `        label=${dotLabel(grp.label)};`);
        for (const n of g.nodes.filter((x) => x.group === grp.id)) out.push(`        ${n.id} [label=${dotLabel(n.label)}];`);
        out.push("    }");
    }
    for (const e of g.edges) {
        out.push(e.kind === "network" ? `    ${e.from} -> ${e.to} [label=${dotLabel(e.label ?? "")}];` : `    ${e.from} -> ${e.to} [style=dashed];`);
    }
    out.push("}");
    return out.join("\n") + "\n";
}
