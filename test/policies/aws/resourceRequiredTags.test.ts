import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { resourceRequiredTags } from "../../../policies/aws/resourceRequiredTags";
import { LISTED } from "../../../policies/lib/hygiene";
import { TAGGABLE_TYPES } from "../../../policies/lib/taggable";
import { res, T, tags } from "../helpers/fixtures";
import { advisory, details, runStack, UNKNOWN, urnOf } from "../helpers/server";

const provider = (defaultTags: unknown) => ({ type: "pulumi:providers:aws", name: "default", props: { region: "us-east-1", defaultTags } });
const STACK = "pulumi:pulumi:Stack";
const FIX = "Add the keys with non-empty values to the aws provider's defaultTags (once for every resource) or to each resource's tags.";

describe("aws-resource-required-tags", () => {
    it("accepts a resource with every required tag", () => {
        assert.deepEqual(runStack(resourceRequiredTags, [res(T.instance, "host", { tags: tags("host") })]), []);
    });
    it("accepts tags that come from the provider's defaultTags (a JSON string in provider inputs)", () => {
        const spec = { ...res(T.instance, "host", { tags: { Name: "host" } }), provider: provider(JSON.stringify({ tags: { project: "p", environment: "dev", owner: "o" } })) };
        assert.deepEqual(runStack(resourceRequiredTags, [spec]), []);
    });
    it("counts a tag whose value is unknown during preview as present", () => {
        assert.deepEqual(runStack(resourceRequiredTags, [res(T.instance, "host", { tags: { project: "p", environment: "dev", owner: UNKNOWN } })]), []);
    });
    it("reports a stack of untagged resources once, on the stack, listing each resource and its missing keys", () => {
        const diags = runStack(resourceRequiredTags, [
            res(STACK, "app-dev"),
            res(T.bucket, "b", { tags: { project: "p", owner: " " } }, { parent: "app-dev" }),
            res(T.sg, "sg", { description: "x" }, { parent: "app-dev" }),
            res(T.instance, "host", { tags: tags("host") }, { parent: "app-dev" }),
        ]);
        assert.deepEqual(details(diags), [`app-dev: 2 resources miss required tags (cost reports and ownership depend on them): b (environment, owner), sg (project, environment, owner). ${FIX}`]);
        assert.equal(diags[0].urn, urnOf({ type: STACK, name: "app-dev" }));
        assert.equal(diags[0].enforcementLevel, "advisory");
    });
    it("reports once per component, on the outermost component", () => {
        const diags = runStack(resourceRequiredTags, [
            res(STACK, "app-dev"),
            res("stagecraft:architectures:SingleHost", "phase", {}, { parent: "app-dev" }),
            res("stagecraft:blocks:SecureBucket", "uploads", {}, { parent: "phase" }),
            res(T.bucket, "uploads-bucket", {}, { parent: "uploads" }),
            res(T.sg, "host-sg", {}, { parent: "phase" }),
            res(T.bucket, "loose", {}, { parent: "app-dev" }),
        ]);
        assert.deepEqual(diags.map((d) => d.urn), [urnOf({ type: "stagecraft:architectures:SingleHost", name: "phase" }), urnOf({ type: STACK, name: "app-dev" })]);
        assert.match(diags[0].detail, /^phase: 2 resources miss required tags .*: uploads-bucket \(project, environment, owner\), host-sg \(project, environment, owner\)\./);
    });
    it("names the first resources and counts the rest on a large stack", () => {
        const specs = Array.from({ length: LISTED + 7 }, (_, i) => res(T.sg, `sg-${i}`, { description: "x" }));
        const diags = runStack(resourceRequiredTags, specs);
        assert.equal(diags.length, 1);
        assert.match(diags[0].detail, new RegExp(`^sg-0: ${LISTED + 7} resources miss required tags .*sg-${LISTED - 1} \\(project, environment, owner\\), and 7 more\\.`));
    });
    it("takes its level from the stack's config", () => {
        assert.deepEqual(runStack(resourceRequiredTags, [res(T.sg, "sg", {})], { level: "mandatory" }).map((d) => d.enforcementLevel), ["mandatory"]);
    });
    it("reads autoscaling groups' list-shaped tags", () => {
        const asgTags = ["project", "environment", "owner"].map((key) => ({ key, value: "v", propagateAtLaunch: true }));
        assert.deepEqual(runStack(resourceRequiredTags, [res("aws:autoscaling/group:Group", "asg", { tags: asgTags })]), []);
    });
    it("ignores resources that cannot be tagged", () => {
        assert.deepEqual(runStack(resourceRequiredTags, [res(T.rolePolicy, "p", { policy: "{}" })]), []);
    });
    it("uses the configured keys", () => {
        assert.equal(runStack(resourceRequiredTags, [res(T.instance, "host", { tags: tags("host") })], { config: { requiredTags: ["cost-center"] } }).length, 1);
    });
    it("notes tags that are unknown during preview", () => {
        assert.equal(advisory(runStack(resourceRequiredTags, [res(T.instance, "host", { tags: UNKNOWN })])).length, 1);
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
