/**
 * The Lambda runtime every function of the program uses.
 */

/** Node.js runtime of the handlers (its bundled AWS SDK v3 is what they use; no bundling needed). */
export const LAMBDA_RUNTIME = "nodejs24.x";
