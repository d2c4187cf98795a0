import * as assert from "node:assert/strict";
import { backupBucketVersioningRequired } from "../../policies/s3/backupBucketVersioningRequired";
import { bucketCorsNoWildcardWrite } from "../../policies/s3/bucketCorsNoWildcardWrite";
import { bucketEncryptionRequired } from "../../policies/s3/bucketEncryptionRequired";
import { bucketNoPublicAcl } from "../../policies/s3/bucketNoPublicAcl";
import { bucketOwnershipEnforced } from "../../policies/s3/bucketOwnershipEnforced";
import { bucketPolicyNoPublicPrincipal } from "../../policies/s3/bucketPolicyNoPublicPrincipal";
import { bucketPublicAccessBlockRequired } from "../../policies/s3/bucketPublicAccessBlockRequired";
import { bucketTlsOnlyPolicy } from "../../policies/s3/bucketTlsOnlyPolicy";
import { AES256, ALL_BLOCKED, ENABLED, KMS, res, secureBucket, side, T } from "./helpers/fixtures";
import { advisory, details, mandatory, runResource, runStack, UNKNOWN, urnOf } from "./helpers/server";

const publicRead = (resource = "arn:aws:s3:::b/*", action: unknown = "s3:GetObject") => JSON.stringify({
    Version: "2012-10-17",
    Statement: [{ Sid: "PublicRead", Effect: "Allow", Principal: "*", Action: action, Resource: resource }],
});

