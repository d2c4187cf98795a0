/** What several ec2 policy specs share. */
import type { PackPolicy } from "../../../policies/lib/policy";
import { res } from "../helpers/fixtures";
import { type Diagnostic, type RunOptions, runResource } from "../helpers/server";

export function check(policy: PackPolicy, type: string, props: Record<string, unknown>, options?: RunOptions): Diagnostic[] {
    return runResource(policy, res(type, "web-sg", props), options);
}
