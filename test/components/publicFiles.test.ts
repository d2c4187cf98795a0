// Seed 003's public prefixes: CloudFront with origin access control serves profile-pictures/ and
// educational-materials/ of the uploads bucket; the bucket stays private and every other key is a
// 403 even through the distribution. Decisions (pure), the phase-1 wiring under mocks, and the
// config edge.
import * as assert from "node:assert/strict";
import { SingleHost } from "../../components/architectures/phase1/singleHost";
import { ScalableWeb } from "../../components/architectures/phase2/scalableWeb";
import { ContainerPlatform } from "../../components/architectures/phase3/containerPlatform";
import { phase2Args } from "./phase2/settings";
import { phase3Args } from "./phase3/settings";
import { publicFilesDefaultBehavior, publicPrefixBehaviors, publicPrefixesReadStatement } from "../../components/blocks/cdn/publicFiles";
import { appendString } from "../../components/blocks/iam/documents";
import { ConfigError } from "../../components/lib/errors";
import { type Registration } from "../../tools/mocks";
import { named, ofType, runWithMocks, valueOf } from "../helpers/pulumi";
import { settingsFrom, type RawConfig } from "../helpers/settings";

const PREFIXES = ["profile-pictures/", "educational-materials/"];
const BUCKET = "arn:aws:s3:::chat-dev-uploads-1";
const DIST = "arn:aws:cloudfront::123456789012:distribution/E1";

describe("public files: decisions (pure)", () => {
    it("the grant covers the prefixes' objects only, for this distribution only, read-only", () => {
        const st = publicPrefixesReadStatement(BUCKET, DIST, PREFIXES, appendString);
        assert.deepEqual(st.Principal, { Service: "cloudfront.amazonaws.com" });
        assert.deepEqual(st.Action, ["s3:GetObject"]);
        assert.deepEqual(st.Resource, [`${BUCKET}/profile-pictures/*`, `${BUCKET}/educational-materials/*`]);
        assert.ok(!st.Resource.includes(`${BUCKET}/*`), "never the whole bucket");
        assert.deepEqual(st.Condition, { StringEquals: { "AWS:SourceArn": DIST } });
    });

    it("an empty prefix list is refused rather than turned into a grant", () => {
        assert.throws(() => publicPrefixesReadStatement(BUCKET, DIST, [], appendString), /no prefixes/);
    });

    it("one GET/HEAD, HTTPS-only behaviour per prefix (`<prefix>*`), with caching and security headers; the default is read-only too", () => {
        const behaviors = publicPrefixBehaviors(PREFIXES);
        assert.deepEqual(behaviors.map((b) => b.pathPattern), ["profile-pictures/*", "educational-materials/*"]);
        for (const b of [...behaviors, publicFilesDefaultBehavior()]) {
            assert.deepEqual(b.allowedMethods, ["GET", "HEAD"]);
            assert.equal(b.viewerProtocolPolicy, "redirect-to-https");
            assert.equal(b.cachePolicyId, "658327ea-f89d-4fab-a63d-7e88639e58f6", "Managed-CachingOptimized");
            assert.equal(b.responseHeadersPolicyId, "67f7725c-6f97-4210-82d7-5512b31e9d03", "Managed-SecurityHeadersPolicy");
        }
    });
});

interface Built { host: SingleHost; registrations: Registration[] }

async function build(raw: RawConfig): Promise<Built> {
    const settings = settingsFrom({ appName: "chat", ...raw });
    const { result, registrations } = await runWithMocks(() => new SingleHost("chat-dev", settings));
    return { host: result, registrations };
}

const uploadsPolicy = (registrations: Registration[]) => ofType(registrations, "aws:s3/bucketPolicy:BucketPolicy").filter((p) => p.name === "chat-dev-uploads-tls-only");

