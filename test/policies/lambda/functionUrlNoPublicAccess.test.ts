import * as assert from "node:assert/strict";
import { functionUrlNoPublicAccess } from "../../../policies/lambda/functionUrlNoPublicAccess";
import { res } from "../helpers/fixtures";
import { details, runResource, UNKNOWN } from "../helpers/server";

const url = (props: Record<string, unknown>) => res("aws:lambda/functionUrl:FunctionUrl", "webhook", { functionName: UNKNOWN, ...props });

describe("lambda-function-url-no-public-access", () => {
    it("accepts a URL that needs IAM authentication", () => {
        assert.deepEqual(details(runResource(functionUrlNoPublicAccess, url({ authorizationType: "AWS_IAM" }))), []);
    });
    it("flags authorizationType NONE, the shape the public programs had", () => {
        const diags = runResource(functionUrlNoPublicAccess, url({ authorizationType: "NONE" }));
        assert.equal(diags.length, 1);
        assert.equal(diags[0].enforcementLevel, "mandatory");
        assert.match(diags[0].detail, /^webhook: authorizationType is "NONE", so anyone on the internet can invoke the function/);
    });
    it("flags a URL whose authorizationType is missing rather than passing it", () => {
        assert.equal(runResource(functionUrlNoPublicAccess, url({})).length, 1);
    });
    it("lets a deliberately public webhook through an exemption with its reason", () => {
        assert.deepEqual(runResource(functionUrlNoPublicAccess, url({ authorizationType: "NONE" }),
            { config: { exemptions: [{ resource: "webhook", reason: "Stripe webhook, signature checked in the handler" }] } }), []);
    });
    it("notes, and neither passes nor fails, an auth type not known during preview", () => {
        const diags = runResource(functionUrlNoPublicAccess, url({ authorizationType: UNKNOWN }));
        assert.equal(diags.length, 1);
        assert.match(diags[0].detail, /not known during preview/);
    });
});
