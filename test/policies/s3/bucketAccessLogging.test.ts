import * as assert from "node:assert/strict";
import { bucketAccessLogging as policy } from "../../../policies/s3/bucketAccessLogging";
import { res, side, T } from "../helpers/fixtures";
import { runStack, UNKNOWN } from "../helpers/server";

const LOGGING = "aws:s3/bucketLogging:BucketLogging";
const logging = (name: string, bucket: string, target: string) =>
    res(LOGGING, name, { bucket: UNKNOWN, targetBucket: UNKNOWN, targetPrefix: `${bucket}/` }, { propertyDependencies: { bucket: [bucket], targetBucket: [target] } });

describe("s3-bucket-access-logging", () => {
    it("accepts a bucket that logs into a log bucket, and leaves the log bucket itself alone", () => {
        assert.deepEqual(runStack(policy, [res(T.bucket, "uploads"), res(T.bucket, "logs"), logging("uploads-logging", "uploads", "logs")]), []);
    });
    it("accepts a link by the bucket's known name (apply mode)", () => {
        assert.deepEqual(runStack(policy, [res(T.bucket, "uploads", { bucket: "chat-uploads" }), res(LOGGING, "l", { bucket: "chat-uploads", targetBucket: "ext-logs" })]), []);
    });
    it("flags, as advisory, a bucket without access logging (not one that receives another bucket's logs)", () => {
        const diags = runStack(policy, [res(T.bucket, "uploads"), res(T.bucket, "static"), logging("static-logging", "static", "uploads")]);
        assert.deepEqual(diags.map((d) => [d.detail.split(":")[0], d.enforcementLevel]), []);
        const lone = runStack(policy, [res(T.bucket, "uploads")]);
        assert.deepEqual(lone.map((d) => d.enforcementLevel), ["advisory"]);
        assert.match(lone[0].detail, /^uploads: has no server access logging \(no aws\.s3\.BucketLogging names it\), and S3 logs no requests by default/);
    });
    it("leaves buckets that receive load balancer, trail, AWS Config or CloudFront logs alone (by dependency, through a side resource of the bucket, or by name)", () => {
        assert.deepEqual(runStack(policy, [
            res(T.bucket, "alb-logs"), res(T.loadBalancer, "web", { accessLogs: { bucket: UNKNOWN, enabled: true } }, { propertyDependencies: { accessLogs: ["alb-logs"] } }),
            res(T.bucket, "lb-logs"), res(T.bucketPolicy, "lb-logs-policy", { bucket: UNKNOWN, policy: "{}" }, { propertyDependencies: { bucket: ["lb-logs"] } }),
            res(T.loadBalancer, "api", { accessLogs: { bucket: UNKNOWN, enabled: true } }, { propertyDependencies: { accessLogs: ["lb-logs-policy"] } }),
            res(T.bucket, "trail-logs", { bucket: "org-trail" }), res(T.trail, "trail", { s3BucketName: "org-trail" }),
            res(T.bucket, "config"), res("aws:cfg/deliveryChannel:DeliveryChannel", "config-delivery", { s3BucketName: UNKNOWN }, { propertyDependencies: { s3BucketName: ["config"] } }),
            res(T.bucket, "cdn-logs", { bucket: "cdn-logs-b" }), res(T.distribution, "cdn", { loggingConfig: { bucket: "cdn-logs-b.s3.amazonaws.com" } }),
        ], { level: "mandatory" }), []);
    });
    it("notes, never fails, while a BucketLogging cannot be linked to its bucket", () => {
        const diags = runStack(policy, [res(T.bucket, "uploads"), side(LOGGING, "l", "nowhere")].map((s) => s.name === "l" ? { ...s, propertyDependencies: { bucket: [] } } : s), { level: "mandatory" });
        assert.deepEqual(diags.map((d) => d.enforcementLevel), ["advisory"]);
        assert.match(diags[0].detail, /l\.bucket is not known during preview/);
    });
});
