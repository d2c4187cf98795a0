import * as assert from "node:assert/strict";
import { repositoryImmutableTags } from "../../policies/ecr/repositoryImmutableTags";
import { repositoryScanOnPush } from "../../policies/ecr/repositoryScanOnPush";
import { res, T } from "./helpers/fixtures";
import { details, runResource } from "./helpers/server";

describe("ecr-repository-scan-on-push", () => {
    it("accepts scan on push", () => {
        assert.deepEqual(runResource(repositoryScanOnPush, res(T.repository, "api", { imageScanningConfiguration: { scanOnPush: true } })), []);
    });
    it("flags a repository that does not scan", () => {
        assert.deepEqual(details(runResource(repositoryScanOnPush, res(T.repository, "api", {}))),
            ["api: imageScanningConfiguration.scanOnPush is not set, so pushed images are never scanned for known vulnerabilities. Set imageScanningConfiguration: { scanOnPush: true }."]);
        assert.equal(runResource(repositoryScanOnPush, res(T.repository, "api", { imageScanningConfiguration: { scanOnPush: false } })).length, 1);
    });
});

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
