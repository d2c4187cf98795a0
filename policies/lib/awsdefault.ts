/**
 * What AWS does when a program leaves a setting out, next to the policy that judges that setting:
 * the behaviour, the AWS documentation page that states it and the date it was read. A policy is
 * mandatory only where the plan weakens that default or the stack's config asks for more; the
 * note lets a reader see which of the two a verdict rests on.
 */
import type { AwsDefault as PolicyAwsDefault, PackPolicy } from "./policy";

/** How a policy file states its default: the behaviour, the page and the day it was read. */
export interface AwsDefault {
    /** What AWS does today when the input is absent, one sentence. */
    readonly behaviour: string;
    /** The AWS documentation page that states it. */
    readonly source: string;
    /** When the page was read (YYYY-MM-DD). */
    readonly checked: string;
}

/** The policy with its AWS default in its metadata (`info.awsDefault`, which the policy table shows). */
export function withAwsDefault(policy: PackPolicy, awsDefault: AwsDefault): PackPolicy {
    if (policy.info.awsDefault !== undefined) return policy;
    return { ...policy, info: { ...policy.info, awsDefault: { note: awsDefault.behaviour, url: awsDefault.source, checked: awsDefault.checked } } };
}

/** The AWS default a policy relies on, if any (one field: `info.awsDefault`). */
export function awsDefaultOf(policy: PackPolicy): PolicyAwsDefault | undefined {
    return policy.info.awsDefault;
}
