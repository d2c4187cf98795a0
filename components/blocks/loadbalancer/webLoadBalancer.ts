import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { RuleSetGroup } from "../security/securityGroup";
import { StagecraftError } from "../../lib/errors";
import { DnsValidatedCertificate } from "../certificates/dnsValidatedCertificate";
import { tagsFor } from "../shared/tags";
import { albEgress, albIngress, certificateDomains, coveredByCertificate, HTTP_PORT, HTTPS_PORT, httpsRedirectAction, targetGroupHealthCheck, TLS_POLICY } from "./listeners";
import { elbName, targetGroupNamePrefix } from "./names";

export interface WebLoadBalancerArgs {
    /** VPC the load balancer, its security group and its target group live in. */
    vpcId: pulumi.Input<string>;
    /**
     * The VPC's IPv4 CIDR: the load balancer's only egress rule is the target port into it.
     * @example "10.0.0.0/16"
     */
    vpcCidrBlock: string;
    /** Two or more public subnets in different AZs (an internet-facing ALB needs at least two). */
    publicSubnetIds: pulumi.Input<pulumi.Input<string>[]>;
    /**
     * Apex domain; the certificate covers it and every first-level subdomain (`*.domain`).
     * Changing it replaces the certificate (a new one is issued and validated first).
     * @example "example.com"
     */
    domain: string;
    /** Route53 hosted zone of `domain`: DNS validation records and the app's alias record go here. */
    hostedZoneId: string;
    /**
     * Name users open; an A alias record points it at the load balancer. `domain` itself or a
     * first-level subdomain of it (covered by the certificate).
     * @example "app.example.com"
     */
    appHostname: string;
    /** Port the targets listen on (seed 001: 5000). Changing it replaces the target group. */
    targetPort: number;
    /** "instance" for EC2 instances (Auto Scaling), "ip" for Fargate tasks. Changing it replaces the target group. */
    targetType: "instance" | "ip";
    /** Path the target group probes every 30 s; any 2xx or 3xx answer is healthy. @example "/health" */
    healthCheckPath: string;
    /** Refuse deletion of the load balancer through the API (prod). @default false */
    deletionProtection?: boolean;
    /** Seconds an idle connection (including a WebSocket) stays open. @default 60 */
    idleTimeoutSeconds?: number;
    /**
     * Stick a browser to one target with a load-balancer cookie (socket.io's HTTP long-polling
     * needs it when there is more than one target). @default false
     */
    stickySessions?: boolean;
    /**
     * Write access logs to this bucket (whose policy must let ELB write, see
     * elbLogDeliveryStatement) under `prefix`. @default undefined (no access logs)
     */
    accessLogs?: { bucket: pulumi.Input<string>; prefix: string };
    /** Tags for every child (project, environment, owner; a Name is added per resource). */
    tags: Record<string, string>;
}

/**
 * The internet-facing web entry point (seed 001 phases 2 and 3):
 * 1. a security group from a rule list: 80 and 443 from the world in, only the target port into
 *    the VPC out;
 * 2. an application load balancer in the public subnets that drops invalid header fields and
 *    mitigates HTTP desync ("defensive"), with optional access logs and deletion protection;
 * 3. a target group on the app port with a health check on the health path every 30 s;
 * 4. an ACM certificate for the apex and `*.apex`, validated through one Route53 record (ACM
 *    uses the same record for both names), and the wait for its issuance;
 * 5. an HTTPS listener (ELBSecurityPolicy-TLS13-1-2-2021-06) forwarding to the target group,
 *    and an HTTP listener that only redirects to HTTPS (301);
 * 6. an A alias record for the app's hostname.
 *
 * Cost (us-east-1): $16.43/month for the ALB (730 h × $0.0225) plus $5.84 per LCU-month
 * (730 h × $0.008; a small app uses well under one LCU) plus its public IPv4 addresses, one per
 * AZ at $3.65 ($7.30 for two) — about $29.57/month; the certificate is free; the alias record is
 * free to query; access logs cost only their S3 storage.
 */
export class WebLoadBalancer extends pulumi.ComponentResource {
    readonly loadBalancer: aws.lb.LoadBalancer;
    readonly securityGroupId: pulumi.Output<string>;
    readonly targetGroup: aws.lb.TargetGroup;
    readonly httpsListener: aws.lb.Listener;
    readonly httpListener: aws.lb.Listener;
    readonly certificateArn: pulumi.Output<string>;
    readonly dnsName: pulumi.Output<string>;
    readonly zoneId: pulumi.Output<string>;
    readonly url: pulumi.Output<string>;

