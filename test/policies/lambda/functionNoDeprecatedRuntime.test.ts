import * as assert from "node:assert/strict";
import { DEPRECATED_RUNTIMES, functionNoDeprecatedRuntime } from "../../../policies/lambda/functionNoDeprecatedRuntime";
import { res } from "../helpers/fixtures";
import { details, runResource, UNKNOWN } from "../helpers/server";

const fn = (props: Record<string, unknown>) => res("aws:lambda/function:Function", "handler", { handler: "index.handler", role: UNKNOWN, ...props });

describe("lambda-function-no-deprecated-runtime", () => {
    it("accepts current runtimes", () => {
        for (const runtime of ["nodejs22.x", "nodejs24.x", "python3.13", "java21", "provided.al2023"]) {
            assert.deepEqual(details(runResource(functionNoDeprecatedRuntime, fn({ runtime }))), [], runtime);
        }
    });
    it("flags the retired runtimes of the public programs (nodejs14.x, python3.8, go1.x), naming the deprecation date", () => {
        assert.deepEqual(details(runResource(functionNoDeprecatedRuntime, fn({ runtime: "nodejs14.x" }))),
            ["handler: runtime is \"nodejs14.x\", which Lambda deprecated on 2023-12-04: it gets no security patches and new functions cannot be created on it. Move to a supported runtime (e.g. nodejs22.x, python3.13)."]);
        for (const runtime of ["python3.8", "go1.x", " NodeJS18.x "]) assert.equal(runResource(functionNoDeprecatedRuntime, fn({ runtime })).length, 1, runtime);
    });
    it("dates every runtime of its list, and the dates are real days", () => {
        for (const [runtime, date] of Object.entries(DEPRECATED_RUNTIMES)) assert.ok(!Number.isNaN(Date.parse(date)), `${runtime}: ${date}`);
    });
    it("leaves container-image functions (no runtime) to their image", () => {
        assert.deepEqual(details(runResource(functionNoDeprecatedRuntime, fn({ packageType: "Image", imageUri: UNKNOWN }))), []);
    });
    it("takes the list from config, so a newly deprecated runtime can be added without a release", () => {
        assert.equal(runResource(functionNoDeprecatedRuntime, fn({ runtime: "nodejs22.x" }), { config: { deprecatedRuntimes: ["nodejs22.x"] } }).length, 1);
    });
    it("notes, and neither passes nor fails, a runtime not known during preview", () => {
        const diags = runResource(functionNoDeprecatedRuntime, fn({ runtime: UNKNOWN }));
        assert.equal(diags.length, 1);
        assert.equal(diags[0].enforcementLevel, "advisory");
        assert.match(diags[0].detail, /not known during preview/);
    });
});
