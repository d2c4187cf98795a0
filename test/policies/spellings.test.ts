/**
 * Every spelling of a violation the fuzzing pass of issue 15 found slipping through, one case per
 * spelling, across the policies that must catch it: wildcard actions judged by what AWS matches,
 * conditions that pin nothing, protocol numbers, and SSH opened by many narrow blocks together.
 */
import * as assert from "node:assert/strict";
import { securityGroupNoPublicSsh } from "../../policies/ec2/securityGroupNoPublicSsh";
import { noAdministratorAccess } from "../../policies/iam/noAdministratorAccess";
import { noWildcardActions } from "../../policies/iam/noWildcardActions";
import { roleTrustNoPublicPrincipal } from "../../policies/iam/roleTrustNoPublicPrincipal";
import { keyPolicyNoPublicPrincipal } from "../../policies/kms/keyPolicyNoPublicPrincipal";
import { bucketPolicyNoPublicPrincipal } from "../../policies/s3/bucketPolicyNoPublicPrincipal";
import { res, side, T } from "./helpers/fixtures";
import { mandatory, type ResourceSpec, runResource, type RunOptions, runStack } from "./helpers/server";

/** iam-no-administrator-access is a stack policy (it correlates attachments with the policies of the stack): one resource is a stack of one. */
const runAdmin = (spec: ResourceSpec, options?: RunOptions) => runStack(noAdministratorAccess, [spec], options);

const doc = (...statements: unknown[]) => JSON.stringify({ Version: "2012-10-17", Statement: statements });
const allow = (action: string, extra: Record<string, unknown> = {}) => ({ Effect: "Allow", Action: action, Resource: "*", ...extra });

