// The picture of a plan (--graph): what is drawn and what is folded away, network edges from
// security-group rules (internet, allowlisted networks, group to group, with ports), data edges
// followed through what is not drawn, labels escaped for Mermaid and Graphviz whatever the plan's
// names are, and the CLI writing it for a program of its own.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as fc from "fast-check";
import type { ReportResource } from "../../tools/check/report/model";
import { planGraph, toDot, toMermaid } from "../../tools/check/report/graph";
import { FIXTURE_APP, runCli } from "./run-cli";

const STACK_URN = "urn:pulumi:s::p::pulumi:pulumi:Stack::p-s";
function res(type: string, name: string, props: Record<string, unknown> = {}, propertyDependencies: Record<string, string[]> = {}, parent = "urn:c"): ReportResource {
    return {
        urn: `urn:${name}`, type, name, parent, props: props as ReportResource["props"], dependencies: Object.values(propertyDependencies).flat(),
        protect: false, propertyDependencies, provider: null, custom: true, remote: false,
        options: { ignoreChanges: [], retainOnDelete: false, additionalSecretOutputs: [], replaceOnChanges: [], aliases: [] },
    };
}
const component = { ...res("acme:web:Site", "site", {}, {}, STACK_URN), urn: "urn:c", custom: false };
const stack = { ...res("pulumi:pulumi:Stack", "p-s", {}, {}, ""), urn: STACK_URN, parent: null, custom: false };

function plan(): ReportResource[] {
    return [
        stack, component,
        res("aws:ec2/securityGroup:SecurityGroup", "lb-sg"),
        res("aws:ec2/securityGroup:SecurityGroup", "app-sg"),
        res("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", "lb-in", { cidrIpv4: "0.0.0.0/0", ipProtocol: "tcp", fromPort: 443, toPort: 443 }, { securityGroupId: ["urn:lb-sg"] }),
        res("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", "app-in", { ipProtocol: "tcp", fromPort: 8080, toPort: 8080 }, { securityGroupId: ["urn:app-sg"], referencedSecurityGroupId: ["urn:lb-sg"] }),
        res("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", "admin-in", { cidrIpv4: "203.0.113.0/24", ipProtocol: "tcp", fromPort: 22, toPort: 22 }, { securityGroupId: ["urn:app-sg"] }),
        res("aws:lb/loadBalancer:LoadBalancer", "lb", {}, { securityGroups: ["urn:lb-sg"] }),
        res("aws:s3/bucket:Bucket", "data"),
        res("aws:s3/bucketPolicy:BucketPolicy", "data-policy", {}, { bucket: ["urn:data"] }),
        res("aws:iam/role:Role", "app-role"),
        res("aws:iam/rolePolicy:RolePolicy", "app-role-policy", {}, { role: ["urn:app-role"], policy: ["urn:data"] }),
        res("aws:ecs/taskDefinition:TaskDefinition", "task", {}, { taskRoleArn: ["urn:app-role"] }),
        res("aws:ecs/service:Service", "app", {}, { taskDefinition: ["urn:task"], networkConfiguration: ["urn:app-sg"] }),
        res("aws:cloudwatch/metricAlarm:MetricAlarm", "app-cpu"),
    ];
}

