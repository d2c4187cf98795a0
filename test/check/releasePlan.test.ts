// The release workflow's plan: what each stack file releases, named by the program's own parser.
import * as assert from "node:assert/strict";
import { outputLines, planForStack, releasePlan } from "../../tools/ci/release-plan";
import { settingsFrom } from "../helpers/settings";

describe("release plan (tools/ci/release-plan.ts)", () => {
    it("phase 1 (dev) deploys on the hosts through SSM and builds no image", () => {
        const plan = planForStack("dev");
        assert.deepEqual([plan.phase, plan.hosts, plan.images, plan.cluster], [1, true, [], ""]);
    });

    it("phase 1 with spa: changed static assets are uploaded, then a deploy mirrors them onto the host (there is no CDN to refresh)", () => {
        const spa = settingsFrom({ spa: true, appPrefixes: ["/api"] });
        const assets = releasePlan("dev", spa, ["static/index.html"]);
        assert.deepEqual([assets.spa, assets.hosts, assets.static], [true, true, false]);
        const app = releasePlan("dev", spa, ["app/server.js"]);
        assert.deepEqual([app.spa, app.hosts], [false, true], "the app alone: a deploy, and the assets already in the bucket");
        const noSpa = releasePlan("dev", settingsFrom({}), ["static/index.html"]);
        assert.deepEqual([noSpa.spa, noSpa.hosts], [false, false], "without spa the host serves no static assets");
        assert.ok(outputLines(assets).includes("spa=true"));
    });

    it("prod builds the api and the mTLS gateway and API images, into the stack's repositories and task families", () => {
        const plan = planForStack("prod");
        assert.equal(plan.cluster, "chat-prod");
        assert.deepEqual(plan.images.map((i) => [i.service, i.context, i.repository, i.family]), [
            ["api", "app", "chat-prod/api", "chat-prod-api"],
            ["mtls-gateway", "mtls/gateway", "chat-prod/mtls-gateway", "chat-prod-mtls-gateway"],
            ["mtls-api", "mtls/api", "chat-prod/mtls-api", "chat-prod-mtls-api"],
        ]);
        assert.equal(plan.hosts, false);
    });

    it("a push releases only what it changed: the api's image for app/, the CDN for static/", () => {
        const settings = settingsFrom({ phase: 3, environment: "prod", appName: "chat", domain: "example.com", hostedZoneId: "Z0123456789EXAMPLE01", natStrategy: "gateway", alertEmail: "ops@example.com", workerServices: ["notifications"] }, { stack: "prod" });
        const app = releasePlan("prod", settings, ["app/src/server.js"]);
        assert.deepEqual(app.images.map((i) => i.service), ["api"]);
        assert.equal(app.static, false);
        const worker = releasePlan("prod", settings, ["workers/notifications/Dockerfile"]);
        assert.deepEqual(worker.images.map((i) => [i.service, i.repository]), [["notifications", "chat-prod/notifications"]]);
        const assets = releasePlan("prod", settings, ["static/index.html"]);
        assert.deepEqual([assets.images.length, assets.static], [0, true]);
        assert.deepEqual(releasePlan("prod", settings).images.map((i) => i.service), ["api", "notifications"], "a manual run releases everything");
    });

    it("builds ARM64 images natively for ARM64 tasks", () => {
        const settings = settingsFrom({ phase: 3, environment: "prod", appName: "chat", domain: "example.com", hostedZoneId: "Z0123456789EXAMPLE01", natStrategy: "gateway", alertEmail: "ops@example.com", cpuArchitecture: "ARM64" }, { stack: "prod" });
        const [api] = releasePlan("prod", settings).images;
        assert.deepEqual([api.platform, api.runner], ["linux/arm64", "ubuntu-24.04-arm"]);
    });

    it("writes one line per output, the images as one line of JSON", () => {
        const lines = outputLines(planForStack("enterprise"));
        assert.ok(lines.every((l) => /^[a-z]+=[^\n]*$/.test(l)));
        assert.deepEqual(JSON.parse(lines.find((l) => l.startsWith("images="))!.slice("images=".length)).map((i: { service: string }) => i.service), ["api"]);
    });

    it("refuses a stack name that is no stack name", () => {
        assert.throws(() => planForStack("prod; rm -rf /"), /letters, digits/);
    });
});