describe("s3-bucket-encryption-required", () => {
    describe("compliant", () => {
        it("accepts a bucket whose encryption configuration is linked only through property dependencies (a preview)", () => {
            assert.deepEqual(runStack(bucketEncryptionRequired, secureBucket("chat-dev-uploads")), []);
        });
        it("accepts a configuration that names the bucket by its known name", () => {
            assert.deepEqual(runStack(bucketEncryptionRequired, [res(T.bucket, "logs", { bucket: "logs-123" }), res(T.sse, "logs-sse", { bucket: "logs-123", ...AES256 })]), []);
        });
        it("accepts the V2 spellings of bucket and configuration", () => {
            assert.deepEqual(runStack(bucketEncryptionRequired, [res(T.bucketV2, "b", { bucket: UNKNOWN }), side(T.sseV2, "b-sse", "b", KMS())]), []);
        });
        it("accepts a configuration linked through the resource's dependencies when the property has none recorded", () => {
            assert.deepEqual(runStack(bucketEncryptionRequired, [res(T.bucket, "b"), res(T.sse, "b-sse", { bucket: UNKNOWN, ...AES256 }, { dependsOn: ["b"] })]), []);
        });
        it("accepts the deprecated inline configuration when its value is known", () => {
            assert.deepEqual(runStack(bucketEncryptionRequired, [res(T.bucket, "b", {
                serverSideEncryptionConfiguration: { rule: { applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms" } } },
            })]), []);
            assert.deepEqual(runStack(bucketEncryptionRequired, [res(T.bucketV2, "b", {
                serverSideEncryptionConfigurations: [{ rules: [{ applyServerSideEncryptionByDefaults: [{ sseAlgorithm: "AES256" }] }] }],
            })]), []);
        });
    });

    describe("violating", () => {
        it("flags a bucket without any encryption configuration, naming the bucket and the fix", () => {
            const diags = runStack(bucketEncryptionRequired, secureBucket("chat-dev-backups", { sse: false }));
            assert.deepEqual(details(diags), ["chat-dev-backups: has no server-side encryption configuration. Add an aws.s3.BucketServerSideEncryptionConfiguration with bucket: chat-dev-backups.id "
                + "and a rule applyServerSideEncryptionByDefault: { sseAlgorithm: \"aws:kms\" } (or \"AES256\")."]);
            assert.equal(diags[0].urn, urnOf({ type: T.bucket, name: "chat-dev-backups" }));
            assert.equal(diags[0].enforcementLevel, "mandatory");
        });
        it("flags the right bucket when only one of two has a configuration", () => {
            const diags = runStack(bucketEncryptionRequired, [...secureBucket("a"), ...secureBucket("b", { sse: false })]);
            assert.deepEqual(diags.map((d) => d.urn), [urnOf({ type: T.bucket, name: "b" })]);
        });
        it("does not count a configuration of a bucket outside the stack", () => {
            const diags = runStack(bucketEncryptionRequired, [res(T.bucket, "b"), res(T.sse, "other-sse", { bucket: "existing-bucket", ...AES256 })]);
            assert.equal(mandatory(diags).length, 1);
        });
        it("does not let a computed inline field stand in for a configuration during preview", () => {
            assert.equal(mandatory(runStack(bucketEncryptionRequired, [res(T.bucket, "b", { serverSideEncryptionConfiguration: UNKNOWN })])).length, 1);
        });
        it("flags a configuration with no rules or an unsupported algorithm", () => {
            assert.match(details(runStack(bucketEncryptionRequired, [res(T.bucket, "b"), side(T.sse, "b-sse", "b", { rules: [] })]))[0], /^b: b-sse\.rules declares no default-encryption rule/);
            assert.match(details(runStack(bucketEncryptionRequired, [res(T.bucket, "b"), side(T.sse, "b-sse", "b", { rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "none" } }] })]))[0],
                /b-sse\.rules\[0\] sets no supported sseAlgorithm \("none"\)/);
        });
    });

    describe("KMS where the config requires it", () => {
        const config = { requireKmsFor: ["*backups*"] };
        it("flags SSE-S3 on a bucket that must use KMS, and only there", () => {
            const diags = runStack(bucketEncryptionRequired, [...secureBucket("chat-backups"), ...secureBucket("chat-uploads")], { config });
            assert.deepEqual(details(diags), ["chat-backups: chat-backups-sse.rules[0] uses SSE-S3 (AES256), but this stack's policy config requires SSE-KMS for this bucket. "
                + "Set sseAlgorithm \"aws:kms\" with kmsMasterKeyId set to the stack's KMS key."]);
        });
        it("accepts SSE-KMS on a bucket that must use KMS", () => {
            assert.deepEqual(runStack(bucketEncryptionRequired, secureBucket("chat-backups", { sse: KMS(UNKNOWN) }), { config }), []);
        });
        it("requires a customer-managed key when configured, rejecting the aws/s3 alias", () => {
            const strict = { requireKmsFor: ["*"], requireCustomerManagedKey: true };
            assert.match(details(runStack(bucketEncryptionRequired, secureBucket("b", { sse: KMS(null) }), { config: strict }))[0], /AWS-managed key aws\/s3/);
            assert.equal(runStack(bucketEncryptionRequired, secureBucket("b", { sse: KMS("alias/aws/s3") }), { config: strict }).length, 1);
            assert.deepEqual(runStack(bucketEncryptionRequired, secureBucket("b", { sse: KMS(UNKNOWN) }), { config: strict }), []);
        });
    });

    describe("unknown inputs", () => {
        it("notes a configuration whose rules are unknown", () => {
            const diags = runStack(bucketEncryptionRequired, [res(T.bucket, "b"), side(T.sse, "b-sse", "b", { rules: UNKNOWN })]);
            assert.deepEqual(details(diags), ["b: b-sse.rules is not known during preview, so the bucket's default encryption cannot be checked yet. The policy checks the real value once it is known, during `pulumi up`."]);
            assert.equal(diags[0].enforcementLevel, "advisory");
        });
        it("notes an unknown algorithm", () => {
            assert.equal(advisory(runStack(bucketEncryptionRequired, [res(T.bucket, "b"), side(T.sse, "b-sse", "b", { rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: UNKNOWN } }] })])).length, 1);
        });
        it("notes, instead of failing, a bucket that an untraceable configuration may target", () => {
            const diags = runStack(bucketEncryptionRequired, [res(T.bucket, "b"), res(T.bucket, "c"), res(T.sse, "x-sse", { bucket: UNKNOWN, ...AES256 }, { dependsOn: ["b", "c"] })]);
            assert.equal(diags.length, 2);
            assert.deepEqual(diags.map((d) => d.enforcementLevel), ["advisory", "advisory"]);
            assert.match(diags[0].detail, /the bucket input of x-sse is not known during preview/);
        });
    });

    it("skips an exempt bucket", () => {
        assert.deepEqual(runStack(bucketEncryptionRequired, secureBucket("legacy-logs", { sse: false }), { config: { exemptions: [{ resource: "legacy-*", reason: "imported, encrypted by account default" }] } }), []);
    });
});

