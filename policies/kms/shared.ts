/**
 * The resource type both KMS policies inspect.
 */
export const KEY = "aws:kms/key:Key";
