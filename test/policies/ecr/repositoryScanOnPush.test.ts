import * as assert from "node:assert/strict";
import { repositoryScanOnPush } from "../../../policies/ecr/repositoryScanOnPush";
import { res, T } from "../helpers/fixtures";
import { details, runResource } from "../helpers/server";

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