describe("public files: phase 1 under mocks", function () {
    it("no publicPrefixes (the default): no distribution, and the uploads bucket's policy is the TLS-only deny alone", async () => {
        const { host, registrations } = await build({});
        assert.equal(ofType(registrations, "aws:cloudfront/distribution:Distribution").length, 0);
        assert.equal(ofType(registrations, "stagecraft:cdn:PublicFilesCdn").length, 0);
        assert.equal(host.publicFilesUrl, undefined);
        const [policy] = uploadsPolicy(registrations);
        assert.deepEqual(policy.inputs.policy.Statement.map((s: { Sid: string }) => s.Sid), ["DenyInsecureTransport"]);
    });

    describe("with seed 003's prefixes", () => {
        let built: Built;
        before(async () => { built = await build({ publicPrefixes: PREFIXES }); });

        it("a PublicFilesCdn under the host holds the origin access control and the distribution", () => {
            const component = ofType(built.registrations, "stagecraft:cdn:PublicFilesCdn");
            assert.equal(component.length, 1);
            const oac = named(built.registrations, "chat-dev-public-files-oac");
            assert.deepEqual([oac.inputs.originAccessControlOriginType, oac.inputs.signingBehavior, oac.inputs.signingProtocol], ["s3", "always", "sigv4"]);
        });

        it("the distribution reads the uploads bucket through the OAC, one behaviour per prefix", async () => {
            const dist = named(built.registrations, "chat-dev-public-files");
            assert.equal(dist.inputs.origins.length, 1);
            assert.equal(dist.inputs.origins[0].originAccessControlId, "chat-dev-public-files-oac-id");
            assert.equal(dist.inputs.origins[0].domainName, await valueOf(built.host.bucketNames.uploads).then((b) => `${b}.s3.us-east-1.amazonaws.com`));
            assert.deepEqual(dist.inputs.orderedCacheBehaviors.map((b: { pathPattern: string }) => b.pathPattern), ["profile-pictures/*", "educational-materials/*"]);
            assert.deepEqual(dist.inputs.defaultCacheBehavior.allowedMethods, ["GET", "HEAD"]);
        });

        it("the uploads bucket keeps ONE policy: the TLS-only deny, then the grant on the prefixes for this distribution only", async () => {
            const policies = uploadsPolicy(built.registrations);
            assert.equal(policies.length, 1, "a second BucketPolicy on the bucket would overwrite the first");
            const [deny, allow, ...rest] = policies[0].inputs.policy.Statement;
            assert.equal(rest.length, 0);
            assert.equal(deny.Sid, "DenyInsecureTransport");
            assert.deepEqual(deny.Condition, { Bool: { "aws:SecureTransport": "false" } });
            const arn = deny.Resource[0];
            assert.match(arn, /^arn:aws:s3:::chat-dev-uploads-/);
            assert.deepEqual(allow.Resource, [`${arn}/profile-pictures/*`, `${arn}/educational-materials/*`]);
            assert.deepEqual(allow.Action, ["s3:GetObject"]);
            assert.deepEqual(Object.keys(allow.Condition), ["StringEquals"]);
            assert.match(allow.Condition.StringEquals["AWS:SourceArn"], /^arn:aws:cloudfront::\d{12}:distribution\/chat-dev-public-files/);
        });

        it("the uploads bucket stays private (public access fully blocked); the static and backups buckets get no grant", () => {
            const pab = named(built.registrations, "chat-dev-uploads-pab");
            assert.deepEqual([pab.inputs.blockPublicAcls, pab.inputs.blockPublicPolicy, pab.inputs.ignorePublicAcls, pab.inputs.restrictPublicBuckets], [true, true, true, true]);
            for (const name of ["chat-dev-static-tls-only", "chat-dev-backups-tls-only"]) {
                assert.equal(named(built.registrations, name).inputs.policy.Statement.length, 1, name);
            }
        });

        it("without a hosted zone: the *.cloudfront.net name, no certificate; publicFilesUrl is its https URL", async () => {
            const dist = named(built.registrations, "chat-dev-public-files");
            assert.deepEqual(dist.inputs.viewerCertificate, { cloudfrontDefaultCertificate: true });
            assert.equal(ofType(built.registrations, "aws:acm/certificate:Certificate").length, 0);
            assert.match(await valueOf(built.host.publicFilesUrl!), /^https:\/\/[a-z0-9]+\.cloudfront\.net$/);
        });
    });

    it("with a hosted zone: files.<domain> with its own certificate (TLS 1.2+ by SNI) and alias records", async () => {
        const { host, registrations } = await build({ publicPrefixes: ["profile-pictures/"], domain: "api.example.com", hostedZoneId: "Z0123456789EXAMPLE01" });
        const dist = named(registrations, "chat-dev-public-files");
        assert.deepEqual(dist.inputs.aliases, ["files.api.example.com"]);
        assert.equal(dist.inputs.viewerCertificate.minimumProtocolVersion, "TLSv1.2_2021");
        assert.equal(dist.inputs.viewerCertificate.sslSupportMethod, "sni-only");
        assert.equal(named(registrations, "chat-dev-public-files-cert").inputs.domainName, "files.api.example.com");
        assert.equal(named(registrations, "chat-dev-public-files-alias-a").inputs.name, "files.api.example.com");
        assert.equal(await valueOf(host.publicFilesUrl!), "https://files.api.example.com");
    });
});

