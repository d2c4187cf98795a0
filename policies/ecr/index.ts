/**
 * ECR: images are scanned on push and tags are immutable.
 */
import type { PackPolicy } from "../lib/policy";
import { repositoryImmutableTags } from "./repositoryImmutableTags";
import { repositoryScanOnPush } from "./repositoryScanOnPush";
import { repositoryKmsEncrypted } from "./repositoryKmsEncrypted";
import { repositoryPolicyNoPublicPrincipal } from "./repositoryPolicyNoPublicPrincipal";

/** In table order. */
export const ecrPolicies: readonly PackPolicy[] = [repositoryScanOnPush, repositoryImmutableTags, repositoryKmsEncrypted, repositoryPolicyNoPublicPrincipal];
