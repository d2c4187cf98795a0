import * as assert from "node:assert/strict";
import { repositoryImmutableTags } from "../../../policies/ecr/repositoryImmutableTags";
import { res, T } from "../helpers/fixtures";
import { details, runResource } from "../helpers/server";

describe("ecr-repository-immutable-tags", () => {
    it("accepts immutable tags, with or without exclusions", () => {
        assert.deepEqual(runResource(repositoryImmutableTags, res(T.repository, "api", { imageTagMutability: "IMMUTABLE" })), []);
        assert.deepEqual(runResource(repositoryImmutableTags, res(T.repository, "api", { imageTagMutability: "IMMUTABLE_WITH_EXCLUSION" })), []);
    });
    it("flags mutable tags, also by default", () => {
        assert.match(details(runResource(repositoryImmutableTags, res(T.repository, "api", {})))[0], /^api: imageTagMutability is not set \(MUTABLE\)/);
        assert.equal(runResource(repositoryImmutableTags, res(T.repository, "api", { imageTagMutability: "MUTABLE" })).length, 1);
    });
});
