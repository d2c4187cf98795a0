/**
 * What the scalable web tier needs to work and what must never work (pure), proved on every
 * plan by the offline check (docs/intents.md).
 */
import { access, flow, foreignBucketObject, type Intent, sg } from "../../lib/intents";

export interface WebTierIntentInput {
    /** The ScalableWeb component's name: the prefix of its children's names. */
    name: string;
    appName: string;
    appPort: number;
    egressPorts: number[];
}

export function webTierIntents(input: WebTierIntentInput): Intent[] {
    const { name } = input;
    const alb = sg(`${name}-web-alb-sg`);
    const app = sg(`${name}-app-sg`);
    const role = `${name}-instance-role`;
    return [
        flow("internet-to-alb-https", "allow", "users reach the load balancer over HTTPS", "internet", alb, 443),
        flow("alb-to-app-port", "allow", "the load balancer reaches the instances on the app port", alb, app, input.appPort),
        flow("no-internet-to-app-port", "deny", "the instances are reachable only through the load balancer", "internet", app, input.appPort),
        flow("no-internet-ssh", "deny", "the instances have no SSH from the internet (SSM instead)", "internet", app, 22),
        ...input.egressPorts.map((port) => flow(`app-egress-${port}`, "allow", `the instances reach the internet through NAT on egressPorts ${port}`, app, "internet", port)),
        access("app-writes-uploads", "allow", "the app writes to the uploads bucket", role, "s3:PutObject", `${name}-uploads`),
        // (that it is the only parameter the role may write is asserted on the policy document in test/components/phase2).
        access("app-records-release", "allow", "each instance's deploy tool records the fleet's release, which instances launched later boot", role, "ssm:PutParameter", `${name}-release-parameter`),
        access("app-role-no-iam", "deny", "the instances' role cannot touch IAM", role, "iam:CreateUser", "*"),
        access("app-role-no-foreign-data", "deny", "the instances' role reads no other stack's bucket", role, "s3:GetObject", foreignBucketObject(input.appName)),
    ];
}
