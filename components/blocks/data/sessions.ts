/**
 * The sessions table's time-to-live attribute (pure).
 */

/** TTL attribute of the sessions table: connect-dynamodb writes `expires` (epoch seconds). */
export const SESSION_TTL_ATTRIBUTE = "expires";
