import * as assert from "node:assert/strict";
import { parseWebSettings, WEB_DEFAULTS, webHostnames } from "../../../components/config/web";
import { webDashboardBody } from "../../../components/blocks/observability/dashboard";
import { MIN_REQUESTS_FOR_5XX_RATE, webAlarmSpecs } from "../../../components/blocks/observability/webAlarmRules";
import { autoScalingGroupSettings } from "../../../components/architectures/phase2/scaling";
import { fleetMonthlyCost } from "../../../components/architectures/phase2/cost";
import { instanceEgress, instanceFirewallIngress, instanceIngress } from "../../../components/architectures/phase2/traffic";
import { LOAD_BALANCER_PEER, requestCountResourceLabel, requestCountTargetTracking } from "../../../components/blocks/loadbalancer/targets";
import { expandRules } from "../../../components/blocks/security/ruleSpecs";
import { readerFor, type RawConfig } from "../../helpers/settings";

const PHASE2_BASE: RawConfig = { domain: "example.com", hostedZoneId: "Z0123456789EXAMPLE01", natStrategy: "instance" };

function parse(raw: RawConfig, phase: 1 | 2 = 2) {
    const read = readerFor({ ...PHASE2_BASE, ...raw });
    const web = parseWebSettings(read, phase);
    return { web, problems: read.problems };
}

describe("phase 2 settings (parseWebSettings)", () => {
    it("defaults are seed 001's: 1/4/2 instances, 300 s grace, 1000 requests per target", () => {
        const { web, problems } = parse({});
        assert.deepEqual(problems, []);
        assert.deepEqual(web.asg, { minSize: 1, maxSize: 4, desiredCapacity: 2, healthCheckGracePeriodSeconds: 300, requestCountTarget: 1000 });
        assert.deepEqual(web, WEB_DEFAULTS);
    });

    it("reads every key", () => {
        const { web, problems } = parse({
            appSubdomain: "chat", cdnSubdomain: "static", asgMinSize: 2, asgMaxSize: 6, asgDesiredCapacity: 3, asgHealthCheckGracePeriod: 120,
            asgRequestCountTarget: 800, albIdleTimeout: 300, albAccessLogs: false, albStickySessions: false, cdnEnabled: false,
            cdnPriceClass: "PriceClass_200", egressPorts: "[443, 27017]", alarmCpuPercent: 70, alarm5xxPercent: 2,
        });
        assert.deepEqual(problems, []);
        assert.deepEqual(web, {
            appSubdomain: "chat", cdnSubdomain: "static",
            asg: { minSize: 2, maxSize: 6, desiredCapacity: 3, healthCheckGracePeriodSeconds: 120, requestCountTarget: 800 },
            albIdleTimeoutSeconds: 300, albAccessLogs: false, albStickySessions: false, cdnEnabled: false, cdnPriceClass: "PriceClass_200",
            egressPorts: [443, 27017], alarmCpuPercent: 70, alarm5xxPercent: 2,
        });
    });

    it("desired capacity outside min..max names the key, the value and the range", () => {
        const { problems } = parse({ asgMinSize: 1, asgMaxSize: 4, asgDesiredCapacity: 5 });
        assert.deepEqual(problems, [{ key: "stagecraft:asgDesiredCapacity", value: 5, allowed: "from stagecraft:asgMinSize (1) to stagecraft:asgMaxSize (4)" }]);
    });

    it("min above max is reported on asgMinSize", () => {
        const { problems } = parse({ asgMinSize: 5, asgMaxSize: 4, asgDesiredCapacity: 4 });
        assert.equal(problems.length, 1);
        assert.equal(problems[0].key, "stagecraft:asgMinSize");
    });

    it("phase 2 needs a domain, a hosted zone and a NAT strategy", () => {
        const read = readerFor({ natStrategy: "none" });
        parseWebSettings(read, 2);
        assert.deepEqual(read.problems.map((p) => p.key), ["stagecraft:domain", "stagecraft:hostedZoneId", "stagecraft:natStrategy"]);
    });

    it("other phases do not require them (the keys only shape phase 2)", () => {
        const read = readerFor({});
        parseWebSettings(read, 1);
        assert.deepEqual(read.problems, []);
    });

    it("bad labels, ports and price classes are reported with what is allowed", () => {
        const { problems } = parse({ appSubdomain: "App_1", cdnSubdomain: "@", egressPorts: "[443, 70000]", cdnPriceClass: "PriceClass_50" });
        assert.deepEqual(problems.map((p) => p.key), ["stagecraft:appSubdomain", "stagecraft:cdnSubdomain", "stagecraft:cdnPriceClass", "stagecraft:egressPorts"]);
        assert.match(problems[3].allowed, /TCP ports from 1 to 65535/);
    });

    it("the app and the CDN need different names", () => {
        const { problems } = parse({ appSubdomain: "www", cdnSubdomain: "www" });
        assert.deepEqual(problems.map((p) => p.key), ["stagecraft:cdnSubdomain"]);
    });

    it("hostnames: app.<domain>, cdn.<domain> and files.<domain> (public prefixes), or the apex for the app with @", () => {
        assert.deepEqual(webHostnames("example.com", WEB_DEFAULTS), { app: "app.example.com", cdn: "cdn.example.com", files: "files.example.com" });
        assert.equal(webHostnames("example.com", { appSubdomain: "@", cdnSubdomain: "cdn" }).app, "example.com");
    });
});

