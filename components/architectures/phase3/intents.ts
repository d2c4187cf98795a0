/**
 * What the container platform needs to work and what must never work (pure), proved on every
 * plan by the offline check (docs/intents.md). Names are the platform's children's.
 */
import { access, flow, foreignBucketObject, type Intent, sg } from "../../lib/intents";

export interface PlatformIntentInput {
    /** The ContainerPlatform component's name: the prefix of its children's names. */
    name: string;
    appName: string;
    appPort: number;
    /** The load-balanced service (`api`). */
    service: string;
    egressPorts: number[];
    /** CloudWatch namespace of the app's custom metrics. */
    metricsNamespace: string;
}

export const REDIS_PORT = 6379;

export function platformIntents(input: PlatformIntentInput): Intent[] {
    const { name } = input;
    const alb = sg(`${name}-web-alb-sg`);
    const api = sg(`${name}-${input.service}-sg`);
    const redis = sg(`${name}-redis-sg`);
    const task = `${name}-${input.service}-task`;
    const execution = `${name}-${input.service}-execution`;
    return [
        flow("internet-to-alb-https", "allow", "users reach the load balancer over HTTPS", "internet", alb, 443),
        flow("alb-to-app-port", "allow", "the load balancer reaches the tasks on the app port", alb, api, input.appPort),
        flow("no-internet-to-app-port", "deny", "the tasks are reachable only through the load balancer", "internet", api, input.appPort),
        flow("app-to-redis", "allow", "the app reaches Redis", api, redis, REDIS_PORT),
        flow("no-internet-to-redis", "deny", "Redis is never reachable from the internet", "internet", redis, REDIS_PORT),
        ...input.egressPorts.map((port) => flow(`app-egress-${port}`, "allow", `the tasks reach the internet through NAT on egressPorts ${port}`, api, "internet", port)),
        access("tasks-pull-image", "allow", "the execution role pulls the service's image from its repository", execution, "ecr:BatchGetImage", `${name}-${input.service}-repo`),
        access("tasks-read-redis-token", "allow", "the execution role injects the Redis AUTH token at task start", execution, "secretsmanager:GetSecretValue", `${name}-redis-auth`),
        access("app-writes-uploads", "allow", "the app writes to the uploads bucket", task, "s3:PutObject", `${name}-uploads`),
        access("app-puts-own-metrics", "allow", "the app publishes its custom metrics in its namespace", task, "cloudwatch:PutMetricData", "*", undefined, { "cloudwatch:namespace": input.metricsNamespace }),
        access("app-no-foreign-metrics", "deny", "the app cannot publish into AWS's namespaces", task, "cloudwatch:PutMetricData", "*", undefined, { "cloudwatch:namespace": "AWS/ECS" }),
        access("app-role-no-iam", "deny", "the app's role cannot touch IAM", task, "iam:CreateUser", "*"),
        access("app-role-no-foreign-data", "deny", "the app's role reads no other stack's bucket", task, "s3:GetObject", foreignBucketObject(input.appName)),
    ];
}