    constructor(name: string, args: WebLoadBalancerArgs, opts?: pulumi.ComponentResourceOptions) {
        if (!coveredByCertificate(args.appHostname, args.domain)) {
            throw new StagecraftError(`appHostname ${args.appHostname} is not covered by the certificate for ${args.domain} and *.${args.domain}; use ${args.domain} or a name one level below it`);
        }
        super("stagecraft:loadbalancer:WebLoadBalancer", name, {}, opts);

        const securityGroup = this.createSecurityGroup(name, args);
        this.securityGroupId = securityGroup.id;
        this.loadBalancer = this.createLoadBalancer(name, args);
        this.targetGroup = this.createTargetGroup(name, args);
        this.certificateArn = this.createCertificate(name, args);
        this.httpsListener = this.createHttpsListener(name, args);
        this.httpListener = this.createHttpListener(name, args);
        this.createAliasRecord(name, args);

        this.dnsName = this.loadBalancer.dnsName;
        this.zoneId = this.loadBalancer.zoneId;
        this.url = pulumi.output(`https://${args.appHostname}`);
        this.registerOutputs({
            loadBalancerArn: this.loadBalancer.arn,
            securityGroupId: this.securityGroupId,
            targetGroupArn: this.targetGroup.arn,
            httpsListenerArn: this.httpsListener.arn,
            certificateArn: this.certificateArn,
            dnsName: this.dnsName,
            url: this.url,
        });
    }

    private createSecurityGroup(name: string, args: WebLoadBalancerArgs): RuleSetGroup {
        return new RuleSetGroup(`${name}-alb-sg`, {
            vpcId: args.vpcId,
            description: `${args.appHostname} load balancer: HTTP and HTTPS in, target port out`,
            ingress: albIngress(),
            egress: albEgress(args.targetPort, [args.vpcCidrBlock]),
            tags: args.tags,
        }, { parent: this });
    }

    private createLoadBalancer(name: string, args: WebLoadBalancerArgs): aws.lb.LoadBalancer {
        return new aws.lb.LoadBalancer(`${name}-alb`, {
            name: elbName(name),
            loadBalancerType: "application",
            internal: false,
            ipAddressType: "ipv4",
            subnets: args.publicSubnetIds,
            securityGroups: [this.securityGroupId],
            dropInvalidHeaderFields: true,
            desyncMitigationMode: "defensive",
            enableHttp2: true,
            idleTimeout: args.idleTimeoutSeconds ?? 60,
            enableDeletionProtection: args.deletionProtection ?? false,
            accessLogs: args.accessLogs !== undefined
                ? { bucket: args.accessLogs.bucket, prefix: args.accessLogs.prefix, enabled: true }
                : undefined,
            tags: tagsFor(args.tags, `${name}-alb`),
        }, { parent: this });
    }

    private createTargetGroup(name: string, args: WebLoadBalancerArgs): aws.lb.TargetGroup {
        return new aws.lb.TargetGroup(`${name}-tg`, {
            namePrefix: targetGroupNamePrefix(name),
            vpcId: args.vpcId,
            port: args.targetPort,
            protocol: "HTTP",
            targetType: args.targetType,
            // Connections drain for 30 s on scale-in and deploys instead of ELB's default 300 s.
            deregistrationDelay: 30,
            healthCheck: targetGroupHealthCheck(args.healthCheckPath),
            stickiness: (args.stickySessions ?? false)
                ? { type: "lb_cookie", enabled: true, cookieDuration: 86400 }
                : undefined,
            tags: tagsFor(args.tags, `${name}-tg`),
        }, { parent: this });
    }

    private createCertificate(name: string, args: WebLoadBalancerArgs): pulumi.Output<string> {
        return new DnsValidatedCertificate(`${name}-cert`, {
            ...certificateDomains(args.domain),
            hostedZoneId: args.hostedZoneId,
            tags: args.tags,
        }, { parent: this }).certificateArn;
    }

    private createHttpsListener(name: string, args: WebLoadBalancerArgs): aws.lb.Listener {
        return new aws.lb.Listener(`${name}-https`, {
            loadBalancerArn: this.loadBalancer.arn,
            port: HTTPS_PORT,
            protocol: "HTTPS",
            sslPolicy: TLS_POLICY,
            certificateArn: this.certificateArn,
            defaultActions: [{ type: "forward", targetGroupArn: this.targetGroup.arn }],
            tags: tagsFor(args.tags, `${name}-https`),
        }, { parent: this });
    }

    private createHttpListener(name: string, args: WebLoadBalancerArgs): aws.lb.Listener {
        return new aws.lb.Listener(`${name}-http`, {
            loadBalancerArn: this.loadBalancer.arn,
            port: HTTP_PORT,
            protocol: "HTTP",
            defaultActions: [httpsRedirectAction()],
            tags: tagsFor(args.tags, `${name}-http`),
        }, { parent: this });
    }

    private createAliasRecord(name: string, args: WebLoadBalancerArgs): aws.route53.Record {
        return new aws.route53.Record(`${name}-app-alias`, {
            zoneId: args.hostedZoneId,
            name: args.appHostname,
            type: "A",
            aliases: [{ name: this.loadBalancer.dnsName, zoneId: this.loadBalancer.zoneId, evaluateTargetHealth: true }],
        }, { parent: this });
    }
}