describe("s3-bucket-public-access-block-required", () => {
    it("accepts a bucket with all four flags on", () => {
        assert.deepEqual(runStack(bucketPublicAccessBlockRequired, secureBucket("b")), []);
    });
    it("accepts buckets covered by an account-wide block with all flags on", () => {
        assert.deepEqual(runStack(bucketPublicAccessBlockRequired, [...secureBucket("b", { pab: false }), res(T.accountPab, "account", ALL_BLOCKED)]), []);
    });
    it("flags a bucket without a public access block", () => {
        assert.deepEqual(details(runStack(bucketPublicAccessBlockRequired, secureBucket("b", { pab: false }))),
            ["b: has no public access block, so a later ACL or policy change could make it public. Add an aws.s3.BucketPublicAccessBlock with bucket: b.id "
                + "and blockPublicAcls, ignorePublicAcls, blockPublicPolicy, restrictPublicBuckets all true."]);
    });
    it("does not count an account-wide block that leaves a flag off", () => {
        assert.equal(runStack(bucketPublicAccessBlockRequired, [...secureBucket("b", { pab: false }), res(T.accountPab, "account", { ...ALL_BLOCKED, restrictPublicBuckets: false })]).length, 1);
    });
    it("flags a block that leaves flags off, naming them", () => {
        assert.deepEqual(details(runStack(bucketPublicAccessBlockRequired, secureBucket("b", { pab: { blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: false } }))),
            ["b: its public access block b-pab leaves blockPublicPolicy, restrictPublicBuckets off. Set blockPublicPolicy: true, restrictPublicBuckets: true; "
                + "if the bucket must be public, mark it in publicBuckets in the policy config."]);
    });
    it("lets a bucket marked public allow a public policy but never public ACLs", () => {
        const config = { publicBuckets: [{ bucket: "site", reason: "public web assets" }] };
        const policyOpen = { blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: false, restrictPublicBuckets: false };
        assert.deepEqual(runStack(bucketPublicAccessBlockRequired, secureBucket("site", { pab: policyOpen }), { config }), []);
        assert.match(details(runStack(bucketPublicAccessBlockRequired, secureBucket("site", { pab: { ...policyOpen, blockPublicAcls: false } }), { config }))[0], /leaves blockPublicAcls off.*public through its bucket policy only/);
    });
    it("notes an unknown flag", () => {
        assert.equal(advisory(runStack(bucketPublicAccessBlockRequired, secureBucket("b", { pab: { ...ALL_BLOCKED, blockPublicAcls: UNKNOWN } }))).length, 1);
    });
});

describe("s3-bucket-no-public-acl", () => {
    it("accepts a bucket without an ACL and a private bucket ACL", () => {
        assert.deepEqual(runResource(bucketNoPublicAcl, res(T.bucket, "b", { bucketPrefix: "b-" })), []);
        assert.deepEqual(runResource(bucketNoPublicAcl, res(T.bucketAcl, "b-acl", { bucket: UNKNOWN, acl: "private" })), []);
    });
    it("flags a canned public-read ACL on the bucket", () => {
        assert.deepEqual(details(runResource(bucketNoPublicAcl, res(T.bucket, "b", { acl: "public-read" }))),
            ["b: acl is \"public-read\", which lets anyone read the bucket. Remove it; keep ACLs disabled (BucketOwnerEnforced) and serve public content through CloudFront."]);
    });
    it("flags public-read-write and authenticated-read on BucketAcl resources", () => {
        assert.match(details(runResource(bucketNoPublicAcl, res(T.bucketAclV2, "b-acl", { acl: "public-read-write" })))[0], /read and write/);
        assert.equal(runResource(bucketNoPublicAcl, res(T.bucketAcl, "b-acl", { acl: "authenticated-read" })).length, 1);
    });
    it("flags grants to AllUsers and AuthenticatedUsers in either spelling", () => {
        const grant = (uri: string) => ({ grantee: { type: "Group", uri }, permission: "READ" });
        assert.deepEqual(details(runResource(bucketNoPublicAcl, res(T.bucketAcl, "b-acl", { accessControlPolicy: { owner: { id: "x" }, grants: [grant("http://acs.amazonaws.com/groups/global/AllUsers")] } }))),
            ["b-acl: accessControlPolicy.grants[0] grants access to AllUsers. Remove the grant; share content through CloudFront or presigned URLs."]);
        assert.match(details(runResource(bucketNoPublicAcl, res(T.bucket, "b", { grants: [{ type: "Group", permissions: ["READ"], uri: "http://acs.amazonaws.com/groups/global/AuthenticatedUsers" }] })))[0], /grants\[0\] grants access to AuthenticatedUsers/);
    });
    it("notes an unknown ACL", () => {
        assert.equal(advisory(runResource(bucketNoPublicAcl, res(T.bucketAcl, "b-acl", { acl: UNKNOWN }))).length, 1);
    });
});

