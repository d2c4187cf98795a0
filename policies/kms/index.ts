/**
 * KMS: symmetric keys rotate; key policies never open the key to everyone. (A key policy's
 * account-root statement, kms:* for arn:aws:iam::<account>:root, is how AWS delegates a key to
 * IAM: it is not a public grant and not an identity policy.)
 */
import type { PackPolicy } from "../lib/policy";
import { keyPolicyNoPublicPrincipal } from "./keyPolicyNoPublicPrincipal";
import { keyRotationEnabled } from "./keyRotationEnabled";
import { keyEnabled } from "./keyEnabled";
import { keyLockoutSafetyEnabled } from "./keyLockoutSafetyEnabled";

/** In table order. */
export const kmsPolicies: readonly PackPolicy[] = [keyRotationEnabled, keyPolicyNoPublicPrincipal, keyEnabled, keyLockoutSafetyEnabled];
