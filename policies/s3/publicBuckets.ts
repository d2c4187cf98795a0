/**
 * The publicBuckets setting, as the public-access and bucket-policy policies read it.
 */
import type { PublicBucket } from "../lib/config";
import { matchesAny } from "../lib/glob";

export function publicEntry(list: readonly PublicBucket[], name: string): PublicBucket | undefined {
    return list.find((p) => matchesAny([p.bucket], name));
}