describe("s3-bucket-policy-no-public-principal", () => {
    it("accepts the TLS-only deny statement (Principal \"*\" in a Deny)", () => {
        assert.deepEqual(runStack(bucketPolicyNoPublicPrincipal, secureBucket("b")), []);
    });
    it("accepts CloudFront access pinned by aws:SourceArn", () => {
        const doc = { Statement: [{ Effect: "Allow", Principal: { Service: "cloudfront.amazonaws.com" }, Action: "s3:GetObject", Resource: "arn:aws:s3:::b/*",
            Condition: { StringEquals: { "AWS:SourceArn": "arn:aws:cloudfront::123456789012:distribution/E1" } } }] };
        assert.deepEqual(runStack(bucketPolicyNoPublicPrincipal, secureBucket("b", { policy: doc })), []);
    });
    it("accepts Principal \"*\" pinned to the organisation", () => {
        const doc = { Statement: [{ Effect: "Allow", Principal: "*", Action: "s3:GetObject", Resource: "*", Condition: { StringEquals: { "aws:PrincipalOrgID": "o-abc" } } }] };
        assert.deepEqual(runStack(bucketPolicyNoPublicPrincipal, secureBucket("b", { policy: doc })), []);
    });
    it("flags anonymous read, pointing to CloudFront or publicBuckets", () => {
        const diags = runStack(bucketPolicyNoPublicPrincipal, secureBucket("b", { policy: publicRead() }));
        assert.deepEqual(details(diags), ["b-tls-only: policy statement 0 (Sid PublicRead) allows s3:getobject to everyone (Principal \"*\") with no condition pinning the caller. "
            + "Serve public content through CloudFront with origin access control, or mark the bucket public in publicBuckets in the policy config."]);
        assert.equal(diags[0].urn, urnOf({ type: T.bucketPolicy, name: "b-tls-only" }));
    });
    it("flags AWS: \"*\" with write access", () => {
        const doc = { Statement: [{ Effect: "Allow", Principal: { AWS: "*" }, Action: ["s3:*"], Resource: "*" }] };
        assert.match(details(runStack(bucketPolicyNoPublicPrincipal, secureBucket("b", { policy: doc })))[0], /allows s3:\* to everyone.*never to everyone; public buckets may allow s3:GetObject only/);
    });
    it("reads statements given as JSON strings", () => {
        const doc = { Statement: [JSON.stringify({ Effect: "Allow", Principal: "*", Action: "s3:PutObject", Resource: "*" })] };
        assert.equal(mandatory(runStack(bucketPolicyNoPublicPrincipal, secureBucket("b", { policy: doc }))).length, 1);
    });

    describe("buckets marked public in config", () => {
        const config = { publicBuckets: [{ bucket: "site", reason: "public web assets", readPrefixes: ["public/"] }] };
        it("allow anonymous s3:GetObject on their read prefixes", () => {
            assert.deepEqual(runStack(bucketPolicyNoPublicPrincipal, secureBucket("site", { policy: publicRead("arn:aws:s3:::site/public/*") }), { config }), []);
        });
        it("do not allow anonymous reads outside their read prefixes", () => {
            assert.match(details(runStack(bucketPolicyNoPublicPrincipal, secureBucket("site", { policy: publicRead("arn:aws:s3:::site/*") }), { config }))[0], /outside the public prefixes \(public\/\)/);
        });
        it("never allow anonymous writes", () => {
            assert.equal(mandatory(runStack(bucketPolicyNoPublicPrincipal, secureBucket("site", { policy: publicRead("arn:aws:s3:::site/public/*", "s3:PutObject") }), { config })).length, 1);
        });
        it("match a bucket outside the stack by its name", () => {
            const specs = [res(T.bucketPolicy, "site-policy", { bucket: "site", policy: publicRead("arn:aws:s3:::site/public/*") })];
            assert.deepEqual(runStack(bucketPolicyNoPublicPrincipal, specs, { config }), []);
        });
        it("note a public read whose bucket cannot be traced during preview", () => {
            const specs = [res(T.bucketPolicy, "p", { bucket: UNKNOWN, policy: publicRead("arn:aws:s3:::site/public/*") })];
            assert.equal(advisory(runStack(bucketPolicyNoPublicPrincipal, specs, { config })).length, 1);
        });
    });

    it("notes a bucket policy that is unknown during preview", () => {
        const diags = runStack(bucketPolicyNoPublicPrincipal, secureBucket("b", { policy: UNKNOWN }));
        assert.deepEqual(details(diags), ["b-tls-only: policy is not known during preview, so whether the bucket policy grants access to everyone cannot be checked yet. The policy checks the real value once it is known, during `pulumi up`."]);
    });
    it("flags a known public inline bucket policy, and only once when a BucketPolicy also targets the bucket", () => {
        assert.equal(runStack(bucketPolicyNoPublicPrincipal, [res(T.bucket, "b", { policy: publicRead() })]).length, 1);
        const both = [res(T.bucket, "b", { policy: publicRead() }), side(T.bucketPolicy, "b-policy", "b", { policy: publicRead() })];
        assert.deepEqual(runStack(bucketPolicyNoPublicPrincipal, both).map((d) => d.urn), [urnOf({ type: T.bucketPolicy, name: "b-policy" })]);
    });
    it("ignores an inline bucket policy that is unknown (computed) during preview", () => {
        assert.deepEqual(runStack(bucketPolicyNoPublicPrincipal, [res(T.bucket, "b", { policy: UNKNOWN })]), []);
    });
});

