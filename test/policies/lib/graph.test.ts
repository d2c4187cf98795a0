import * as assert from "node:assert/strict";
import { StackView } from "../../../policies/lib/graph";
import { type ResourceSpec, stackArgs, UNKNOWN as WIRE_UNKNOWN } from "../helpers/server";

const BUCKET = "aws:s3/bucket:Bucket";
const SSE = "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration";

function view(specs: ResourceSpec[]): StackView {
    return new StackView(stackArgs(specs).resources);
}

describe("policies/lib/graph", () => {
    it("links a side resource to its parent through the property's dependencies when the id is unknown", () => {
        const stack = view([
            { type: BUCKET, name: "a", props: { bucket: WIRE_UNKNOWN } },
            { type: BUCKET, name: "b", props: { bucket: WIRE_UNKNOWN } },
            { type: SSE, name: "b-sse", props: { bucket: WIRE_UNKNOWN }, propertyDependencies: { bucket: ["b"] } },
        ]);
        const t = stack.target(stack.resources[2], "bucket", [BUCKET], ["bucket", "id"]);
        assert.equal(t.kind, "resolved");
        assert.deepEqual(t.kind === "resolved" && t.resources.map((r) => r.name), ["b"]);
    });

    it("links by a known value equal to the parent's identity", () => {
        const stack = view([
            { type: BUCKET, name: "a", props: { bucket: "logs-123" } },
            { type: SSE, name: "s", props: { bucket: "logs-123" } },
        ]);
        const t = stack.target(stack.resources[1], "bucket", [BUCKET], ["bucket", "id"]);
        assert.deepEqual(t.kind === "resolved" && t.resources.map((r) => r.name), ["a"]);
    });

    it("calls a known value that names no resource of the stack external", () => {
        const stack = view([{ type: SSE, name: "s", props: { bucket: "existing-bucket" } }, { type: BUCKET, name: "a", props: {} }]);
        assert.deepEqual(stack.target(stack.resources[0], "bucket", [BUCKET], ["bucket"]), { kind: "external", value: "existing-bucket" });
    });

    it("falls back to the single parent among all dependencies when the property has none recorded", () => {
        const stack = view([
            { type: BUCKET, name: "a", props: {} },
            { type: "aws:kms/key:Key", name: "k", props: {} },
            { type: SSE, name: "s", props: { bucket: WIRE_UNKNOWN }, dependsOn: ["a", "k"] },
        ]);
        const t = stack.target(stack.resources[2], "bucket", [BUCKET], ["bucket"]);
        assert.deepEqual(t.kind === "resolved" && t.resources.map((r) => r.name), ["a"]);
    });

    it("leaves an unknown reference without a traceable dependency unresolved", () => {
        const stack = view([
            { type: BUCKET, name: "a", props: {} },
            { type: BUCKET, name: "b", props: {} },
            { type: SSE, name: "s", props: { bucket: WIRE_UNKNOWN }, dependsOn: ["a", "b"] },
        ]);
        assert.deepEqual(stack.target(stack.resources[2], "bucket", [BUCKET], ["bucket"]), { kind: "unresolved" });
    });

    it("groups side resources by parent and lists the unresolved ones", () => {
        const stack = view([
            { type: BUCKET, name: "a", props: {} },
            { type: SSE, name: "a-sse", props: { bucket: WIRE_UNKNOWN }, propertyDependencies: { bucket: ["a"] } },
            { type: SSE, name: "lost", props: { bucket: WIRE_UNKNOWN } },
        ]);
        const links = stack.links([SSE], "bucket", [BUCKET], ["bucket"]);
        assert.deepEqual(links.byTarget.get(stack.resources[0].urn)?.map((r) => r.name), ["a-sse"]);
        assert.deepEqual(links.unresolved.map((r) => r.name), ["lost"]);
    });

    it("exposes plain props, parents and dependencies of every resource", () => {
        const stack = view([
            { type: "stagecraft:storage:SecureBucket", name: "c", props: {} },
            { type: BUCKET, name: "a", props: { tags: { project: "x" } }, parent: "c" },
        ]);
        const bucket = stack.ofType([BUCKET])[0];
        assert.deepEqual(bucket.props, { tags: { project: "x" } });
        assert.equal(bucket.parent?.name, "c");
        assert.deepEqual(bucket.dependencies, []);
    });
});
