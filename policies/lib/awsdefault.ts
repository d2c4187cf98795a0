/**
 * What AWS does when a program leaves a setting out, next to the policy that judges that setting:
 * the behaviour, the AWS documentation page that states it and the date it was read. A policy is
 * mandatory only where the plan weakens that default or the stack's config asks for more; the
 * note lets a reader see which of the two a verdict rests on.
 */
import type { PackPolicy } from "./policy";

export interface AwsDefault {
    /** What AWS does today when the input is absent, one sentence. */
    readonly behaviour: string;
    /** The AWS documentation page that states it. */
    readonly source: string;
    /** When the page was read (YYYY-MM-DD). */
    readonly checked: string;
}

export type DocumentedPolicy = PackPolicy & { readonly awsDefault: AwsDefault };

/** The policy with its AWS default, also in its metadata (`info.awsDefault`, which the policy table shows). */
export function withAwsDefault(policy: PackPolicy, awsDefault: AwsDefault): DocumentedPolicy {
    const info = policy.info.awsDefault !== undefined
        ? policy.info
        : { ...policy.info, awsDefault: { note: awsDefault.behaviour, url: awsDefault.source, checked: awsDefault.checked } };
    return { ...policy, info, awsDefault };
}

export function awsDefaultOf(policy: PackPolicy): AwsDefault | undefined {
    return (policy as Partial<DocumentedPolicy>).awsDefault;
}