describe("s3-backup-bucket-versioning-required", () => {
    it("accepts a backup bucket with versioning enabled", () => {
        assert.deepEqual(runStack(backupBucketVersioningRequired, secureBucket("chat-dev-backups", { versioning: ENABLED })), []);
    });
    it("does not require versioning on other buckets", () => {
        assert.deepEqual(runStack(backupBucketVersioningRequired, secureBucket("chat-dev-static")), []);
    });
    it("accepts the V2 side resource and inline versioning", () => {
        assert.deepEqual(runStack(backupBucketVersioningRequired, [res(T.bucket, "db-backups"), side(T.versioningV2, "v", "db-backups", ENABLED)]), []);
        assert.deepEqual(runStack(backupBucketVersioningRequired, [res(T.bucket, "db-backups", { versioning: { enabled: true } })]), []);
        assert.deepEqual(runStack(backupBucketVersioningRequired, [res(T.bucketV2, "db-backups", { versionings: [{ enabled: true }] })]), []);
    });
    it("flags a backup bucket without versioning", () => {
        assert.deepEqual(details(runStack(backupBucketVersioningRequired, secureBucket("chat-dev-backups"))),
            ["chat-dev-backups: holds backups but has no versioning, so an overwrite or delete destroys the only copy. Add an aws.s3.BucketVersioning with bucket: chat-dev-backups.id "
                + "and versioningConfiguration: { status: \"Enabled\" }."]);
    });
    it("flags suspended versioning", () => {
        assert.match(details(runStack(backupBucketVersioningRequired, secureBucket("chat-dev-backups", { versioning: { versioningConfiguration: { status: "Suspended" } } })))[0], /sets status "Suspended"/);
    });
    it("finds backup buckets by the configured patterns", () => {
        assert.equal(runStack(backupBucketVersioningRequired, secureBucket("chat-db-dumps"), { config: { backupBucketPatterns: ["*-db-dumps"] } }).length, 1);
    });
    it("notes an unknown status", () => {
        assert.equal(advisory(runStack(backupBucketVersioningRequired, secureBucket("x-backups", { versioning: { versioningConfiguration: { status: UNKNOWN } } }))).length, 1);
    });
});

