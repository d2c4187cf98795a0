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
    it("dates every runtime of its list, and the dates are real days no later than the list's read date", () => {
        for (const [runtime, date] of Object.entries(DEPRECATED_RUNTIMES)) {
            assert.ok(!Number.isNaN(Date.parse(date)), `${runtime}: ${date}`);
            assert.ok(date <= "2026-12-04", `${runtime}: ${date} was not past when the list was read`);
        }
    });
    it("flags the runtimes whose projected dates passed in 2026 (python3.10, provided.al2, dotnet8), but not their successors", () => {
        for (const [runtime, since] of [["python3.10", "2026-10-31"], ["provided.al2", "2026-07-31"], ["dotnet8", "2026-11-10"]]) {
            const found = details(runResource(functionNoDeprecatedRuntime, fn({ runtime })));
            assert.equal(found.length, 1, runtime);
            assert.match(found[0], new RegExp(`deprecated on ${since}`), runtime);
        }
        for (const runtime of ["python3.11", "python3.12", "dotnet10", "ruby3.3", "java17"]) {
            assert.deepEqual(details(runResource(functionNoDeprecatedRuntime, fn({ runtime }))), [], runtime);
        }
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
