import * as assert from "node:assert/strict";
import { distributionGrant } from "../../components/blocks/cdn/grant";
import { cdnMonthlyCost } from "../../components/blocks/cdn/cost";
import { cloudFrontReadStatement, staticCacheBehavior, viewerCertificate } from "../../components/blocks/cdn/distribution";
import { StaticSiteCdn } from "../../components/blocks/cdn/staticSiteCdn";
import { appendString } from "../../components/blocks/iam/documents";
import { SecureBucket } from "../../components/blocks/storage/secureBucket";
import { type Registration } from "../../tools/mocks";
import { named, ofType, runWithMocks, valueOf } from "../helpers/pulumi";

const TAGS = { project: "chat", environment: "staging", owner: "platform-team" };

describe("CDN decisions (pure)", () => {
    it("the bucket grants s3:GetObject to CloudFront only for this distribution", () => {
        const statement = cloudFrontReadStatement("arn:aws:s3:::static", "arn:aws:cloudfront::123456789012:distribution/E1", appendString);
        assert.deepEqual(statement.Principal, { Service: "cloudfront.amazonaws.com" });
        assert.deepEqual(statement.Action, ["s3:GetObject"]);
        assert.deepEqual(statement.Resource, ["arn:aws:s3:::static/*"]);
        assert.deepEqual(statement.Condition, { StringEquals: { "AWS:SourceArn": "arn:aws:cloudfront::123456789012:distribution/E1" } });
    });

    it("viewers are redirected to HTTPS, responses are compressed and only GET/HEAD/OPTIONS pass", () => {
        const behavior = staticCacheBehavior();
        assert.equal(behavior.viewerProtocolPolicy, "redirect-to-https");
        assert.equal(behavior.compress, true);
        assert.deepEqual(behavior.allowedMethods, ["GET", "HEAD", "OPTIONS"]);
        assert.equal(behavior.cachePolicyId, "658327ea-f89d-4fab-a63d-7e88639e58f6");
    });

    it("the viewer certificate is served by SNI with TLS 1.2+", () => {
        assert.deepEqual(viewerCertificate("arn"), { acmCertificateArn: "arn", sslSupportMethod: "sni-only", minimumProtocolVersion: "TLSv1.2_2021" });
    });

    it("seed 001's 100 GB a month fits the free tier; past it PriceClass_100 is $0.085/GB", () => {
        assert.equal(cdnMonthlyCost(100, 1), 0);
        assert.equal(cdnMonthlyCost(100, 0, false), 8.5);
    });
});

interface Built { cdn: StaticSiteCdn; bucket: SecureBucket; registrations: Registration[] }

async function build(ipv6?: boolean, stack: { region?: string; config?: Record<string, string> } = {}): Promise<Built> {
    const { result, registrations } = await runWithMocks(() => {
        const grant = distributionGrant();
        const bucket = new SecureBucket("chat-staging-static", { namePrefix: "chat-staging-static-", tags: TAGS, extraPolicyStatements: grant.statements });
        const cdn = new StaticSiteCdn("chat-staging-cdn", {
            bucketRegionalDomainName: bucket.bucket.bucketRegionalDomainName,
            hostname: "cdn.example.com",
            hostedZoneId: "Z0123456789EXAMPLE01",
            ipv6,
            tags: TAGS,
        });
        grant.connect(cdn.distributionArn);
        return { cdn, bucket };
    }, stack);
    return { ...result, registrations };
}