describe("every spelling (issue 15)", () => {
    describe("wildcard actions on Resource \"*\"", () => {
        for (const action of ["?*", "**", "*:?*", "*?", "*:*"]) {
            it(`"${action}" is administrator access and a wildcard`, () => {
                assert.equal(mandatory(runAdmin(res(T.policy, "p", { policy: doc(allow(action)) }))).length, 1);
                assert.equal(mandatory(runResource(noWildcardActions, res(T.policy, "p", { policy: doc(allow(action)) }))).length, 1);
            });
        }
        for (const action of ["iam:?*", "iam:*?", "s3:?*", "IAM:*", "iam:???*"]) {
            it(`"${action}" is a whole-service wildcard, not administrator access`, () => {
                assert.equal(mandatory(runResource(noWildcardActions, res(T.rolePolicy, "p", { policy: doc(allow(action)) }))).length, 1);
                assert.deepEqual(runAdmin(res(T.rolePolicy, "p", { policy: doc(allow(action)) })), []);
            });
        }
        it("accepts named actions and prefixes that leave actions out", () => {
            assert.deepEqual(runResource(noWildcardActions, res(T.policy, "p", { policy: doc(allow("s3:Get*"), allow("s3:PutObject")) })), []);
        });
    });

    describe("conditions that pin nothing do not restrict Principal \"*\"", () => {
        const open = [
            { StringLike: { "aws:PrincipalArn": "?*" } },
            { StringLike: { "aws:PrincipalArn": "*" } },
            { ArnLike: { "aws:PrincipalArn": "arn:aws:iam::*:*" } },
            { ArnLike: { "aws:SourceArn": "arn:aws:iam::*:role/deploy" } },
            { StringLike: { "aws:PrincipalAccount": "1234*" } },
            { IpAddress: { "aws:SourceIp": ["0.0.0.0/1", "128.0.0.0/1"] } },
            { IpAddress: { "aws:SourceIp": Array.from({ length: 512 }, (_, i) => `${i >> 1}.${(i & 1) * 128}.0.0/9`) } },
        ];
        const pinned = [
            { StringEquals: { "aws:PrincipalAccount": "123456789012" } },
            { ArnLike: { "aws:PrincipalArn": "arn:aws:iam::123456789012:role/*" } },
            { ArnLike: { "aws:SourceArn": "arn:aws:s3:::uploads-bucket" } },
            { StringLike: { "aws:PrincipalOrgPaths": "o-a1b2c3d4e5/*" } },
            { IpAddress: { "aws:SourceIp": ["203.0.113.0/24"] } },
        ];
        const trust = (condition: unknown) => res(T.role, "r", { assumeRolePolicy: doc({ Effect: "Allow", Principal: { AWS: "*" }, Action: "sts:AssumeRole", Condition: condition }) });
        const key = (condition: unknown) => res(T.kmsKey, "k", { policy: doc({ Effect: "Allow", Principal: "*", Action: "kms:Decrypt", Resource: "*", Condition: condition }) });
        const bucketPolicy = (condition: unknown) => [res(T.bucket, "b"),
            side(T.bucketPolicy, "b-policy", "b", { policy: doc({ Effect: "Allow", Principal: "*", Action: "s3:GetObject", Resource: "arn:aws:s3:::b/*", Condition: condition }) })];
        for (const condition of open) {
            it(`${JSON.stringify(condition).slice(0, 70)} leaves trust, key and bucket policies public`, () => {
                assert.equal(mandatory(runResource(roleTrustNoPublicPrincipal, trust(condition))).length, 1);
                assert.equal(mandatory(runResource(keyPolicyNoPublicPrincipal, key(condition))).length, 1);
                assert.equal(mandatory(runStack(bucketPolicyNoPublicPrincipal, bucketPolicy(condition))).length, 1);
            });
        }
        for (const condition of pinned) {
            it(`${JSON.stringify(condition)} pins the caller`, () => {
                assert.deepEqual(runResource(roleTrustNoPublicPrincipal, trust(condition)), []);
                assert.deepEqual(runResource(keyPolicyNoPublicPrincipal, key(condition)), []);
                assert.deepEqual(runStack(bucketPolicyNoPublicPrincipal, bucketPolicy(condition)), []);
            });
        }
    });

    describe("protocol spellings AWS reads as TCP", () => {
        for (const protocol of ["006", "+6", "TCP", "Tcp", " tcp ", 6]) {
            it(`${JSON.stringify(protocol)} on port 22 from the world is SSH`, () => {
                assert.equal(mandatory(runResource(securityGroupNoPublicSsh, res(T.ingress, "r", { ipProtocol: protocol, fromPort: 22, toPort: 22, cidrIpv4: "0.0.0.0/0" }))).length, 1);
                assert.equal(mandatory(runResource(securityGroupNoPublicSsh, res(T.sgRule, "r", { type: "ingress", protocol, fromPort: 22, toPort: 22, cidrBlocks: ["0.0.0.0/0"] }))).length, 1);
            });
        }
    });

    describe("SSH from many blocks that together cover the internet", () => {
        const ninths = Array.from({ length: 512 }, (_, i) => `${i >> 1}.${(i & 1) * 128}.0.0/9`);
        it("flags 512 × /9 in one rule's cidrBlocks, once", () => {
            const diags = runResource(securityGroupNoPublicSsh, res(T.sgRule, "r", { type: "ingress", protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: ninths }));
            assert.equal(mandatory(diags).length, 1);
            assert.match(diags[0].detail, /512 blocks \(0\.0\.0\.0\/9, 0\.128\.0\.0\/9, 1\.0\.0\.0\/9, \.\.\.\), which together cover an internet-wide range/);
        });
        it("flags 512 × /9 spread over the inline rules of one group", () => {
            const ingress = ninths.map((cidr) => ({ protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: [cidr] }));
            assert.equal(mandatory(runResource(securityGroupNoPublicSsh, res(T.sg, "g", { ingress }))).length, 1);
        });
        it("accepts many narrow blocks that stay far from an internet-wide range", () => {
            const admins = Array.from({ length: 64 }, (_, i) => `203.0.${i}.0/24`);
            assert.deepEqual(runResource(securityGroupNoPublicSsh, res(T.sgRule, "r", { type: "ingress", protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: admins })), []);
        });
        it("does not count private ranges towards the union", () => {
            assert.deepEqual(runResource(securityGroupNoPublicSsh, res(T.sgRule, "r", { type: "ingress", protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: ["10.0.0.0/9", "10.128.0.0/9"] })), []);
        });
    });
});
