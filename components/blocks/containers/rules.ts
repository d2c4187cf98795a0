/**
 * Container platform decisions (pure): who may reach a service's tasks and where they may go,
 * how ECR keeps images, and how a service scales.
 */
import { LOAD_BALANCER_PEER, requestCountTargetTracking } from "../loadbalancer/targets";
import { type RuleSpec, tcp, WORLD_IPV4 } from "../security/rules";

export { LOAD_BALANCER_PEER };

/**
 * In: a load-balanced service admits its container port from the load balancer's security group
 * only; a worker admits nothing.
 */
export function serviceIngress(containerPort: number | undefined, source: { key: string; description: string } = { key: LOAD_BALANCER_PEER, description: "the load balancer" }): RuleSpec[] {
    if (containerPort === undefined) return [];
    return [{
        description: `Container port ${containerPort} from ${source.description} only`,
        protocol: "tcp",
        fromPort: containerPort,
        toPort: containerPort,
        securityGroupKey: source.key,
    }];
}

/** A destination inside the VPC that a service talks to, by security group (Redis, ...). */
export interface PeerEgress {
    /** Key of the peer in the group's `peers` map. */
    key: string;
    port: number;
    description: string;
}

/**
 * Out: the configured TCP ports to the internet through NAT (ECR, Secrets Manager, CloudWatch
 * Logs and other AWS APIs are HTTPS), and each in-VPC peer on its port, by security group.
 */
export function serviceEgress(worldPorts: readonly number[], peers: readonly PeerEgress[]): RuleSpec[] {
    return [
        ...worldPorts.map((port) => tcp(port, `Port ${port} to the internet through NAT (images, AWS APIs)`, [WORLD_IPV4])),
        ...peers.map((p): RuleSpec => ({ description: p.description, protocol: "tcp", fromPort: p.port, toPort: p.port, securityGroupKey: p.key })),
    ];
}

/** Untagged images (failed or superseded pushes) expire after this many days. */
export const UNTAGGED_IMAGE_DAYS = 7;

/**
 * The repositories' lifecycle policy: untagged images expire after 7 days, and only the newest
 * `keepImages` images are kept (enough to roll back many releases; a rollback further back needs
 * a rebuild). ECR evaluates rules by priority; a `tagStatus: any` rule must come last.
 */
export function ecrLifecyclePolicy(keepImages: number) {
    return {
        rules: [
            {
                rulePriority: 1,
                description: `Expire untagged images after ${UNTAGGED_IMAGE_DAYS} days`,
                selection: { tagStatus: "untagged", countType: "sinceImagePushed", countUnit: "days", countNumber: UNTAGGED_IMAGE_DAYS },
                action: { type: "expire" },
            },
            {
                rulePriority: 2,
                description: `Keep the ${keepImages} most recent images`,
                selection: { tagStatus: "any", countType: "imageCountMoreThan", countNumber: keepImages },
                action: { type: "expire" },
            },
        ],
    };
}

/** The Application Auto Scaling resource id of an ECS service. */
export function ecsScalingResourceId(clusterName: string, serviceName: string): string {
    return `service/${clusterName}/${serviceName}`;
}

/** One target-tracking policy of a service, as aws.appautoscaling.Policy args (without the target). */
export interface ScalingPolicySpec<L = string> {
    /** Suffix of the policy's logical name. */
    key: string;
    targetTrackingScalingPolicyConfiguration: {
        predefinedMetricSpecification: { predefinedMetricType: string; resourceLabel?: L };
        targetValue: number;
        scaleInCooldown: number;
        scaleOutCooldown: number;
        disableScaleIn: boolean;
    };
}

/** Scale out quickly (60 s), scale in slowly (300 s): a burst of chat traffic comes back. */
export const SCALE_OUT_COOLDOWN = 60;
export const SCALE_IN_COOLDOWN = 300;

/**
 * Target-tracking policies of a service: average CPU for every service, plus requests per task
 * (ALBRequestCountPerTarget) for a load-balanced one. With several policies, Application Auto
 * Scaling scales out when any asks and in only when all agree.
 */
export function serviceScalingPolicies<L>(cpuTarget: number, requests?: { resourceLabel: L; perTarget: number }): ScalingPolicySpec<L>[] {
    const cooldowns = { scaleInCooldown: SCALE_IN_COOLDOWN, scaleOutCooldown: SCALE_OUT_COOLDOWN };
    const policies: ScalingPolicySpec<L>[] = [{
        key: "cpu",
        targetTrackingScalingPolicyConfiguration: {
            predefinedMetricSpecification: { predefinedMetricType: "ECSServiceAverageCPUUtilization" },
            targetValue: cpuTarget,
            ...cooldowns,
            disableScaleIn: false,
        },
    }];
    if (requests !== undefined) {
        policies.push({
            key: "requests",
            targetTrackingScalingPolicyConfiguration: {
                ...requestCountTargetTracking(requests.resourceLabel, requests.perTarget),
                ...cooldowns,
            },
        });
    }
    return policies;
}
