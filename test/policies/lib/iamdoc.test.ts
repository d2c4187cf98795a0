import * as assert from "node:assert/strict";
import {
    conditionValues, describeStatement, grantsEverything, hasPublicPrincipal, isRestrictedByCondition, isServiceWildcard,
    matchesEveryAction, matchesEveryResource, parseDocument, publicAccessOf, type Statement,
} from "../../../policies/lib/iamdoc";
import { UNKNOWN } from "../../../policies/lib/values";
import { UNKNOWN as WIRE_UNKNOWN } from "../helpers/server";

function statements(doc: unknown): readonly Statement[] {
    const parsed = parseDocument(doc);
    if (parsed.kind !== "parsed") throw new Error(`document did not parse: ${parsed.kind}`);
    return parsed.statements;
}

function one(statement: Record<string, unknown>): Statement {
    return statements({ Version: "2012-10-17", Statement: [statement] })[0];
}

describe("policies/lib/iamdoc", () => {
    it("parses a document given as a JSON string or as an object", () => {
        const doc = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:GetObject", Resource: "*" }] };
        assert.equal(statements(JSON.stringify(doc)).length, 1);
        assert.equal(statements(doc).length, 1);
    });

    it("accepts Statement as a single object and statements as JSON strings", () => {
        assert.equal(statements({ Statement: { Effect: "Allow", Action: "*", Resource: "*" } }).length, 1);
        const st = statements({ Statement: [JSON.stringify({ Sid: "S", Effect: "Allow", Action: ["*"], Resource: ["*"] })] })[0];
        assert.equal(st.sid, "S");
        assert.deepEqual(st.action.values, ["*"]);
    });

    it("reports unknown, absent and invalid documents for what they are", () => {
        assert.equal(parseDocument(WIRE_UNKNOWN).kind, "unknown");
        assert.equal(parseDocument({ Statement: WIRE_UNKNOWN }).kind, "unknown");
        assert.equal(parseDocument(undefined).kind, "absent");
        assert.equal(parseDocument("{not json").kind, "invalid");
        assert.equal(parseDocument("[1]").kind, "invalid");
    });

    it("counts statements that are unknown as a whole", () => {
        const parsed = parseDocument({ Statement: [WIRE_UNKNOWN, { Effect: "Deny", Action: "*", Resource: "*" }] });
        assert.equal(parsed.kind === "parsed" && parsed.unknownStatements, 1);
    });

    it("recognises every-action, service-wildcard and every-resource patterns", () => {
        for (const a of ["*", "*:*", " * "]) assert.equal(matchesEveryAction(a), true, a);
        for (const a of ["s3:*", "iam:Get*"]) assert.equal(matchesEveryAction(a), false, a);
        assert.equal(isServiceWildcard("s3:*"), true);
        assert.equal(isServiceWildcard("s*:*"), true);
        assert.equal(isServiceWildcard("s3:Get*"), false);
        for (const r of ["*", "arn:*", "arn:aws:*", "arn:aws:*:*:*:*", "arn:aws-cn:*:*:*:*"]) assert.equal(matchesEveryResource(r), true, r);
        for (const r of ["arn:aws:s3:::*", "arn:aws:s3:::bucket/*"]) assert.equal(matchesEveryResource(r), false, r);
    });

    it("finds full access through Action *, NotAction and NotResource, and only with Allow", () => {
        assert.equal(grantsEverything(one({ Effect: "Allow", Action: "*", Resource: "*" })), true);
        assert.equal(grantsEverything(one({ Effect: "Allow", NotAction: "iam:*", Resource: "*" })), true);
        assert.equal(grantsEverything(one({ Effect: "Allow", Action: ["*"], NotResource: "arn:aws:s3:::x" })), true);
        assert.equal(grantsEverything(one({ Effect: "Deny", Action: "*", Resource: "*" })), false);
        assert.equal(grantsEverything(one({ Effect: "Allow", Action: "*", Resource: "arn:aws:s3:::b/*" })), false);
        assert.equal(grantsEverything(one({ Effect: "Allow", Action: "s3:*", Resource: "*" })), false);
    });

    it("cannot tell full access when a deciding field is unknown", () => {
        assert.equal(grantsEverything(one({ Effect: WIRE_UNKNOWN, Action: "*", Resource: "*" })), UNKNOWN);
        assert.equal(grantsEverything(one({ Effect: "Allow", Action: [WIRE_UNKNOWN], Resource: "*" })), UNKNOWN);
        assert.equal(grantsEverything(one({ Effect: "Allow", Action: "*", Resource: WIRE_UNKNOWN })), UNKNOWN);
        assert.equal(grantsEverything(one({ Effect: "Allow", Action: [WIRE_UNKNOWN], Resource: "arn:aws:s3:::b" })), false);
    });

    it("finds public principals in every spelling", () => {
        assert.equal(hasPublicPrincipal(one({ Principal: "*" })), true);
        assert.equal(hasPublicPrincipal(one({ Principal: { AWS: "*" } })), true);
        assert.equal(hasPublicPrincipal(one({ Principal: { AWS: ["arn:aws:iam::1:root", "*"] } })), true);
        assert.equal(hasPublicPrincipal(one({ Principal: { AWS: "arn:aws:iam::123456789012:root" } })), false);
        assert.equal(hasPublicPrincipal(one({ Principal: { Service: "cloudfront.amazonaws.com" } })), false);
        assert.equal(hasPublicPrincipal(one({ Principal: { AWS: WIRE_UNKNOWN } })), UNKNOWN);
        assert.equal(hasPublicPrincipal(one({})), false);
    });

    it("accepts only positive conditions on account, organisation, source or network keys as pinning", () => {
        assert.equal(isRestrictedByCondition(one({ Condition: { StringEquals: { "aws:PrincipalOrgID": "o-123" } } })), true);
        assert.equal(isRestrictedByCondition(one({ Condition: { ArnLike: { "AWS:SourceArn": "arn:aws:cloudfront::1:distribution/X" } } })), true);
        assert.equal(isRestrictedByCondition(one({ Condition: { StringEquals: { "kms:CallerAccount": "123456789012" } } })), true);
        assert.equal(isRestrictedByCondition(one({ Condition: { IpAddress: { "aws:SourceIp": "203.0.113.0/24" } } })), true);
        assert.equal(isRestrictedByCondition(one({ Condition: { IpAddress: { "aws:SourceIp": "0.0.0.0/0" } } })), false);
        assert.equal(isRestrictedByCondition(one({ Condition: { StringNotEquals: { "aws:SourceAccount": "1" } } })), false);
        assert.equal(isRestrictedByCondition(one({ Condition: { StringEqualsIfExists: { "aws:SourceAccount": "1" } } })), false);
        assert.equal(isRestrictedByCondition(one({ Condition: { "ForAllValues:StringEquals": { "aws:PrincipalOrgID": "o-1" } } })), false);
        assert.equal(isRestrictedByCondition(one({ Condition: { StringLike: { "aws:SourceArn": "*" } } })), false);
        assert.equal(isRestrictedByCondition(one({ Condition: { Bool: { "aws:SecureTransport": "true" } } })), false);
        assert.equal(isRestrictedByCondition(one({ Condition: WIRE_UNKNOWN })), UNKNOWN);
        assert.equal(isRestrictedByCondition(one({ Condition: { StringEquals: { "aws:SourceAccount": WIRE_UNKNOWN } } })), UNKNOWN);
    });

    it("reads condition values by key in any case, per operator", () => {
        const st = one({ Condition: { StringLike: { "Token.Actions.GitHubUserContent.com:sub": ["repo:o/r:*"] }, StringEquals: { "token.actions.githubusercontent.com:aud": "sts.amazonaws.com" } } });
        assert.deepEqual(conditionValues(st, "token.actions.githubusercontent.com:sub", ["stringlike"]).map((s) => s.values), [["repo:o/r:*"]]);
        assert.deepEqual(conditionValues(st, "token.actions.githubusercontent.com:sub", ["StringEquals"]), []);
    });

    it("names statements by index and Sid", () => {
        assert.equal(describeStatement(one({ Sid: "Admin" })), "statement 0 (Sid Admin)");
        assert.equal(describeStatement(one({})), "statement 0");
    });

    describe("publicAccessOf", () => {
        it("an Allow to Principal \"*\" without a pinning condition is public", () => {
            assert.equal(publicAccessOf(one({ Effect: "Allow", Principal: "*", Action: "s3:GetObject", Resource: "*" })), "public");
            assert.equal(publicAccessOf(one({ Effect: "Allow", Principal: { AWS: "*" }, Action: "kms:Decrypt", Resource: "*" })), "public");
        });

        it("a pinning condition, a named principal or a Deny is restricted", () => {
            assert.equal(publicAccessOf(one({
                Effect: "Allow", Principal: "*", Action: "kms:Decrypt", Resource: "*",
                Condition: { StringEquals: { "kms:CallerAccount": "123456789012" } },
            })), "restricted");
            assert.equal(publicAccessOf(one({ Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" })), "restricted");
            assert.equal(publicAccessOf(one({ Effect: "Deny", Principal: "*", Action: "s3:*", Resource: "*" })), "restricted");
        });

        it("is unknown while the principal or the condition of an Allow is unknown", () => {
            assert.equal(publicAccessOf(one({ Effect: "Allow", Principal: WIRE_UNKNOWN, Action: "s3:GetObject", Resource: "*" })), UNKNOWN);
            assert.equal(publicAccessOf(one({ Effect: "Allow", Principal: "*", Action: "s3:GetObject", Resource: "*", Condition: WIRE_UNKNOWN })), UNKNOWN);
        });

        it("a Deny never needs its unknown principal to be judged", () => {
            assert.equal(publicAccessOf(one({ Effect: "Deny", Principal: WIRE_UNKNOWN, Action: "s3:*", Resource: "*" })), "restricted");
        });
    });
});
