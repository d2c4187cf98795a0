/**
 * Intents: what an architecture needs to work and what must never work, as data (pure). Each
 * composition registers its list as the component output `intents`; the offline check
 * (tools/analyze, docs/intents.md) reads it strictly and proves every intent on the plan.
 * Endpoints: "internet", "cidr:<CIDR>", "sg:<security group resource name>", "service:<AWS service>".
 */
export interface FlowIntent {
    id: string;
    description: string;
    expect: "allow" | "deny";
    flow: { from: string; to: string; port: number; protocol: "tcp" | "udp" };
}

export interface AccessIntent {
    id: string;
    description: string;
    expect: "allow" | "deny";
    /**
     * principal: an IAM role's resource name, "any", "anonymous" (an unauthenticated caller) or
     * "service:<service principal>"; resource: a resource name, an ARN or "*"; scope: an OU's
     * resource name (its SCPs apply); context: request condition keys and values (e.g.
     * `cloudwatch:namespace`) the request carries; source: for a service principal, the resource
     * name of what it acts for (its ARN is the request's aws:SourceArn).
     */
    access: { principal: string; action: string; resource: string; scope?: string; context?: Record<string, string>; source?: string };
}

export type Intent = FlowIntent | AccessIntent;

/** A security group, as an endpoint. */
export function sg(resourceName: string): string {
    return `sg:${resourceName}`;
}

export function flow(id: string, expect: Intent["expect"], description: string, from: string, to: string, port: number): FlowIntent {
    return { id, description, expect, flow: { from, to, port, protocol: "tcp" } };
}

export function access(id: string, expect: Intent["expect"], description: string, principal: string, action: string, resource: string, scope?: string, context?: Record<string, string>): AccessIntent {
    return { id, description, expect, access: { principal, action, resource, ...(scope !== undefined ? { scope } : {}), ...(context !== undefined ? { context } : {}) } };
}

/** A request of an AWS service acting for a resource of the plan (CloudFront for a distribution, through origin access control). */
export function serviceAccess(id: string, expect: Intent["expect"], description: string, service: string, source: string, action: string, resource: string): AccessIntent {
    return { id, description, expect, access: { principal: `service:${service}`, action, resource, source } };
}

/** An unauthenticated request: what "public" means for a bucket. */
export const ANONYMOUS = "anonymous";

/** An object in a bucket no stack of this app owns: what an app role must never read. */
export function foreignBucketObject(appName: string): string {
    return `arn:aws:s3:::not-${appName}-another-stack-bucket/object`;
}
