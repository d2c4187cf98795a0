/**
 * Where a container's secret comes from (pure): the grammar of a configured `valueFrom` (a
 * Secrets Manager ARN, an SSM parameter ARN or a parameter path) and the ARNs IAM needs for it.
 */

/** Where ECS reads an injected value from. */
export type SecretSource = "secretsmanager" | "ssm";

const SECRET_ARN = /^arn:aws[a-z-]*:secretsmanager:[a-z0-9-]+:\d{12}:secret:[A-Za-z0-9/_+=.@-]+(:[^:]*:[^:]*:[^:]*)?$/;
const PARAMETER_ARN = /^arn:aws[a-z-]*:ssm:[a-z0-9-]+:\d{12}:parameter\/[A-Za-z0-9/_.-]+$/;
// A parameter name given in config starts with "/": a bare word is more likely the secret itself.
const PARAMETER_NAME = /^\/[A-Za-z0-9_.-]+(\/[A-Za-z0-9_.-]+)*$/;

/**
 * What a configured `valueFrom` is: a Secrets Manager ARN (optionally with
 * `:json-key:version-stage:version-id`), an SSM parameter ARN, or an SSM parameter name of this
 * region given as a path (`/chat/prod/db-url`); undefined for anything else (Secrets Manager needs the full ARN).
 */
export function secretSourceOf(valueFrom: string): SecretSource | undefined {
    if (SECRET_ARN.test(valueFrom)) return "secretsmanager";
    if (PARAMETER_ARN.test(valueFrom)) return "ssm";
    if (!valueFrom.startsWith("arn:") && PARAMETER_NAME.test(valueFrom)) return "ssm";
    return undefined;
}

/** The secret's own ARN for IAM: a Secrets Manager valueFrom without its JSON-key suffix. */
export function secretArnForPolicy(valueFrom: string): string {
    return valueFrom.split(":").slice(0, 7).join(":");
}

/** The ARN of an SSM parameter given by ARN or by name (`/a/b` and `a/b` → `…:parameter/a/b`). */
export function parameterArn(valueFrom: string, partition: string, region: string, accountId: string): string {
    if (valueFrom.startsWith("arn:")) return valueFrom;
    return `arn:${partition}:ssm:${region}:${accountId}:parameter/${valueFrom.replace(/^\//, "")}`;
}

