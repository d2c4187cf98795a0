// createTestMocks is exercised by calling its Mocks directly: the Pulumi runtime is global state,
// so this file never calls setMocks (component tests do, with these mocks).
import * as assert from "node:assert/strict";
import { createTestMocks, UNKNOWN, UnmockedInvokeError } from "../../tools/mocks";

const resource = (type: string, name: string, inputs: Record<string, unknown>, custom = true) => ({
    type,
    name,
    inputs,
    custom,
    provider: "",
    id: "",
});

describe("unit-test mocks", () => {
    it("gives a custom resource the id <name>-id and echoes its inputs", async () => {
        const { mocks, registrations } = createTestMocks();
        const out = await mocks.newResource(resource("aws:ec2/securityGroup:SecurityGroup", "web-sg", { vpcId: "vpc-1", description: "web" }));
        assert.equal(out.id, "web-sg-id");
        assert.equal(out.state.vpcId, "vpc-1");
        assert.equal(out.state.arn, "arn:aws:ec2:us-east-1:123456789012:security-group/web-sg-id");
        assert.match(out.state.name as string, /^web-sg-[0-9a-f]{7}$/);
        assert.deepEqual(registrations.map((r) => [r.type, r.name, r.id]), [["aws:ec2/securityGroup:SecurityGroup", "web-sg", "web-sg-id"]]);
    });

    it("auto-names a bucket and builds its ARN and domain names in the configured region", async () => {
        const { mocks } = createTestMocks({ region: "eu-west-1", accountId: "111122223333" });
        const out = await mocks.newResource(resource("aws:s3/bucket:Bucket", "Chat-Dev-Backups", {}));
        const bucket = out.state.bucket as string;
        assert.match(bucket, /^chat-dev-backups-[0-9a-f]{7}$/);
        assert.equal(out.state.arn, `arn:aws:s3:::${bucket}`);
        assert.equal(out.state.bucketRegionalDomainName, `${bucket}.s3.eu-west-1.amazonaws.com`);
    });

    it("keeps an explicit bucket name and builds role ARNs with the account", async () => {
        const { mocks } = createTestMocks({ accountId: "111122223333" });
        const bucket = await mocks.newResource(resource("aws:s3/bucket:Bucket", "b", { bucket: "my-bucket" }));
        assert.equal(bucket.state.bucket, "my-bucket");
        const role = await mocks.newResource(resource("aws:iam/role:Role", "app-role", { name: "app" }));
        assert.equal(role.state.arn, "arn:aws:iam::111122223333:role/app");
    });

    it("gives an Elastic IP a documentation-range public IP", async () => {
        const { mocks } = createTestMocks();
        const out = await mocks.newResource(resource("aws:ec2/eip:Eip", "host-eip", { domain: "vpc" }));
        assert.match(out.state.publicIp as string, /^203\.0\.113\.\d{1,3}$/);
        assert.equal(out.state.allocationId, "host-eip-id");
    });

    it("gives @pulumi/tls keys, requests and certificates PEM-shaped outputs, distinct per resource", async () => {
        const { mocks } = createTestMocks();
        const key = await mocks.newResource(resource("tls:index/privateKey:PrivateKey", "ca-key", { algorithm: "ECDSA" }));
        assert.match(key.state.privateKeyPem as string, /^-----BEGIN PRIVATE KEY-----\n[A-Za-z0-9+/=]+\n-----END PRIVATE KEY-----\n$/);
        const csr = await mocks.newResource(resource("tls:index/certRequest:CertRequest", "server-csr", {}));
        assert.match(csr.state.certRequestPem as string, /^-----BEGIN CERTIFICATE REQUEST-----/);
        const a = await mocks.newResource(resource("tls:index/selfSignedCert:SelfSignedCert", "ca", {}));
        const b = await mocks.newResource(resource("tls:index/locallySignedCert:LocallySignedCert", "server-cert", {}));
        assert.match(a.state.certPem as string, /^-----BEGIN CERTIFICATE-----/);
        assert.notEqual(a.state.certPem, b.state.certPem);
    });

    it("gives an AWS Private CA its ARN and CSR, and its certificates an ARN under the CA", async () => {
        const { mocks } = createTestMocks();
        const ca = await mocks.newResource(resource("aws:acmpca/certificateAuthority:CertificateAuthority", "pca", { type: "ROOT" }));
        assert.match(ca.state.arn as string, /^arn:aws:acm-pca:us-east-1:123456789012:certificate-authority\/[0-9a-f-]{36}$/);
        assert.match(ca.state.certificateSigningRequest as string, /^-----BEGIN CERTIFICATE REQUEST-----/);
        const cert = await mocks.newResource(resource("aws:acmpca/certificate:Certificate", "server", { certificateAuthorityArn: ca.state.arn }));
        assert.ok((cert.state.arn as string).startsWith(`${ca.state.arn as string}/certificate/`));
        assert.match(cert.state.certificate as string, /^-----BEGIN CERTIFICATE-----/);
    });

    it("leaves ids and computed outputs unknown in preview mode", async () => {
        const { mocks } = createTestMocks({ preview: true });
        const out = await mocks.newResource(resource("aws:ec2/eip:Eip", "host-eip", { domain: "vpc" }));
        assert.equal(out.id, undefined);
        assert.equal(out.state.publicIp, undefined);
        assert.equal(out.state.domain, "vpc");
    });

    it("answers an awsx VPC with its documented outputs and records it", async () => {
        const { mocks, registrations } = createTestMocks();
        const out = await mocks.newResource(resource("awsx:ec2:Vpc", "net", { numberOfAvailabilityZones: 2, natGateways: { strategy: "None" } }, false));
        assert.equal((out.state.publicSubnetIds as string[]).length, 2);
        assert.equal(registrations[0].type, "awsx:ec2:Vpc");
        const preview = createTestMocks({ preview: true });
        const unknown = await preview.mocks.newResource(resource("awsx:ec2:Vpc", "net", {}, false));
        assert.equal(unknown.state.vpcId, UNKNOWN);
    });

    it("returns no state for a local component", async () => {
        const { mocks } = createTestMocks();
        const out = await mocks.newResource(resource("stagecraft:storage:SecureBucket", "b", { a: 1 }, false));
        assert.equal(out.id, undefined);
        assert.deepEqual(out.state, {});
    });

    it("answers invokes and fails loudly on unmocked ones", async () => {
        const { mocks } = createTestMocks({ region: "sa-east-1" });
        const region = await mocks.call({ token: "aws:index/getRegion:getRegion", inputs: {}, provider: "" });
        assert.equal(region.name, "sa-east-1");
        assert.throws(() => mocks.call({ token: "aws:rds/getCluster:getCluster", inputs: {}, provider: "" }), UnmockedInvokeError);
    });
});
