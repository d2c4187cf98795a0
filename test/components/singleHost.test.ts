import * as assert from "node:assert/strict";
import { SingleHost } from "../../components/architectures/phase1/singleHost";
import { type Registration } from "../../tools/mocks";
import { named, ofType, runWithMocks, valueOf } from "../helpers/pulumi";
import { settingsFrom, type RawConfig } from "../helpers/settings";

interface Built {
    host: SingleHost;
    registrations: Registration[];
}

async function build(raw: RawConfig, stack = "dev"): Promise<Built> {
    const settings = settingsFrom({ appName: "chat", ...raw }, { stack });
    const { result, registrations } = await runWithMocks(() => new SingleHost(`chat-${settings.environment}`, settings));
    return { host: result, registrations };
}

/** Ingress rules as "proto port source" strings, from the registered rule resources. */
function ingressOf(registrations: Registration[]): string[] {
    return ofType(registrations, "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule")
        .map((r) => `${r.inputs.ipProtocol} ${r.inputs.fromPort} ${r.inputs.cidrIpv4 ?? r.inputs.cidrIpv6}`)
        .sort();
}

describe("SingleHost (phase 1) under mocks", function () {
    describe("dev-like defaults", () => {
        let built: Built;
        before(async () => { built = await build({ appPort: 5000 }); });

        it("registers the component with its type token", () => {
            assert.equal(ofType(built.registrations, "stagecraft:phase1:SingleHost").length, 1);
            for (const type of ["stagecraft:network:Network", "stagecraft:security:RuleSetGroup", "stagecraft:iam:InstanceRole",
                "stagecraft:observability:LogGroup", "stagecraft:observability:AlertTopic", "stagecraft:observability:HealthCheckAlarm",
                "stagecraft:deploy:DeployDocuments"]) {
                assert.equal(ofType(built.registrations, type).length, 1, type);
            }
            assert.equal(ofType(built.registrations, "stagecraft:storage:AppBuckets").length, 1);
            assert.equal(ofType(built.registrations, "stagecraft:storage:SecureBucket").length, 3);
        });

        it("opens exactly 80, 443 and the app port to the world, and no SSH", () => {
            assert.deepEqual(ingressOf(built.registrations), ["tcp 443 0.0.0.0/0", "tcp 5000 0.0.0.0/0", "tcp 80 0.0.0.0/0"]);
        });

        it("the security group has no inline rules and a description", () => {
            const sg = named(built.registrations, "chat-dev-host-sg");
            assert.equal(sg.type, "aws:ec2/securityGroup:SecurityGroup");
            assert.equal(sg.inputs.ingress, undefined);
            assert.equal(sg.inputs.egress, undefined);
            assert.match(sg.inputs.description, /single host/);
        });

        it("egress is limited to 80 and 443", () => {
            const egress = ofType(built.registrations, "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule")
                .map((r) => `${r.inputs.ipProtocol} ${r.inputs.fromPort} ${r.inputs.cidrIpv4}`).sort();
            assert.deepEqual(egress, ["tcp 443 0.0.0.0/0", "tcp 80 0.0.0.0/0"]);
        });

        it("the instance requires IMDSv2 and has an encrypted 30 GB gp3 root volume", () => {
            const [instance] = ofType(built.registrations, "aws:ec2/instance:Instance");
            assert.equal(instance.inputs.metadataOptions.httpTokens, "required");
            assert.equal(instance.inputs.metadataOptions.httpEndpoint, "enabled");
            assert.deepEqual(
                { type: instance.inputs.rootBlockDevice.volumeType, size: instance.inputs.rootBlockDevice.volumeSize, encrypted: instance.inputs.rootBlockDevice.encrypted },
                { type: "gp3", size: 30, encrypted: true },
            );
            assert.equal(instance.inputs.instanceType, "t3.micro");
            assert.deepEqual(instance.inputs.creditSpecification, { cpuCredits: "standard" });
        });

        it("boots the Amazon Linux 2023 AMI found by filter", () => {
            const [instance] = ofType(built.registrations, "aws:ec2/instance:Instance");
            assert.match(instance.inputs.ami, /^ami-[0-9a-f]+$/);
        });

        it("runs the app from user data with the configured port", () => {
            const [instance] = ofType(built.registrations, "aws:ec2/instance:Instance");
            assert.match(instance.inputs.userData, /dnf install -y docker/);
            assert.match(instance.inputs.userData, /PORT: "5000"/);
            assert.match(instance.inputs.userData, /awslogs-group: "\/chat\/dev\/containers"/);
        });

        it("gives the host an Elastic IP attached to the instance", () => {
            const [eip] = ofType(built.registrations, "aws:ec2/eip:Eip");
            assert.equal(eip.inputs.domain, "vpc");
            assert.match(eip.inputs.instance, /chat-dev-host-id/);
        });

        it("creates uploads, static and backups buckets, each private, encrypted and TLS-only", () => {
            const buckets = ofType(built.registrations, "aws:s3/bucket:Bucket");
            assert.deepEqual(buckets.map((b) => b.inputs.bucketPrefix).sort(), ["chat-dev-backups-", "chat-dev-static-", "chat-dev-uploads-"]);
            for (const purpose of ["uploads", "static", "backups"]) {
                const base = `chat-dev-${purpose}`;
                const pab = named(built.registrations, `${base}-pab`);
                assert.deepEqual(
                    [pab.inputs.blockPublicAcls, pab.inputs.blockPublicPolicy, pab.inputs.ignorePublicAcls, pab.inputs.restrictPublicBuckets],
                    [true, true, true, true], purpose);
                const sse = named(built.registrations, `${base}-sse`);
                assert.equal(sse.inputs.rules[0].applyServerSideEncryptionByDefault.sseAlgorithm, "AES256", purpose);
                assert.equal(named(built.registrations, `${base}-ownership`).inputs.rule.objectOwnership, "BucketOwnerEnforced");
                assert.deepEqual(named(built.registrations, `${base}-tls-only`).inputs.policy.Statement[0].Condition, { Bool: { "aws:SecureTransport": "false" } });
                assert.equal(named(built.registrations, base).inputs.forceDestroy, false);
            }
        });

        it("versions backups and uploads, and expires backups and their replaced versions", () => {
            assert.equal(named(built.registrations, "chat-dev-backups-versioning").inputs.versioningConfiguration.status, "Enabled");
            assert.equal(named(built.registrations, "chat-dev-uploads-versioning").inputs.versioningConfiguration.status, "Enabled");
            assert.equal(ofType(built.registrations, "aws:s3/bucketVersioning:BucketVersioning").length, 2);
            const rules = named(built.registrations, "chat-dev-backups-lifecycle").inputs.rules;
            const retention = rules.find((r: { id: string }) => r.id === "backup-retention");
            assert.deepEqual(retention.expiration, { days: 30 });
            assert.deepEqual(retention.noncurrentVersionExpiration, { noncurrentDays: 30 });
            assert.equal(retention.transitions, undefined, "no storage-class transitions in dev");
        });

        it("keeps container logs in /<app>/<env>/containers with retention", () => {
            const [group] = ofType(built.registrations, "aws:cloudwatch/logGroup:LogGroup");
            assert.equal(group.inputs.name, "/chat/dev/containers");
            assert.equal(group.inputs.retentionInDays, 14);
        });

        it("the host role's policy names every action and scopes every resource to this stack", () => {
            const policy = named(built.registrations, "chat-dev-host-role-access").inputs.policy;
            for (const s of policy.Statement) {
                for (const action of s.Action) assert.doesNotMatch(action, /\*/);
                // PutMetricData names no resource: its one "*" is scoped by the namespace condition instead.
                if (s.Sid === "PutHostMetricsInItsNamespace") continue;
                for (const resource of s.Resource) {
                    assert.ok(/chat-dev-(uploads|static|backups)|log-group:\/chat\/dev\/containers|parameter\/chat\/dev/.test(resource), resource);
                }
            }
        });

        it("the host role puts metrics only into chat/dev/host: PutMetricData alone, under a cloudwatch:namespace condition", () => {
            const policy = named(built.registrations, "chat-dev-host-role-access").inputs.policy;
            const wildcard = policy.Statement.filter((s: { Resource: string[] }) => s.Resource.includes("*"));
            assert.deepEqual(wildcard, [{
                Sid: "PutHostMetricsInItsNamespace",
                Effect: "Allow",
                Action: ["cloudwatch:PutMetricData"],
                Resource: ["*"],
                Condition: { StringEquals: { "cloudwatch:namespace": "chat/dev/host" } },
            }]);
            const others = policy.Statement.flatMap((s: { Action: string[] }) => s.Action).filter((a: string) => /^(cloudwatch|ec2):/.test(a) && a !== "cloudwatch:PutMetricData");
            assert.deepEqual(others, [], "no other CloudWatch or EC2 action: the agent needs only PutMetricData for metrics");
            assert.equal(ofType(built.registrations, "aws:iam/rolePolicyAttachment:RolePolicyAttachment").filter((a) => /CloudWatchAgent/.test(a.inputs.policyArn)).length, 0);
        });

        it("alarms on CPU, CPU credits (t3 is burstable), memory and disk of /, all to the alert topic", async () => {
            const topic = await valueOf(built.host.alertTopicArn);
            const alarms = ofType(built.registrations, "aws:cloudwatch/metricAlarm:MetricAlarm").filter((a) => a.inputs.name.startsWith("chat-dev-host-"));
            const byName = new Map(alarms.map((a) => [a.inputs.name, a.inputs]));
            assert.deepEqual([...byName.keys()].sort(), ["chat-dev-host-cpu", "chat-dev-host-cpu-credits", "chat-dev-host-disk-root", "chat-dev-host-memory"]);
            const inputsOf = (alarmName: string) => {
                const found = byName.get(alarmName);
                assert.ok(found, alarmName);
                return found;
            };
            for (const a of alarms) {
                assert.deepEqual(a.inputs.alarmActions, [topic], a.inputs.name);
                assert.deepEqual(a.inputs.okActions, [topic], a.inputs.name);
                assert.equal(a.inputs.actionsEnabled, true);
            }
            const instanceId = await valueOf(built.host.instanceId);
            const cpu = inputsOf("chat-dev-host-cpu");
            assert.deepEqual([cpu.namespace, cpu.metricName, cpu.threshold, cpu.dimensions], ["AWS/EC2", "CPUUtilization", 80, { InstanceId: instanceId }]);
            const memory = inputsOf("chat-dev-host-memory");
            assert.deepEqual([memory.namespace, memory.metricName, memory.threshold, memory.dimensions], ["chat/dev/host", "mem_used_percent", 85, { InstanceId: instanceId }]);
            const root = inputsOf("chat-dev-host-disk-root");
            assert.deepEqual([root.namespace, root.metricName, root.threshold, root.dimensions], ["chat/dev/host", "disk_used_percent", 85, { InstanceId: instanceId, path: "/" }]);
            const credits = inputsOf("chat-dev-host-cpu-credits");
            assert.deepEqual(credits.metricQueries.find((q: { metric?: unknown }) => q.metric !== undefined).metric.dimensions, { InstanceId: instanceId });
        });

        it("installs the CloudWatch agent on first boot with its config and starts it", () => {
            const [instance] = ofType(built.registrations, "aws:ec2/instance:Instance");
            assert.match(instance.inputs.userData, /dnf install -y amazon-cloudwatch-agent/);
            assert.match(instance.inputs.userData, /amazon-cloudwatch-agent-ctl -a fetch-config -m ec2 -s -c file:\/opt\/aws\/amazon-cloudwatch-agent\/etc\/amazon-cloudwatch-agent.json/);
        });

        it("attaches only AmazonSSMManagedInstanceCore, never AdministratorAccess", () => {
            const attachments = ofType(built.registrations, "aws:iam/rolePolicyAttachment:RolePolicyAttachment");
            assert.deepEqual(attachments.map((a) => a.inputs.policyArn), ["arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore"]);
            const role = named(built.registrations, "chat-dev-host-role");
            assert.equal(role.type, "aws:iam/role:Role");
            assert.deepEqual(JSON.parse(role.inputs.assumeRolePolicy).Statement[0].Principal, { Service: "ec2.amazonaws.com" });
            assert.equal(role.inputs.managedPolicyArns, undefined);
        });

        it("health-checks /health over HTTP on the Elastic IP and alarms to the alert topic", async () => {
            const [check] = ofType(built.registrations, "aws:route53/healthCheck:HealthCheck");
            assert.equal(check.inputs.type, "HTTP");
            assert.equal(check.inputs.port, 80);
            assert.equal(check.inputs.resourcePath, "/health");
            assert.match(check.inputs.ipAddress, /^203\.0\.113\.\d+$/);
            const alarm = ofType(built.registrations, "aws:cloudwatch/metricAlarm:MetricAlarm").find((a) => a.inputs.name === "chat-health-dev");
            assert.ok(alarm);
            assert.equal(alarm.inputs.metricName, "HealthCheckStatus");
            assert.deepEqual(alarm.inputs.alarmActions, [await valueOf(built.host.alertTopicArn)]);
        });

        it("encrypts the alert topic with a rotating customer-managed key", () => {
            const [topic] = ofType(built.registrations, "aws:sns/topic:Topic");
            const [key] = ofType(built.registrations, "aws:kms/key:Key");
            assert.equal(key.inputs.enableKeyRotation, true);
            assert.match(topic.inputs.kmsMasterKeyId, /^arn:aws:kms:/);
            assert.equal(ofType(built.registrations, "aws:sns/topicSubscription:TopicSubscription").length, 0, "no e-mail configured");
        });

        it("creates deploy, rollback and status SSM documents; status only reads (the deploy tool's status)", () => {
            const docs = ofType(built.registrations, "aws:ssm/document:Document").map((d) => JSON.parse(d.inputs.content));
            assert.equal(docs.length, 3);
            assert.ok(docs.some((d) => "gitRef" in d.parameters));
            const status = docs.find((d) => d.mainSteps[0].name === "status");
            assert.ok(status, "a status document");
            assert.deepEqual(status.parameters, {});
            assert.deepEqual(status.mainSteps[0].inputs.runCommand, ["/usr/local/sbin/stagecraft-deploy status"]);
        });

        it("tags every taggable resource with project, environment and owner", () => {
            const tagged = built.registrations.filter((r) => r.inputs.tags !== undefined);
            assert.ok(tagged.length > 15);
            for (const r of tagged) {
                assert.deepEqual([r.inputs.tags.project, r.inputs.tags.environment, r.inputs.tags.owner], ["chat", "dev", "platform"], r.name);
            }
        });

        it("uses a public-subnet awsx VPC without NAT", () => {
            const [vpc] = ofType(built.registrations, "awsx:ec2:Vpc");
            assert.deepEqual(vpc.inputs.natGateways, { strategy: "None" });
            assert.deepEqual(vpc.inputs.subnetSpecs.map((s: { type: string }) => s.type), ["Public"]);
            assert.equal(ofType(built.registrations, "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup").length, 1);
        });

        it("outputs the URL on the Elastic IP and the bucket names", async () => {
            assert.match(await valueOf(built.host.url), /^http:\/\/203\.0\.113\.\d+$/);
            assert.match(await valueOf(built.host.bucketNames.backups), /^chat-dev-backups/);
        });

        it("protects nothing outside prod settings", () => {
            // protect is an option, not an input: checked through the stack test's engine recording.
            assert.equal(ofType(built.registrations, "aws:ec2/instance:Instance")[0].inputs.disableApiTermination, false);
        });
    });

    describe("SSH, IPv6 and Ubuntu", () => {
        let built: Built;
        before(async () => {
            built = await build({ sshCidrs: ["203.0.113.10/32"], enableIpv6: true, appPortCidrs: [], amiFamily: "ubuntu-22.04", instanceType: "t4g.small" });
        });

        it("allows SSH only from the admin CIDR and adds ::/0 for 80 and 443", () => {
            assert.deepEqual(ingressOf(built.registrations), [
                "tcp 22 203.0.113.10/32", "tcp 443 0.0.0.0/0", "tcp 443 ::/0", "tcp 80 0.0.0.0/0", "tcp 80 ::/0",
            ]);
        });

        it("gives the instance an IPv6 address in a dual-stack VPC", () => {
            const [instance] = ofType(built.registrations, "aws:ec2/instance:Instance");
            assert.equal(instance.inputs.ipv6AddressCount, 1);
            assert.equal(ofType(built.registrations, "awsx:ec2:Vpc")[0].inputs.assignGeneratedIpv6CidrBlock, true);
        });

        it("installs with apt and ufw on Ubuntu", () => {
            const [instance] = ofType(built.registrations, "aws:ec2/instance:Instance");
            assert.match(instance.inputs.userData, /apt-get install -y -q docker\.io/);
            assert.match(instance.inputs.userData, /ufw allow proto tcp from '203\.0\.113\.10\/32' to any port 22 /);
        });
    });

    describe("production settings", () => {
        let built: Built;
        before(async () => {
            built = await build({
                environment: "prod", tls: true, domain: "app.example.com", hostedZoneId: "Z0123456789EXAMPLE01",
                alertEmail: "ops@example.com", appPortCidrs: [], backupArchive: true, backupRetentionDays: 90,
                protectStateful: true, detailedMonitoring: true, vpcFlowLogs: true, logRetentionDays: 365, rootVolumeSizeGb: 50,
            }, "prod");
        });

        it("health-checks over HTTPS on the domain with SNI", () => {
            const [check] = ofType(built.registrations, "aws:route53/healthCheck:HealthCheck");
            assert.deepEqual([check.inputs.type, check.inputs.port, check.inputs.fqdn, check.inputs.enableSni], ["HTTPS", 443, "app.example.com", true]);
            assert.equal(check.inputs.ipAddress, undefined);
        });

        it("moves backups to Standard-IA and keeps them and their replaced versions 90 days", () => {
            const rules = named(built.registrations, "chat-prod-backups-lifecycle").inputs.rules;
            const retention = rules.find((r: { id: string }) => r.id === "backup-retention");
            assert.deepEqual(retention.transitions.map((t: { storageClass: string }) => t.storageClass), ["STANDARD_IA"]);
            assert.deepEqual(retention.expiration, { days: 90 });
            assert.deepEqual(retention.noncurrentVersionExpiration, { noncurrentDays: 90 });
        });

        it("turns on termination protection, keeps the root volume, one-minute metrics", () => {
            const [instance] = ofType(built.registrations, "aws:ec2/instance:Instance");
            assert.equal(instance.inputs.disableApiTermination, true);
            assert.equal(instance.inputs.rootBlockDevice.deleteOnTermination, false);
            assert.equal(instance.inputs.monitoring, true);
            assert.equal(instance.inputs.rootBlockDevice.volumeSize, 50);
        });

        it("publishes the app port on loopback only and serves the domain over HTTPS", async () => {
            const [instance] = ofType(built.registrations, "aws:ec2/instance:Instance");
            assert.match(instance.inputs.userData, /127\.0\.0\.1:5000:5000|127\.0\.0\.1:8000:8000/);
            assert.match(instance.inputs.userData, /^app\.example\.com \{$/m, "the Caddyfile's site is the domain: Caddy obtains its certificate");
            assert.deepEqual(ingressOf(built.registrations), ["tcp 443 0.0.0.0/0", "tcp 80 0.0.0.0/0"]);
            assert.equal(await valueOf(built.host.url), "https://app.example.com");
        });

        it("points the domain at the Elastic IP and subscribes the alert e-mail", () => {
            const [record] = ofType(built.registrations, "aws:route53/record:Record");
            assert.deepEqual([record.inputs.name, record.inputs.type, record.inputs.zoneId], ["app.example.com", "A", "Z0123456789EXAMPLE01"]);
            const [subscription] = ofType(built.registrations, "aws:sns/topicSubscription:TopicSubscription");
            assert.deepEqual([subscription.inputs.protocol, subscription.inputs.endpoint], ["email", "ops@example.com"]);
        });

        it("sends VPC flow logs to a log group with retention through a scoped role", () => {
            const [flowLog] = ofType(built.registrations, "aws:ec2/flowLog:FlowLog");
            assert.equal(flowLog.inputs.trafficType, "ALL");
            const groups = ofType(built.registrations, "aws:cloudwatch/logGroup:LogGroup");
            assert.ok(groups.every((g) => g.inputs.retentionInDays === 365));
            const policy = ofType(built.registrations, "aws:iam/rolePolicy:RolePolicy").find((p) => p.name === "chat-prod-network-flow-logs")!.inputs.policy;
            assert.ok(policy.Statement[0].Resource.every((r: string) => r.includes("/vpc/chat-prod-network/flow-logs")));
        });
    });

    describe("outside us-east-1", () => {
        it("puts the alarm and its topic in us-east-1, where Route53 health metrics live", async () => {
            const settings = settingsFrom({ appName: "chat" }, { stack: "dev", region: "sa-east-1" });
            const { registrations } = await runWithMocks(() => new SingleHost("chat-dev", settings), { region: "sa-east-1" });
            const providers = ofType(registrations, "pulumi:providers:aws");
            assert.equal(providers.length, 1);
            assert.equal(providers[0].inputs.region, "us-east-1");
            const alarm = ofType(registrations, "aws:cloudwatch/metricAlarm:MetricAlarm").find((a) => a.inputs.name === "chat-health-dev");
            assert.ok(alarm?.provider?.includes("chat-dev-us-east-1"), alarm?.provider);
        });

        it("puts the host's alarms in the host's region, notifying a topic there (an alarm reaches only a topic of its own region)", async () => {
            const settings = settingsFrom({ appName: "chat", alertEmail: "ops@example.com" }, { stack: "dev", region: "sa-east-1" });
            const { result, registrations } = await runWithMocks(() => new SingleHost("chat-dev", settings), { region: "sa-east-1" });
            const hostAlarms = ofType(registrations, "aws:cloudwatch/metricAlarm:MetricAlarm").filter((a) => a.inputs.name.startsWith("chat-dev-host-"));
            assert.equal(hostAlarms.length, 4, "cpu, cpu-credits, memory, disk-root");
            const regional = named(registrations, "chat-dev-host-alerts");
            assert.equal(regional.type, "aws:sns/topic:Topic");
            assert.equal(regional.inputs.name, "chat-dev-host-alerts");
            assert.ok(!(regional.provider ?? "").includes("us-east-1"), regional.provider);
            assert.match(regional.inputs.kmsMasterKeyId, /^arn:aws:kms:/);
            const hostTopic = await valueOf(result.hostAlertTopicArn);
            assert.notEqual(hostTopic, await valueOf(result.alertTopicArn));
            for (const a of hostAlarms) {
                assert.ok(!(a.provider ?? "").includes("us-east-1"), `${a.inputs.name} is in the host's region`);
                assert.deepEqual(a.inputs.alarmActions, [hostTopic], a.inputs.name);
            }
            const subscriptions = ofType(registrations, "aws:sns/topicSubscription:TopicSubscription").map((x) => x.inputs.endpoint);
            assert.deepEqual(subscriptions, ["ops@example.com", "ops@example.com"], "both topics e-mail the same address");
        });
    });

    describe("host metrics settings", () => {
        it("with the database on, also alarms on the data volume's mount", async () => {
            const { host, registrations } = await build({ database: true });
            const alarm = ofType(registrations, "aws:cloudwatch/metricAlarm:MetricAlarm").find((a) => a.inputs.name === "chat-dev-host-disk-stagecraft-data");
            assert.ok(alarm);
            assert.deepEqual([alarm.inputs.namespace, alarm.inputs.metricName, alarm.inputs.dimensions], ["chat/dev/host", "disk_used_percent", { InstanceId: await valueOf(host.instanceId), path: "/var/lib/stagecraft-data" }]);
        });

        it("with hostMetrics off: no agent, no PutMetricData, CPU alarms only", async () => {
            const { registrations } = await build({ hostMetrics: false, database: true });
            const [instance] = ofType(registrations, "aws:ec2/instance:Instance");
            assert.doesNotMatch(instance.inputs.userData, /cloudwatch-agent/);
            const policy = named(registrations, "chat-dev-host-role-access").inputs.policy;
            assert.ok(!JSON.stringify(policy).includes("PutMetricData"));
            const names = ofType(registrations, "aws:cloudwatch/metricAlarm:MetricAlarm").map((a) => a.inputs.name).filter((n: string) => n.startsWith("chat-dev-host-")).sort();
            assert.deepEqual(names, ["chat-dev-host-cpu", "chat-dev-host-cpu-credits"]);
        });

        it("takes thresholds from config; a non-burstable type has no credit alarm", async () => {
            const { registrations } = await build({ instanceType: "m7g.large", alarmCpuPercent: 70, alarmMemoryPercent: 90, alarmDiskPercent: 75 });
            const alarms = new Map(ofType(registrations, "aws:cloudwatch/metricAlarm:MetricAlarm").map((a) => [a.inputs.name, a.inputs.threshold]));
            assert.equal(alarms.get("chat-dev-host-cpu"), 70);
            assert.equal(alarms.get("chat-dev-host-memory"), 90);
            assert.equal(alarms.get("chat-dev-host-disk-root"), 75);
            assert.equal(alarms.has("chat-dev-host-cpu-credits"), false);
            assert.equal(alarms.has("chat-dev-host-disk-stagecraft-data"), false, "no database, no data volume");
        });
    });
});
