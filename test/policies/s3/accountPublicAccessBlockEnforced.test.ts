import * as assert from "node:assert/strict";
import { accountPublicAccessBlockEnforced } from "../../../policies/s3/accountPublicAccessBlockEnforced";
import { ALL_BLOCKED, res } from "../helpers/fixtures";
import { details, runResource, UNKNOWN } from "../helpers/server";

const block = (props: Record<string, unknown>) => res("aws:s3/accountPublicAccessBlock:AccountPublicAccessBlock", "account", props);

describe("s3-account-public-access-block-enforced", () => {
    it("accepts all four flags on", () => {
        assert.deepEqual(details(runResource(accountPublicAccessBlockEnforced, block(ALL_BLOCKED))), []);
    });
    it("flags each weakened flag on its own", () => {
        for (const flag of Object.keys(ALL_BLOCKED)) {
            const diags = runResource(accountPublicAccessBlockEnforced, block({ ...ALL_BLOCKED, [flag]: false }));
            assert.equal(diags.length, 1, flag);
            assert.match(diags[0].detail, new RegExp(`^account: ${flag} is false`));
            assert.equal(diags[0].enforcementLevel, "mandatory");
        }
    });
    it("flags a block that leaves flags out, since the API then turns them off for the whole account", () => {
        assert.equal(runResource(accountPublicAccessBlockEnforced, block({ blockPublicAcls: true })).length, 3);
    });
    it("notes, and neither passes nor fails, a flag not known during preview", () => {
        const diags = runResource(accountPublicAccessBlockEnforced, block({ ...ALL_BLOCKED, blockPublicPolicy: UNKNOWN }));
        assert.equal(diags.length, 1);
        assert.equal(diags[0].enforcementLevel, "advisory");
    });
});
