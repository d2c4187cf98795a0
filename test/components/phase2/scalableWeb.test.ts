import * as assert from "node:assert/strict";
import { ScalableWeb } from "../../../components/architectures/phase2/scalableWeb";
import { type Registration, remoteComponentOutputs } from "../../../tools/mocks";
import { named, ofType, runWithMocks, valueOf } from "../../helpers/pulumi";
import { type RawConfig } from "../../helpers/settings";
import { phase2Args } from "./settings";

interface Built { web: ScalableWeb; registrations: Registration[] }

async function build(overrides: RawConfig = {}): Promise<Built> {
    const { result, registrations } = await runWithMocks(() => new ScalableWeb("chat-staging", phase2Args(overrides)), { stack: "staging" });
    return { web: result, registrations };
}

const INGRESS = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
const EGRESS = "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule";

/** Rules of one security group (by its logical name) as "proto from-to peer". */
function rulesOf(registrations: Registration[], type: string, group: string): string[] {
    return ofType(registrations, type)
        .filter((r) => r.name.startsWith(`${group}-`))
        .map((r) => `${r.inputs.ipProtocol} ${r.inputs.fromPort}-${r.inputs.toPort} ${r.inputs.cidrIpv4 ?? r.inputs.cidrIpv6 ?? `sg:${r.inputs.referencedSecurityGroupId}`}`)
        .sort();
}

/** The awsx VPC's outputs as the mocks computed them (subnet ids). */
function awsxOutputs(registrations: Registration[]): { publicSubnetIds: string[]; privateSubnetIds: string[] } {
    const [vpc] = ofType(registrations, "awsx:ec2:Vpc");
    return remoteComponentOutputs(vpc.type, vpc.name, vpc.inputs, { preview: false }) as { publicSubnetIds: string[]; privateSubnetIds: string[] };
}

function decoded(userData: string): string {
    return Buffer.from(userData, "base64").toString("utf8");
}