describe("public files: phases 2 and 3 (the shared web edge) under mocks", function () {
    it("phase 2: files.<domain> with its own certificate, the grant in the uploads bucket's one policy; none by default", async () => {
        const plain = await runWithMocks(() => new ScalableWeb("chat-staging", phase2Args()));
        assert.equal(ofType(plain.registrations, "stagecraft:cdn:PublicFilesCdn").length, 0);
        const { result, registrations } = await runWithMocks(() => new ScalableWeb("chat-staging", phase2Args({ publicPrefixes: PREFIXES })));
        const dist = named(registrations, "chat-staging-public-files");
        assert.deepEqual(dist.inputs.aliases, ["files.example.com"]);
        assert.equal(dist.inputs.viewerCertificate.minimumProtocolVersion, "TLSv1.2_2021");
        assert.equal(await valueOf(result.publicFilesUrl!), "https://files.example.com");
        const policies = ofType(registrations, "aws:s3/bucketPolicy:BucketPolicy").filter((p) => p.name === "chat-staging-uploads-tls-only");
        assert.equal(policies.length, 1);
        assert.deepEqual(policies[0].inputs.policy.Statement.map((st: { Sid: string }) => st.Sid), ["DenyInsecureTransport", "CloudFrontReadsPublicPrefixes"]);
    });

    it("phase 3: the public-files distribution sits behind the CLOUDFRONT web ACL, as the static CDN does", async () => {
        const { registrations } = await runWithMocks(() => new ContainerPlatform("chat-prod", phase3Args({ publicPrefixes: PREFIXES })));
        const dist = named(registrations, "chat-prod-public-files");
        const cdn = named(registrations, "chat-prod-cdn");
        assert.ok(typeof dist.inputs.webAclId === "string" && dist.inputs.webAclId.length > 0, "a web ACL");
        assert.equal(dist.inputs.webAclId, cdn.inputs.webAclId);
    });
});

describe("public files: config edge", () => {
    function problems(raw: RawConfig): { key: string; value: unknown }[] {
        try {
            settingsFrom(raw);
        } catch (err) {
            assert.ok(err instanceof ConfigError);
            return err.problems.map((p) => ({ key: p.key, value: p.value }));
        }
        return assert.fail("expected the config to be refused");
    }

    it("accepts lower-case segments ending in /", () => {
        assert.deepEqual(settingsFrom({ publicPrefixes: ["profile-pictures/", "materials/v1.2/"] }).storage.publicPrefixes, ["profile-pictures/", "materials/v1.2/"]);
        assert.deepEqual(settingsFrom({}).storage.publicPrefixes, []);
    });

    it("refuses wildcards, .., a leading /, a missing trailing /, upper case and the empty prefix (the whole bucket)", () => {
        const bad = ["*", "profile-pictures/*", "../secret/", "a/../b/", "/profile-pictures/", "profile-pictures", "Profile/", "", "/", "./x/", "a//b/", "a b/", "a/\nb/"];
        for (const value of bad) {
            assert.deepEqual(problems({ publicPrefixes: [value] }).map((p) => p.key), ["stagecraft:publicPrefixes"], JSON.stringify(value));
        }
    });

    it("refuses duplicates and a prefix inside another one", () => {
        assert.equal(problems({ publicPrefixes: ["a/", "a/"] }).length, 1);
        assert.deepEqual(problems({ publicPrefixes: ["materials/", "materials/public/"] }).map((p) => p.value), ["materials/public/"]);
    });

    it("from phase 2 on, files.<domain> is the distribution's: a subdomain key that takes the label is refused", () => {
        const phase2 = { phase: 2, natStrategy: "instance", domain: "example.com", hostedZoneId: "Z0123456789EXAMPLE01", publicPrefixes: ["profile-pictures/"] };
        assert.deepEqual(settingsFrom(phase2).storage.publicPrefixes, ["profile-pictures/"]);
        assert.deepEqual(problems({ ...phase2, cdnSubdomain: "files" }), [{ key: "stagecraft:cdnSubdomain", value: "files" }]);
        assert.deepEqual(settingsFrom({ ...phase2, publicPrefixes: [], cdnSubdomain: "files" }).web.cdnSubdomain, "files", "no prefixes, no clash");
    });
});