describe("StaticSiteCdn under mocks", function () {
    let built: Built;
    before(async () => { built = await build(); });

    it("registers the component", () => {
        assert.equal(ofType(built.registrations, "stagecraft:cdn:StaticSiteCdn").length, 1);
    });

    it("reads the bucket through an origin access control that always signs", () => {
        const oac = named(built.registrations, "chat-staging-cdn-oac");
        assert.deepEqual([oac.inputs.originAccessControlOriginType, oac.inputs.signingBehavior, oac.inputs.signingProtocol], ["s3", "always", "sigv4"]);
        const distribution = named(built.registrations, "chat-staging-cdn");
        assert.equal(distribution.inputs.origins.length, 1);
        assert.equal(distribution.inputs.origins[0].originAccessControlId, "chat-staging-cdn-oac-id");
        assert.match(distribution.inputs.origins[0].domainName, /\.s3\.us-east-1\.amazonaws\.com$/);
        assert.equal(distribution.inputs.origins[0].s3OriginConfig, undefined, "no legacy origin access identity");
    });

    it("viewers use HTTPS (HTTP redirects) and get compressed responses", () => {
        const behavior = named(built.registrations, "chat-staging-cdn").inputs.defaultCacheBehavior;
        assert.equal(behavior.viewerProtocolPolicy, "redirect-to-https");
        assert.equal(behavior.compress, true);
    });

    it("serves the hostname with its own certificate, TLS 1.2+ by SNI", async () => {
        const distribution = named(built.registrations, "chat-staging-cdn");
        assert.deepEqual(distribution.inputs.aliases, ["cdn.example.com"]);
        assert.equal(distribution.inputs.viewerCertificate.minimumProtocolVersion, "TLSv1.2_2021");
        assert.equal(distribution.inputs.viewerCertificate.sslSupportMethod, "sni-only");
        assert.equal(distribution.inputs.viewerCertificate.acmCertificateArn, await valueOf(built.cdn.certificateArn));
        assert.equal(distribution.inputs.viewerCertificate.cloudfrontDefaultCertificate, undefined);
    });

    it("in us-east-1 the certificate and its validation use the stack's default provider", () => {
        assert.equal(ofType(built.registrations, "pulumi:providers:aws").length, 0);
        const cert = named(built.registrations, "chat-staging-cdn-cert");
        assert.equal(cert.inputs.domainName, "cdn.example.com");
        assert.equal(cert.inputs.validationMethod, "DNS");
        assert.equal(cert.provider ?? "", "", "default provider");
        const record = named(built.registrations, "chat-staging-cdn-cert-validation-1");
        assert.equal(record.inputs.type, "CNAME");
        assert.match(record.inputs.name, /\.cdn\.example\.com\.$/);
    });

    it("the bucket's one policy keeps the TLS-only deny and admits CloudFront only for this distribution", async () => {
        const policies = ofType(built.registrations, "aws:s3/bucketPolicy:BucketPolicy");
        assert.equal(policies.length, 1, "one BucketPolicy per bucket");
        const [deny, allow] = policies[0].inputs.policy.Statement;
        assert.equal(deny.Effect, "Deny");
        assert.deepEqual(deny.Condition, { Bool: { "aws:SecureTransport": "false" } });
        assert.equal(allow.Effect, "Allow");
        assert.deepEqual(allow.Principal, { Service: "cloudfront.amazonaws.com" });
        assert.deepEqual(allow.Action, ["s3:GetObject"]);
        assert.deepEqual(allow.Resource, [`${await valueOf(built.bucket.arn)}/*`]);
        assert.equal(allow.Condition.StringEquals["AWS:SourceArn"], await valueOf(built.cdn.distributionArn));
    });

    it("the bucket stays private: public access fully blocked", () => {
        const pab = named(built.registrations, "chat-staging-static-pab");
        assert.deepEqual([pab.inputs.blockPublicAcls, pab.inputs.blockPublicPolicy, pab.inputs.ignorePublicAcls, pab.inputs.restrictPublicBuckets], [true, true, true, true]);
    });

    it("A and AAAA alias records point the hostname at the distribution's zone", () => {
        for (const type of ["a", "aaaa"]) {
            const record = named(built.registrations, `chat-staging-cdn-alias-${type}`);
            assert.equal(record.inputs.name, "cdn.example.com");
            assert.equal(record.inputs.type, type.toUpperCase());
            assert.equal(record.inputs.aliases[0].zoneId, "Z2FDTNDATAQYW2");
        }
    });

    it("IPv6 off: no AAAA record and no IPv6 at the edge", async () => {
        const { registrations } = await build(false);
        assert.equal(named(registrations, "chat-staging-cdn").inputs.isIpv6Enabled, false);
        assert.equal(ofType(registrations, "aws:route53/record:Record").filter((r) => r.inputs.type === "AAAA").length, 0);
    });
});

describe("StaticSiteCdn outside us-east-1", () => {
    it("puts the certificate in us-east-1 through an explicit provider that keeps the stack's profile and assumed role", async () => {
        const built = await build(undefined, {
            region: "eu-west-1",
            config: { "aws:profile": "deployer", "aws:assumeRoles": JSON.stringify([{ roleArn: "arn:aws:iam::123456789012:role/deploy" }]) },
        });
        const [provider] = ofType(built.registrations, "pulumi:providers:aws");
        assert.equal(provider.inputs.region, "us-east-1");
        assert.equal(provider.inputs.profile, "deployer");
        assert.match(JSON.stringify(provider.inputs.assumeRoles), /role\/deploy/);
        assert.match(named(built.registrations, "chat-staging-cdn-cert").provider ?? "", /chat-staging-cdn-us-east-1/);
        assert.match(named(built.registrations, "chat-staging-cdn-cert-validation").provider ?? "", /chat-staging-cdn-us-east-1/);
        assert.equal(named(built.registrations, "chat-staging-cdn").provider ?? "", "", "the distribution itself is global: default provider");
    });
});