describe("s3-bucket-tls-only-policy", () => {
    it("accepts a bucket policy that denies requests without TLS", () => {
        assert.deepEqual(runStack(bucketTlsOnlyPolicy, secureBucket("b")), []);
    });
    it("accepts a deny on TLS versions below 1.2", () => {
        const doc = { Statement: [{ Effect: "Deny", Principal: { AWS: "*" }, Action: "s3:*", Resource: "*", Condition: { NumericLessThan: { "s3:TlsVersion": "1.2" } } }] };
        assert.deepEqual(runStack(bucketTlsOnlyPolicy, secureBucket("b", { policy: doc })), []);
    });
    it("flags a bucket without a bucket policy", () => {
        assert.match(details(runStack(bucketTlsOnlyPolicy, secureBucket("b", { policy: false })))[0], /^b: has no bucket policy denying requests without TLS/);
    });
    it("flags a bucket policy without the deny statement", () => {
        const doc = { Statement: [{ Effect: "Allow", Principal: { Service: "logging.s3.amazonaws.com" }, Action: "s3:PutObject", Resource: "*" }] };
        assert.deepEqual(details(runStack(bucketTlsOnlyPolicy, secureBucket("b", { policy: doc }))),
            ["b: its bucket policy (b-tls-only.policy) has no statement denying requests without TLS. Add a Deny statement for Principal \"*\", Action \"s3:*\" with Condition { Bool: { \"aws:SecureTransport\": \"false\" } }."]);
    });
    it("notes a bucket policy that is unknown during preview", () => {
        assert.equal(advisory(runStack(bucketTlsOnlyPolicy, secureBucket("b", { policy: UNKNOWN }))).length, 1);
    });
});

describe("s3-bucket-ownership-enforced", () => {
    it("accepts BucketOwnerEnforced", () => {
        assert.deepEqual(runResource(bucketOwnershipEnforced, side(T.ownership, "b-ownership", "b", { rule: { objectOwnership: "BucketOwnerEnforced" } })), []);
    });
    it("flags ObjectWriter, advisory by default", () => {
        const d = runResource(bucketOwnershipEnforced, side(T.ownership, "b-ownership", "b", { rule: { objectOwnership: "ObjectWriter" } }));
        assert.deepEqual(details(d), ["b-ownership: rule.objectOwnership is \"ObjectWriter\", which re-enables ACLs. Set it to \"BucketOwnerEnforced\" (only log-delivery buckets need ACLs; exempt those)."]);
        assert.equal(d[0].enforcementLevel, "advisory");
    });
    it("notes an unknown setting", () => {
        assert.equal(runResource(bucketOwnershipEnforced, side(T.ownership, "o", "b", { rule: UNKNOWN })).length, 1);
    });
});

describe("s3-bucket-cors-no-wildcard-write", () => {
    it("accepts uploads from the application's origins and reads from anywhere", () => {
        assert.deepEqual(runResource(bucketCorsNoWildcardWrite, side(T.cors, "c", "b", { corsRules: [
            { allowedOrigins: ["https://app.example.com"], allowedMethods: ["PUT", "POST"] },
            { allowedOrigins: ["*"], allowedMethods: ["GET", "HEAD"] },
        ] })), []);
    });
    it("flags writes from any origin", () => {
        assert.deepEqual(details(runResource(bucketCorsNoWildcardWrite, side(T.cors, "c", "b", { corsRules: [{ allowedOrigins: ["*"], allowedMethods: ["GET", "put"] }] }))),
            ["c: corsRules[0] lets any origin (\"*\") send put requests. List the application's origins in allowedOrigins."]);
    });
    it("flags the deprecated inline rules on the bucket", () => {
        assert.equal(runResource(bucketCorsNoWildcardWrite, res(T.bucket, "b", { corsRules: [{ allowedOrigins: ["*"], allowedMethods: ["DELETE"] }] })).length, 1);
    });
    it("notes unknown origins on a writing rule", () => {
        assert.equal(advisory(runResource(bucketCorsNoWildcardWrite, side(T.cors, "c", "b", { corsRules: [{ allowedOrigins: UNKNOWN, allowedMethods: ["PUT"] }] }))).length, 1);
    });
});
