import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { resourceRequiredTags } from "../../../policies/aws/resourceRequiredTags";
import { TAGGABLE_TYPES } from "../../../policies/lib/taggable";
import { res, T, tags } from "../helpers/fixtures";
import { advisory, details, runResource, UNKNOWN } from "../helpers/server";

const provider = (defaultTags: unknown) => ({ type: "pulumi:providers:aws", name: "default", props: { region: "us-east-1", defaultTags } });

describe("aws-resource-required-tags", () => {
    it("accepts a resource with every required tag", () => {
        assert.deepEqual(runResource(resourceRequiredTags, res(T.instance, "host", { tags: tags("host") })), []);
    });
    it("accepts tags that come from the provider's defaultTags (a JSON string in provider inputs)", () => {
        const spec = { ...res(T.instance, "host", { tags: { Name: "host" } }), provider: provider(JSON.stringify({ tags: { project: "p", environment: "dev", owner: "o" } })) };
        assert.deepEqual(runResource(resourceRequiredTags, spec), []);
    });
    it("counts a tag whose value is unknown during preview as present", () => {
        assert.deepEqual(runResource(resourceRequiredTags, res(T.instance, "host", { tags: { project: "p", environment: "dev", owner: UNKNOWN } })), []);
    });
    it("flags missing and empty tags, naming them", () => {
        assert.deepEqual(details(runResource(resourceRequiredTags, res(T.bucket, "b", { tags: { project: "p", owner: " " } }))),
            ["b: is missing the tags environment, owner (cost reports and ownership depend on them). Add \"environment\", \"owner\" with non-empty values to tags, or to the aws provider's defaultTags."]);
    });
    it("flags an untagged resource", () => {
        assert.equal(runResource(resourceRequiredTags, res(T.sg, "sg", { description: "x" })).length, 1);
    });
    it("reads autoscaling groups' list-shaped tags", () => {
        const asgTags = ["project", "environment", "owner"].map((key) => ({ key, value: "v", propagateAtLaunch: true }));
        assert.deepEqual(runResource(resourceRequiredTags, res("aws:autoscaling/group:Group", "asg", { tags: asgTags })), []);
    });
    it("ignores resources that cannot be tagged", () => {
        assert.deepEqual(runResource(resourceRequiredTags, res(T.rolePolicy, "p", { policy: "{}" })), []);
    });
    it("uses the configured keys", () => {
        assert.equal(runResource(resourceRequiredTags, res(T.instance, "host", { tags: tags("host") }), { config: { requiredTags: ["cost-center"] } }).length, 1);
    });
    it("notes tags that are unknown during preview", () => {
        assert.equal(advisory(runResource(resourceRequiredTags, res(T.instance, "host", { tags: UNKNOWN }))).length, 1);
    });
    it("lists only types that take tags in @pulumi/aws", () => {
        const root = path.dirname(require.resolve("@pulumi/aws/package.json"));
        for (const type of TAGGABLE_TYPES) {
            const [, mod, cls] = /^aws:([a-z0-9]+)\/([A-Za-z0-9]+):/.exec(type) ?? [];
            const dts = fs.readFileSync(path.join(root, mod, `${cls}.d.ts`), "utf8");
            const args = dts.slice(dts.indexOf(`export interface ${cls[0].toUpperCase()}${cls.slice(1)}Args`));
            assert.match(args, /\n {4}tags\?:/, type);
        }
    });
});