describe("ScalableWeb (phase 2) under mocks", function () {
    describe("staging defaults (seed 001 phase 2)", () => {
        let built: Built;
        before(async () => { built = await build(); });

        it("registers the component and its building blocks", () => {
            assert.equal(ofType(built.registrations, "stagecraft:phase2:ScalableWeb").length, 1);
            for (const type of ["stagecraft:network:Network", "stagecraft:network:NatInstance", "stagecraft:loadbalancer:WebLoadBalancer",
                "stagecraft:phase2:AppFleet", "stagecraft:cdn:StaticSiteCdn", "stagecraft:iam:InstanceRole", "stagecraft:observability:LogGroup",
                "stagecraft:observability:AlertTopic", "stagecraft:observability:WebMonitoring"]) {
                assert.equal(ofType(built.registrations, type).length, 1, type);
            }
            assert.equal(ofType(built.registrations, "stagecraft:storage:SecureBucket").length, 4);
        });

        describe("network", () => {
            it("public and private subnets in two AZs, NAT through an instance", () => {
                const [vpc] = ofType(built.registrations, "awsx:ec2:Vpc");
                assert.equal(vpc.inputs.numberOfAvailabilityZones, 2);
                assert.deepEqual(vpc.inputs.subnetSpecs.map((s: { type: string }) => s.type), ["Public", "Private"]);
                assert.deepEqual(vpc.inputs.natGateways, { strategy: "None" });
                assert.equal(named(built.registrations, "chat-staging-network-nat").inputs.instanceType, "t4g.nano");
                assert.equal(ofType(built.registrations, "aws:ec2/route:Route").length, 2);
            });

            it("an S3 gateway endpoint keeps bucket traffic off the NAT", () => {
                const endpoints = ofType(built.registrations, "aws:ec2/vpcEndpoint:VpcEndpoint").map((e) => e.inputs.serviceName);
                assert.ok(endpoints.includes("com.amazonaws.us-east-1.s3"));
            });
        });

        describe("load balancer", () => {
            it("its security group admits exactly 80 and 443 from the world and sends only 5000 into the VPC", () => {
                assert.deepEqual(rulesOf(built.registrations, INGRESS, "chat-staging-web-alb-sg"), ["tcp 443-443 0.0.0.0/0", "tcp 80-80 0.0.0.0/0"]);
                assert.deepEqual(rulesOf(built.registrations, EGRESS, "chat-staging-web-alb-sg"), ["tcp 5000-5000 10.0.0.0/16"]);
            });

            it("the ALB is internet-facing in the two public subnets, drops invalid headers, writes access logs", async () => {
                const alb = named(built.registrations, "chat-staging-web-alb");
                assert.equal(alb.inputs.internal, false);
                assert.deepEqual(alb.inputs.subnets, awsxOutputs(built.registrations).publicSubnetIds);
                assert.equal(alb.inputs.dropInvalidHeaderFields, true);
                assert.equal(alb.inputs.enableDeletionProtection, false, "staging is not protected");
                assert.equal(alb.inputs.accessLogs.enabled, true);
                assert.equal(alb.inputs.accessLogs.prefix, "alb");
                assert.match(alb.inputs.accessLogs.bucket, /^chat-staging-alb-logs/);
            });

            it("the HTTP listener only redirects (301) to HTTPS on 443", () => {
                assert.deepEqual(named(built.registrations, "chat-staging-web-http").inputs.defaultActions,
                    [{ type: "redirect", redirect: { protocol: "HTTPS", port: "443", statusCode: "HTTP_301" } }]);
            });

            it("the HTTPS listener uses ELBSecurityPolicy-TLS13-1-2-2021-06", () => {
                assert.equal(named(built.registrations, "chat-staging-web-https").inputs.sslPolicy, "ELBSecurityPolicy-TLS13-1-2-2021-06");
            });

            it("the certificate covers example.com and *.example.com with one DNS validation record", () => {
                const cert = named(built.registrations, "chat-staging-web-cert");
                assert.deepEqual([cert.inputs.domainName, cert.inputs.subjectAlternativeNames], ["example.com", ["*.example.com"]]);
                assert.equal(named(built.registrations, "chat-staging-web-cert-validation-1").inputs.zoneId, "Z0123456789EXAMPLE01");
            });

            it("the target group checks /health every 30 s on the app port, with sticky sessions", () => {
                const tg = named(built.registrations, "chat-staging-web-tg");
                assert.deepEqual([tg.inputs.port, tg.inputs.healthCheck.path, tg.inputs.healthCheck.interval], [5000, "/health", 30]);
                assert.equal(tg.inputs.stickiness.type, "lb_cookie");
            });

            it("app.example.com is an alias of the ALB", () => {
                assert.equal(named(built.registrations, "chat-staging-web-app-alias").inputs.name, "app.example.com");
            });

            it("ELB may write only this account's access-log prefix of its bucket", async () => {
                const policy = named(built.registrations, "chat-staging-alb-logs-tls-only").inputs.policy;
                const write = policy.Statement.find((s: { Sid: string }) => s.Sid === "ElbWritesAccessLogs");
                assert.deepEqual(write.Principal, { AWS: "arn:aws:iam::127311923021:root" });
                assert.deepEqual(write.Resource, [`arn:aws:s3:::${await valueOf(built.web.accessLogsBucketName!)}/alb/AWSLogs/123456789012/*`]);
                assert.equal(policy.Statement[0].Effect, "Deny", "the TLS-only deny stays first");
            });
        });

        describe("instances", () => {
            it("their security group admits the app port only from the ALB's group and nothing else", () => {
                assert.deepEqual(rulesOf(built.registrations, INGRESS, "chat-staging-app-sg"), ["tcp 5000-5000 sg:chat-staging-web-alb-sg-id"]);
            });

            it("their security group sends only 443 and 80 out (through NAT)", () => {
                assert.deepEqual(rulesOf(built.registrations, EGRESS, "chat-staging-app-sg"), ["tcp 443-443 0.0.0.0/0", "tcp 80-80 0.0.0.0/0"]);
            });

            it("the launch template requires IMDSv2 with hop limit 1", () => {
                const lt = named(built.registrations, "chat-staging-app-lt");
                assert.equal(lt.inputs.metadataOptions.httpTokens, "required");
                assert.equal(lt.inputs.metadataOptions.httpEndpoint, "enabled");
                assert.equal(lt.inputs.metadataOptions.httpPutResponseHopLimit, 1);
            });

            it("the launch template gives no public IP and only the instances' security group", () => {
                const lt = named(built.registrations, "chat-staging-app-lt");
                assert.equal(lt.inputs.networkInterfaces.length, 1);
                assert.equal(lt.inputs.networkInterfaces[0].associatePublicIpAddress, "false");
                assert.deepEqual(lt.inputs.networkInterfaces[0].securityGroups, ["chat-staging-app-sg-id"]);
                assert.equal(lt.inputs.vpcSecurityGroupIds, undefined);
            });

            it("the launch template has an encrypted 30 GB gp3 root volume", () => {
                const [mapping] = named(built.registrations, "chat-staging-app-lt").inputs.blockDeviceMappings;
                assert.equal(mapping.deviceName, "/dev/xvda");
                assert.deepEqual([mapping.ebs.volumeType, mapping.ebs.volumeSize, mapping.ebs.encrypted], ["gp3", 30, "true"]);
            });

            it("instances run t3.small with the instance role's profile", () => {
                const lt = named(built.registrations, "chat-staging-app-lt");
                assert.equal(lt.inputs.instanceType, "t3.small");
                assert.match(lt.inputs.iamInstanceProfile.name, /chat-staging-instance-role-profile/);
                assert.match(lt.inputs.imageId, /^ami-/);
            });

            it("user data runs the app on the host network without the TLS proxy", () => {
                const script = decoded(named(built.registrations, "chat-staging-app-lt").inputs.userData);
                assert.match(script, /network_mode: host/);
                assert.match(script, /PORT: "5000"/);
                assert.doesNotMatch(script, /caddy/);
                assert.match(script, /ip saddr 10\.0\.0\.0\/16 tcp dport 5000 accept/, "host firewall admits the app port from the VPC");
                assert.match(script, /^\/usr\/local\/sbin\/stagecraft-deploy boot$/m, "first boot runs the fleet's recorded release (or the template's tag)");
                assert.ok(script.length < 16384, `user data is ${script.length} bytes; EC2 accepts 16 KB`);
            });

            it("the group runs 1 to 4 instances, 2 desired, in the private subnets, with ELB health checks and 300 s grace", () => {
                const asg = named(built.registrations, "chat-staging-app-asg");
                assert.deepEqual([asg.inputs.minSize, asg.inputs.maxSize, asg.inputs.desiredCapacity], [1, 4, 2]);
                assert.deepEqual([asg.inputs.healthCheckType, asg.inputs.healthCheckGracePeriod], ["ELB", 300]);
                assert.deepEqual(asg.inputs.vpcZoneIdentifiers, awsxOutputs(built.registrations).privateSubnetIds);
            });

            it("the group registers in the target group and rolls on template changes", () => {
                const asg = named(built.registrations, "chat-staging-app-asg");
                assert.equal(asg.inputs.targetGroupArns.length, 1);
                assert.match(asg.inputs.targetGroupArns[0], /:targetgroup\/[^/]+\/[0-9a-f]+$/);
                assert.equal(asg.inputs.launchTemplate.id, "chat-staging-app-lt-id");
                assert.equal(asg.inputs.instanceRefresh.strategy, "Rolling");
            });

            it("the group tags instances at launch with project, environment and owner", () => {
                const tags = named(built.registrations, "chat-staging-app-asg").inputs.tags as { key: string; value: string; propagateAtLaunch: boolean }[];
                for (const key of ["project", "environment", "owner", "Name"]) {
                    const tag = tags.find((t) => t.key === key);
                    assert.ok(tag?.value, key);
                    assert.equal(tag?.propagateAtLaunch, true);
                }
            });

            it("target tracking holds 1000 ALB requests per target, labelled by the ALB and target-group ARN suffixes", () => {
                const policy = named(built.registrations, "chat-staging-app-requests-per-target");
                assert.equal(policy.inputs.policyType, "TargetTrackingScaling");
                const config = policy.inputs.targetTrackingConfiguration;
                assert.equal(config.targetValue, 1000);
                assert.equal(config.predefinedMetricSpecification.predefinedMetricType, "ALBRequestCountPerTarget");
                assert.match(config.predefinedMetricSpecification.resourceLabel, /^app\/chat-staging-web\/[0-9a-f]+\/targetgroup\/[^/]+\/[0-9a-f]+$/);
            });
        });

        describe("deploys through SSM (the release workflow's hosts job)", () => {
            it("deploy, rollback and status documents call the deploy tool; the deploy document is named as the release role allows (<app>-<env>-release-deploy*)", () => {
                const docs = ofType(built.registrations, "aws:ssm/document:Document");
                assert.deepEqual(docs.map((d) => d.name).sort(), ["chat-staging-release-deploy", "chat-staging-release-rollback", "chat-staging-release-status"]);
                for (const doc of docs) {
                    assert.equal(doc.inputs.documentType, "Command");
                    assert.equal(doc.inputs.tags.environment, "staging", "tagged like the rest of the stack");
                    const [step] = JSON.parse(doc.inputs.content).mainSteps;
                    assert.match(step.inputs.runCommand[0], /^\/usr\/local\/sbin\/stagecraft-deploy (deploy '\{\{ gitRef \}\}'|rollback|status)$/);
                }
                assert.deepEqual(ofType(built.registrations, "stagecraft:deploy:DeployDocuments").map((r) => r.name), ["chat-staging-release"]);
            });

            it("outputs the document names and the release parameter", async () => {
                assert.match(await valueOf(built.web.deployDocumentName), /^chat-staging-release-deploy-/);
                assert.match(await valueOf(built.web.statusDocumentName), /^chat-staging-release-status-/);
                assert.equal(await valueOf(built.web.releaseParameterName), "/chat/staging/STAGECRAFT_RELEASE");
            });

            it("the release parameter starts at the template's tag, is a plain String, and Pulumi leaves its value to the deploys", () => {
                const parameter = named(built.registrations, "chat-staging-release-parameter");
                assert.deepEqual([parameter.inputs.name, parameter.inputs.type, parameter.inputs.value], ["/chat/staging/STAGECRAFT_RELEASE", "String", "0.9.2 0.9.2"]);
            });

            it("the instance role may write that one parameter and no other", () => {
                const policy = named(built.registrations, "chat-staging-instance-role-access").inputs.policy;
                const writes = policy.Statement.filter((st: { Action: string[] }) => st.Action.some((a) => /^ssm:(Put|Delete|Label)/.test(a)));
                assert.deepEqual(writes, [{
                    Sid: "RecordRelease", Effect: "Allow", Action: ["ssm:PutParameter"],
                    // The parameter's own ARN (the mocks derive it from the resource's id).
                    Resource: ["arn:aws:ssm:us-east-1:123456789012:parameter/chat-staging-release-parameter-id"],
                }]);
            });
        });

        describe("buckets and CDN", () => {
            it("uploads, static and backups as in phase 1, plus the access-log bucket", () => {
                const prefixes = ofType(built.registrations, "aws:s3/bucket:Bucket").map((b) => b.inputs.bucketPrefix).sort();
                assert.deepEqual(prefixes, ["chat-staging-alb-logs-", "chat-staging-backups-", "chat-staging-static-", "chat-staging-uploads-"]);
                assert.equal(ofType(built.registrations, "aws:s3/bucketPolicy:BucketPolicy").length, 4, "one policy per bucket");
            });

            it("the static bucket stays private and admits CloudFront only for its distribution", () => {
                const policy = named(built.registrations, "chat-staging-static-tls-only").inputs.policy;
                const read = policy.Statement.find((s: { Effect: string }) => s.Effect === "Allow");
                assert.deepEqual(read.Principal, { Service: "cloudfront.amazonaws.com" });
                assert.deepEqual(read.Action, ["s3:GetObject"]);
                assert.match(read.Condition.StringEquals["AWS:SourceArn"], /cloudfront.*chat-staging-cdn-id$/);
                assert.equal(named(built.registrations, "chat-staging-static-pab").inputs.blockPublicPolicy, true);
            });

            it("CloudFront reads the static bucket through OAC, HTTPS only, compressed, with a us-east-1 certificate for cdn.example.com", () => {
                const distribution = named(built.registrations, "chat-staging-cdn");
                assert.equal(distribution.inputs.origins[0].originAccessControlId, "chat-staging-cdn-oac-id");
                assert.equal(distribution.inputs.defaultCacheBehavior.viewerProtocolPolicy, "redirect-to-https");
                assert.equal(distribution.inputs.defaultCacheBehavior.compress, true);
                assert.equal(distribution.inputs.viewerCertificate.minimumProtocolVersion, "TLSv1.2_2021");
                assert.deepEqual(distribution.inputs.aliases, ["cdn.example.com"]);
                assert.equal(named(built.registrations, "chat-staging-cdn-cert").inputs.domainName, "cdn.example.com");
                assert.equal(named(built.registrations, "chat-staging-cdn-cert").provider ?? "", "", "us-east-1 already: default provider");
            });

            it("the uploads and backups buckets are versioned; backups expire old versions", () => {
                assert.equal(named(built.registrations, "chat-staging-backups-versioning").inputs.versioningConfiguration.status, "Enabled");
                assert.equal(named(built.registrations, "chat-staging-uploads-versioning").inputs.versioningConfiguration.status, "Enabled");
            });
        });

        describe("alarms and dashboard", () => {
            const alarm = (key: string) => named(built.registrations, `chat-staging-monitoring-${key}`);

            it("every alarm notifies the stack's alert topic on ALARM and OK", async () => {
                const topic = await valueOf(built.web.alertTopicArn);
                for (const key of ["5xx-rate", "unhealthy-hosts", "high-cpu"]) {
                    assert.deepEqual(alarm(key).inputs.alarmActions, [topic], key);
                    assert.deepEqual(alarm(key).inputs.okActions, [topic], key);
                }
            });

            it("the 5xx alarm fires above 5% of requests (ALB + app 5xx) in 3 of 5 minutes", () => {
                const rate = alarm("5xx-rate").inputs;
                assert.deepEqual([rate.threshold, rate.evaluationPeriods, rate.datapointsToAlarm, rate.comparisonOperator], [5, 5, 3, "GreaterThanThreshold"]);
                const metrics = rate.metricQueries.filter((q: { metric?: unknown }) => q.metric).map((q: { metric: { metricName: string } }) => q.metric.metricName).sort();
                assert.deepEqual(metrics, ["HTTPCode_ELB_5XX_Count", "HTTPCode_Target_5XX_Count", "RequestCount"]);
                assert.match(rate.metricQueries.find((q: { returnData: boolean }) => q.returnData).expression, /100 \* \(FILL\(target5xx, 0\) \+ FILL\(elb5xx, 0\)\) \/ requests/);
                for (const q of rate.metricQueries.filter((q: { metric?: unknown }) => q.metric)) {
                    assert.match(q.metric.dimensions.LoadBalancer, /^app\/chat-staging-web\//);
                }
            });

            it("the unhealthy-hosts alarm watches the target group for 3 minutes", () => {
                const unhealthy = alarm("unhealthy-hosts").inputs;
                assert.deepEqual([unhealthy.namespace, unhealthy.metricName, unhealthy.statistic, unhealthy.threshold, unhealthy.evaluationPeriods], ["AWS/ApplicationELB", "UnHealthyHostCount", "Maximum", 0, 3]);
                assert.match(unhealthy.dimensions.TargetGroup, /^targetgroup\/[^/]+\/[0-9a-f]+$/);
            });

            it("the high-CPU alarm watches the group's average CPU above 80% for 15 minutes", async () => {
                const cpu = alarm("high-cpu").inputs;
                assert.deepEqual([cpu.namespace, cpu.metricName, cpu.statistic, cpu.threshold, cpu.period * cpu.evaluationPeriods], ["AWS/EC2", "CPUUtilization", "Average", 80, 900]);
                assert.equal(cpu.dimensions.AutoScalingGroupName, await valueOf(built.web.autoScalingGroupName));
            });

            it("the dashboard shows the ALB, the group, the CDN and the alarms", () => {
                const body = JSON.parse(named(built.registrations, "chat-staging-monitoring-dashboard").inputs.dashboardBody);
                const titles = body.widgets.map((w: { properties: { title: string } }) => w.properties.title);
                assert.deepEqual(titles, ["Requests and errors", "Response time (s)", "Target health", "Instances", "CDN (CloudFront)", "Alarms"]);
                assert.equal(body.widgets[5].properties.alarms.length, 3);
            });
        });

        it("outputs the app and CDN URLs, the group, the buckets and the dashboard", async () => {
            assert.equal(await valueOf(built.web.url), "https://app.example.com");
            assert.equal(await valueOf(built.web.cdnUrl!), "https://cdn.example.com");
            assert.match(await valueOf(built.web.loadBalancerDnsName), /elb\.amazonaws\.com$/);
            assert.equal(await valueOf(built.web.dashboardName), "chat-staging");
            assert.match(await valueOf(built.web.bucketNames.static), /^chat-staging-static/);
            assert.match(await valueOf(built.web.natInstanceId!), /nat/);
        });

        it("every taggable resource carries project, environment and owner", () => {
            for (const r of built.registrations.filter((r) => r.inputs.tags !== undefined && !Array.isArray(r.inputs.tags))) {
                for (const key of ["project", "environment", "owner", "Name"]) assert.ok(r.inputs.tags[key], `${r.name} lacks ${key}`);
            }
        });
    });

    describe("config variants", () => {
        it("protectStateful turns on the ALB's deletion protection", async () => {
            const { registrations } = await build({ protectStateful: true });
            assert.equal(named(registrations, "chat-staging-web-alb").inputs.enableDeletionProtection, true);
        });

        it("one NAT gateway: awsx builds it, no NAT instance or routes of ours", async () => {
            const { registrations } = await build({ natStrategy: "gateway" });
            assert.deepEqual(ofType(registrations, "awsx:ec2:Vpc")[0].inputs.natGateways, { strategy: "Single" });
            assert.equal(ofType(registrations, "stagecraft:network:NatInstance").length, 0);
        });

        it("a NAT gateway per AZ across three AZs", async () => {
            const { registrations } = await build({ natStrategy: "gateway-per-az", availabilityZones: 3 });
            const [vpc] = ofType(registrations, "awsx:ec2:Vpc");
            assert.deepEqual([vpc.inputs.natGateways.strategy, vpc.inputs.numberOfAvailabilityZones], ["OnePerAz", 3]);
        });

        it("custom scaling numbers and request target", async () => {
            const { registrations } = await build({ asgMinSize: 2, asgMaxSize: 10, asgDesiredCapacity: 3, asgRequestCountTarget: 500, asgHealthCheckGracePeriod: 180 });
            const asg = named(registrations, "chat-staging-app-asg");
            assert.deepEqual([asg.inputs.minSize, asg.inputs.maxSize, asg.inputs.desiredCapacity, asg.inputs.healthCheckGracePeriod], [2, 10, 3, 180]);
            assert.equal(named(registrations, "chat-staging-app-requests-per-target").inputs.targetTrackingConfiguration.targetValue, 500);
        });

        it("CDN off: no distribution, and the static bucket's policy is TLS-only", async () => {
            const { web, registrations } = await build({ cdnEnabled: false });
            assert.equal(ofType(registrations, "aws:cloudfront/distribution:Distribution").length, 0);
            assert.equal(named(registrations, "chat-staging-static-tls-only").inputs.policy.Statement.length, 1);
            assert.equal(web.cdnUrl, undefined);
            const body = JSON.parse(named(registrations, "chat-staging-monitoring-dashboard").inputs.dashboardBody);
            assert.ok(!body.widgets.some((w: { properties: { title: string } }) => w.properties.title.startsWith("CDN")));
        });

        it("access logs off: no log bucket and no access logs on the ALB", async () => {
            const { registrations } = await build({ albAccessLogs: false });
            assert.equal(named(registrations, "chat-staging-web-alb").inputs.accessLogs, undefined);
            assert.equal(ofType(registrations, "aws:s3/bucket:Bucket").length, 3);
        });

        it("the app at the apex and extra egress for MongoDB Atlas (27017) on the instances and the NAT", async () => {
            const { registrations } = await build({ appSubdomain: "@", egressPorts: "[443, 80, 27017]" });
            assert.equal(named(registrations, "chat-staging-web-app-alias").inputs.name, "example.com");
            assert.deepEqual(rulesOf(registrations, EGRESS, "chat-staging-app-sg"), ["tcp 27017-27017 0.0.0.0/0", "tcp 443-443 0.0.0.0/0", "tcp 80-80 0.0.0.0/0"]);
            assert.ok(rulesOf(registrations, INGRESS, "chat-staging-network-nat-sg").includes("tcp 27017-27017 10.0.0.0/16"));
        });

        it("Graviton instances on Ubuntu boot the arm64 image with the Ubuntu root device", async () => {
            const { registrations } = await build({ instanceType: "t4g.small", amiFamily: "ubuntu-22.04" });
            const lt = named(registrations, "chat-staging-app-lt");
            assert.equal(lt.inputs.blockDeviceMappings[0].deviceName, "/dev/sda1");
            assert.match(decoded(lt.inputs.userData), /ufw allow proto tcp from '10\.0\.0\.0\/16' to any port 5000/);
        });

        it("a missing hosted zone is refused before anything is created", () => {
            assert.throws(() => phase2Args({ hostedZoneId: "" }), /hostedZoneId/);
        });
    });
});
