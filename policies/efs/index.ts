/**
 * EFS: file systems encrypted at rest.
 */
import type { PackPolicy } from "../lib/policy";
import { fileSystemEncrypted } from "./fileSystemEncrypted";

/** In table order. */
export const efsPolicies: readonly PackPolicy[] = [
    fileSystemEncrypted,
];
