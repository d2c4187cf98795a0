/**
 * What a scoped function may do (pure IAM documents): its own log streams, X-Ray, and the
 * statements its caller gives it.
 */
import { type Append, type PolicyDocument, type Statement } from "../iam/documents";

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
