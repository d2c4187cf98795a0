// How an unknown value travels: the Pulumi engine and SDK mark a value that only the cloud will
// know (an id, an ARN during a preview) with this sentinel string on the wire. A mock that returns
// it makes the SDK resolve the output as unknown in a preview, exactly like a real engine; the
// policy analyzer receives the same sentinel and @pulumi/policy turns it into `undefined`.
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/** How the offline report prints an unknown value. */
export const UNKNOWN_MARKER = "<unknown>";

export function isUnknown(value: unknown): boolean {
    return value === UNKNOWN;
}