describe("phase 2 instance rules and scaling (pure)", () => {
    it("instances admit only the app port, only from the load balancer's group", () => {
        const rules = expandRules(instanceIngress(5000));
        assert.deepEqual(rules.map((r) => [r.ipProtocol, r.fromPort, r.toPort, r.securityGroupKey, r.cidrIpv4]), [["tcp", 5000, 5000, LOAD_BALANCER_PEER, undefined]]);
    });

    it("instances reach the internet only on the configured ports", () => {
        assert.deepEqual(expandRules(instanceEgress([443, 80])).map((r) => `${r.fromPort} ${r.cidrIpv4}`), ["443 0.0.0.0/0", "80 0.0.0.0/0"]);
    });

    it("the host firewall admits the app port from the VPC (it cannot name a security group)", () => {
        assert.deepEqual(expandRules(instanceFirewallIngress(5000, "10.0.0.0/16")).map((r) => `${r.fromPort} ${r.cidrIpv4}`), ["5000 10.0.0.0/16"]);
    });

    it("the request-count label joins the ALB and target-group ARN suffixes", () => {
        assert.equal(requestCountResourceLabel("app/chat-staging-web/50dc6c495c0c9188", "targetgroup/chats-1234/943f017f100becff"),
            "app/chat-staging-web/50dc6c495c0c9188/targetgroup/chats-1234/943f017f100becff");
    });

    it("target tracking on ALBRequestCountPerTarget at the configured value, scale-in allowed", () => {
        assert.deepEqual(requestCountTargetTracking("label", 1000), {
            predefinedMetricSpecification: { predefinedMetricType: "ALBRequestCountPerTarget", resourceLabel: "label" },
            targetValue: 1000,
            disableScaleIn: false,
        });
    });

    it("the group uses ELB health checks with the grace period as warm-up", () => {
        assert.deepEqual(autoScalingGroupSettings(WEB_DEFAULTS.asg), {
            minSize: 1, maxSize: 4, desiredCapacity: 2, healthCheckType: "ELB", healthCheckGracePeriod: 300, defaultInstanceWarmup: 300,
        });
    });

    it("two t3.small with 30 GB roots cost $35.17 a month; unknown types are not priced", () => {
        assert.equal(fleetMonthlyCost("t3.small", 2, 30), 35.17);
        assert.equal(fleetMonthlyCost("x2iedn.xlarge", 2, 30), undefined, "a type the one price table does not list");
    });
});

describe("web alarms and dashboard (pure)", () => {
    const specs = webAlarmSpecs({
        namePrefix: "chat-staging", loadBalancer: "app/lb/1", targetGroup: "targetgroup/tg/2", autoScalingGroupName: "asg", http5xxPercent: 5, cpuPercent: 80,
    });
    const spec = (key: string) => specs.find((s) => s.key === key)!;

    it("three alarms: 5xx rate, unhealthy hosts, high CPU", () => {
        assert.deepEqual(specs.map((s) => s.key), ["5xx-rate", "unhealthy-hosts", "high-cpu"]);
    });

    it("the 5xx rate ignores minutes with fewer than 10 requests and counts ALB and app 5xx", () => {
        const expression = spec("5xx-rate").metricQueries!.find((q) => q.returnData)!.expression!;
        assert.equal(expression, `IF(requests >= ${MIN_REQUESTS_FOR_5XX_RATE}, 100 * (FILL(target5xx, 0) + FILL(elb5xx, 0)) / requests, 0)`);
        assert.equal(spec("5xx-rate").threshold, 5);
        assert.equal(spec("5xx-rate").treatMissingData, "notBreaching");
    });

    it("unhealthy hosts: any for 3 one-minute periods, per target group", () => {
        const s = spec("unhealthy-hosts");
        assert.deepEqual([s.threshold, s.comparisonOperator, s.evaluationPeriods, s.metric!.period], [0, "GreaterThanThreshold", 3, 60]);
        assert.deepEqual(s.metric!.dimensions, { LoadBalancer: "app/lb/1", TargetGroup: "targetgroup/tg/2" });
    });

    it("high CPU: average above the threshold for three 5-minute periods", () => {
        const s = spec("high-cpu");
        assert.deepEqual([s.threshold, s.metric!.statistic, s.metric!.period, s.evaluationPeriods], [80, "Average", 300, 3]);
    });

    it("the dashboard lays widgets out in two columns and shows CloudFront in us-east-1", () => {
        const body = webDashboardBody({ region: "sa-east-1", loadBalancer: "app/lb/1", targetGroup: "targetgroup/tg/2", autoScalingGroupName: "asg", distributionId: "E123", alarmArns: ["a"] });
        assert.deepEqual(body.widgets.map((w) => [w.x, w.y]), [[0, 0], [12, 0], [0, 6], [12, 6], [0, 12], [12, 12]]);
        const cdn = body.widgets.find((w) => w.properties.title === "CDN (CloudFront)")!;
        assert.equal(cdn.properties.region, "us-east-1");
        assert.equal(body.widgets[0].properties.region, "sa-east-1");
    });

    it("without a CDN the dashboard has no CloudFront widget", () => {
        const body = webDashboardBody({ region: "us-east-1", loadBalancer: "l", targetGroup: "t", autoScalingGroupName: "a", alarmArns: [] });
        assert.ok(!body.widgets.some((w) => String(w.properties.title).startsWith("CDN")));
    });
});
