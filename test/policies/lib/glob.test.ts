import * as assert from "node:assert/strict";
import { globMatch, matchesAny } from "../../../policies/lib/glob";

describe("policies/lib/glob", () => {
    it("matches * across any characters and ? as one character, anchored at both ends", () => {
        assert.equal(globMatch("chat-*-static", "chat-prod-static"), true);
        assert.equal(globMatch("chat-*-static", "chat-prod-static-ownership"), false);
        assert.equal(globMatch("*backup*", "chat-dev-backups"), true);
        assert.equal(globMatch("sg-?", "sg-1"), true);
        assert.equal(globMatch("sg-?", "sg-12"), false);
    });

    it("treats regex characters in patterns literally", () => {
        assert.equal(globMatch("a.b(c)+[d]", "a.b(c)+[d]"), true);
        assert.equal(globMatch("a.b", "axb"), false);
        assert.equal(globMatch("ELBSecurityPolicy-TLS13-1-2-*", "ELBSecurityPolicy-TLS13-1-2-2021-06"), true);
    });

    it("matches any of several patterns", () => {
        assert.equal(matchesAny(["x", "y*"], "yes"), true);
        assert.equal(matchesAny([], "yes"), false);
    });
});
