/**
 * What every Lambda function of stagecraft gets, as data (pure): its runtime and the policy
 * around the statements of what its code may touch.
 */
import { type Append, type PolicyDocument, type Statement } from "../iam/documents";

/** Node.js runtime of the handlers (its bundled AWS SDK v3 is what they use; no bundling needed). */
export const LAMBDA_RUNTIME = "nodejs24.x";

/**
 * A function's inline policy: write its own log group's streams, then `statements` (what its
 * code may touch), then X-Ray traces. Nothing else: no AWSLambdaBasicExecutionRole, which lets a
 * function create log groups anywhere.
 */
export function scopedFunctionPolicy<A>(logGroupArn: A, statements: readonly Statement<A>[], append: Append<A>): PolicyDocument<A | string> {
    return {
        Version: "2012-10-17",
        Statement: [
            {
                Sid: "WriteOwnLogs",
                Effect: "Allow",
                Action: ["logs:CreateLogStream", "logs:PutLogEvents"],
                Resource: [logGroupArn, append(logGroupArn, ":log-stream:*")],
            },
            ...statements,
            {
                Sid: "XRayTraces",
                Effect: "Allow",
                Action: ["xray:PutTraceSegments", "xray:PutTelemetryRecords"],
                // X-Ray's write actions support no resource-level permissions: AWS requires "*".
                Resource: ["*"],
            },
        ],
    };
}
