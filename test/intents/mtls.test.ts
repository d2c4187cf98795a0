// Seed 002's mTLS API on the prod stack: its intents are proved (partner → NLB → gateway → API,
// the API closed to the internet, each task pulling from its own repository), and the API runs
// an image of its own: before, program.ts handed it the chat app's tag (appImageTag) in the
// API's repository, where nobody pushes that tag, so its tasks never started.
import * as assert from "node:assert/strict";
import { buildStack } from "../../components/architectures/program";
import { ofType, runWithMocks } from "../helpers/pulumi";
import { stackSettings } from "../helpers/stack";
import { intentsOf, resultOf } from "./stack";

describe("mTLS API intents and image (prod stack)", function () {
    this.timeout(180_000);

    it("proves every intent of the prod stack, the mTLS API's included", async () => {
        const results = await intentsOf("prod", {});
        assert.deepEqual(results.filter((r) => r.status !== "proved").map((r) => `${r.id}: ${r.explanation}`), []);
        for (const id of ["partner-to-nlb", "nlb-to-gateway", "gateway-to-api", "no-internet-to-api", "api-pulls-its-image"]) {
            assert.equal(resultOf(results, id).status, "proved", id);
        }
    });

    it("the API's task runs <its repository>:<mtlsApiImageTag>, not the chat app's tag", async () => {
        const settings = stackSettings("prod");
        assert.ok(settings.phase !== 1 && settings.mtls !== undefined);
        const { registrations } = await runWithMocks(() => buildStack(settings), { stack: "prod", region: settings.region });
        const taskDefinition = ofType(registrations, "aws:ecs/taskDefinition:TaskDefinition").find((r) => r.name.endsWith("-mtls-api-task-def"));
        assert.ok(taskDefinition);
        const [container] = JSON.parse(taskDefinition.inputs.containerDefinitions) as Array<{ image: string }>;
        assert.match(container.image, /mtls-api:8c41d07$/);
        assert.notEqual(settings.mtls.apiImageTag, settings.app.initialTag);
    });
});