describe("check: the picture of a plan (--graph)", function () {
    this.timeout(300_000);

    it("draws the architecture and counts the rest in its component's title", () => {
        const g = planGraph(plan());
        const labels = g.nodes.map((n) => n.label.replace("\n", " "));
        assert.deepEqual(labels.sort(), ["203.0.113.0/24", "aws:ecs:Service app", "aws:lb:LoadBalancer lb", "aws:s3:Bucket data", "internet"]);
        assert.equal(g.groups.length, 1);
        assert.match(g.groups[0].label, /^site \(acme:web:Site\) \+ 10 supporting resources$/);
    });

    it("draws who may reach whom on which ports, from the rules of the groups they use", () => {
        const g = planGraph(plan());
        const id = (label: string) => g.nodes.find((n) => n.label.endsWith(label))!.id;
        const network = g.edges.filter((e) => e.kind === "network").map((e) => `${e.from}>${e.to}:${e.label}`).sort();
        assert.deepEqual(network, [`${id("203.0.113.0/24")}>${id("\napp")}:tcp 22`, `${id("\nlb")}>${id("\napp")}:tcp 8080`, `internet>${id("\nlb")}:tcp 443`].sort());
    });

    it("finds the group an Auto Scaling group's instances use through its launch template's network interfaces", () => {
        const resources = plan().filter((r) => r.name !== "app");
        resources.push(
            res("aws:ec2/launchTemplate:LaunchTemplate", "app-lt", {}, { networkInterfaces: ["urn:app-sg"] }),
            res("aws:autoscaling/group:Group", "app-asg", {}, { launchTemplate: ["urn:app-lt"] }),
        );
        const g = planGraph(resources);
        const id = (label: string) => g.nodes.find((n) => n.label.endsWith(label))!.id;
        assert.ok(g.edges.some((e) => e.kind === "network" && e.from === id("\nlb") && e.to === id("\napp-asg") && e.label === "tcp 8080"),
            "the load balancer reaches the instances on the app port");
    });

    it("reads the rules written inline in a group, as most programs write them (CIDRs and referenced groups)", () => {
        const g = planGraph([
            stack, component,
            res("aws:ec2/securityGroup:SecurityGroup", "lb-sg", { ingress: [{ protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["0.0.0.0/0"] }] }),
            res("aws:ec2/securityGroup:SecurityGroup", "web-sg", {
                ingress: [
                    { protocol: "tcp", fromPort: 80, toPort: 80, securityGroups: ["<unknown>"] },
                    { protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: ["198.51.100.7/32"] },
                ],
            }, { ingress: ["urn:lb-sg"] }),
            res("aws:lb/loadBalancer:LoadBalancer", "lb", {}, { securityGroups: ["urn:lb-sg"] }),
            res("aws:ec2/instance:Instance", "web", {}, { vpcSecurityGroupIds: ["urn:web-sg"] }),
        ]);
        const id = (label: string) => g.nodes.find((n) => n.label.endsWith(label))!.id;
        const network = g.edges.filter((e) => e.kind === "network").map((e) => `${e.from}>${e.to}:${e.label}`).sort();
        assert.deepEqual(network, [`${id("198.51.100.7/32")}>${id("\nweb")}:tcp 22`, `${id("\nlb")}>${id("\nweb")}:tcp 80`, `internet>${id("\nlb")}:tcp 443`].sort());
    });

    it("follows data through what is not drawn: the service reaches the bucket through its task definition, role and policy", () => {
        const g = planGraph(plan());
        const id = (label: string) => g.nodes.find((n) => n.label.endsWith(label))!.id;
        assert.deepEqual(g.edges.filter((e) => e.kind === "data").map((e) => `${e.from}>${e.to}`), [`${id("\napp")}>${id("\ndata")}`]);
    });

    it("escapes every label for Mermaid and Graphviz, whatever the names", () => {
        fc.assert(fc.property(fc.string({ unit: "binary", maxLength: 40 }), (name) => {
            const resources = plan().map((r) => (r.name === "data" ? { ...r, name } : r));
            const mermaid = toMermaid(planGraph(resources));
            for (const line of mermaid.split("\n").filter((l) => l.includes("["))) {
                // A label is one quoted string with no quote, bracket or line break inside.
                const label = /\["(.*)"\]$/.exec(line.trim())?.[1];
                assert.ok(label !== undefined && !/["[\]\n\r]/.test(label), line);
            }
            const dot = toDot(planGraph(resources));
            for (const m of dot.matchAll(/label="((?:[^"\\]|\\.)*)"/g)) assert.doesNotMatch(m[1], /[\n\r]/);
            assert.equal((dot.match(/(?<!\\)"/g) ?? []).length % 2, 0, "quotes balanced");
        }), { seed: 20261204, numRuns: 300 });
    });

    it("writes Mermaid or Graphviz for a program of its own, and refuses another extension before running", async () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "graph-"));
        try {
            const [mmd, dot, bad] = await Promise.all([
                runCli(["--program", FIXTURE_APP, "--stack", "safe", "--no-policy", "--graph", path.join(dir, "plan.mmd")]),
                runCli(["--program", FIXTURE_APP, "--stack", "safe", "--no-policy", "--graph", path.join(dir, "plan.dot")]),
                runCli(["--program", FIXTURE_APP, "--stack", "safe", "--no-policy", "--graph", path.join(dir, "plan.png")]),
            ]);
            assert.equal(mmd.code, 0, mmd.stderr);
            assert.match(fs.readFileSync(path.join(dir, "plan.mmd"), "utf8"), /^flowchart LR\n[\s\S]*aws:ec2:Instance<br\/>web-0-host/);
            assert.equal(dot.code, 0, dot.stderr);
            assert.match(fs.readFileSync(path.join(dir, "plan.dot"), "utf8"), /^digraph plan \{[\s\S]*subgraph cluster_g\d+ \{[\s\S]*\}\n$/);
            assert.equal(bad.code, 2);
            assert.match(bad.stderr, /--graph ".*plan\.png": name a \.mmd \(Mermaid\) or \.dot \(Graphviz\) file/);
        } finally {
            fs.rmSync(dir, { recursive: true, force: true });
        }
    });
});
