import * as assert from "node:assert/strict";
import type * as pulumi from "@pulumi/pulumi";
import { SingleHost } from "../../components/architectures/phase1/singleHost";
import { HostDatabase, dataVolumeMonthlyUsd } from "../../components/blocks/storage/hostDatabase";
import { type Registration } from "../../tools/mocks";
import { named, ofType, runWithMocks, valueOf } from "../helpers/pulumi";
import { settingsFrom, type RawConfig } from "../helpers/settings";

// SingleHost with the database and backups on (issue 13), under mocks.

async function build(raw: RawConfig): Promise<{ host: SingleHost; registrations: Registration[] }> {
    const settings = settingsFrom({ appName: "chat", appPort: 5000, ...raw });
    const { result, registrations } = await runWithMocks(() => new SingleHost(`chat-${settings.environment}`, settings));
    return { host: result, registrations };
}

describe("SingleHost with the database (phase 1, under mocks)", function () {
    let built: { host: SingleHost; registrations: Registration[] };
    before(async () => { built = await build({ database: true, databaseVolumeSizeGb: 10, backupPaths: ["/opt/chat/uploads"] }); });

    it("creates an encrypted 10 GB gp3 volume in the zone of the instance's subnet, attached to the instance", async () => {
        const volume = named(built.registrations, "chat-dev-db-data");
        assert.equal(volume.type, "aws:ebs/volume:Volume");
        assert.deepEqual([volume.inputs.type, volume.inputs.size, volume.inputs.encrypted], ["gp3", 10, true]);
        const [instance] = ofType(built.registrations, "aws:ec2/instance:Instance");
        assert.ok(typeof volume.inputs.availabilityZone === "string" && volume.inputs.availabilityZone.length > 0);
        const attachment = named(built.registrations, "chat-dev-db-attachment");
        assert.equal(attachment.inputs.volumeId, volume.id);
        assert.equal(attachment.inputs.instanceId, instance.id);
        assert.equal(attachment.inputs.stopInstanceBeforeDetaching, true);
        assert.equal(await valueOf(built.host.dataVolumeId as pulumi.Output<string>), volume.id);
    });

    it("first boot mounts that very volume and installs the backup tool for the real backups bucket", () => {
        const [instance] = ofType(built.registrations, "aws:ec2/instance:Instance");
        const volume = named(built.registrations, "chat-dev-db-data");
        assert.ok(instance.inputs.userData.includes(`stagecraft-data mount '${volume.id}'`));
        assert.equal(instance.inputs.userDataReplaceOnChange, false, "a user-data change never replaces the host");
    });

    it("keeps the password as an SSM SecureString under /chat/dev/, generated and secret, never in user data", async () => {
        const parameter = named(built.registrations, "chat-dev-db-password-param");
        assert.deepEqual([parameter.type, parameter.inputs.name, parameter.inputs.type], ["aws:ssm/parameter:Parameter", "/chat/dev/DATABASE_PASSWORD", "SecureString"]);
        const password = named(built.registrations, "chat-dev-db-password");
        assert.equal(password.type, "random:index/randomPassword:RandomPassword");
        assert.equal(password.inputs.length, 32);
        const [instance] = ofType(built.registrations, "aws:ec2/instance:Instance");
        assert.ok(typeof parameter.inputs.value === "string" && parameter.inputs.value.length === 32);
        assert.ok(!instance.inputs.userData.includes(parameter.inputs.value));
    });

    it("protects the volume with protectStateful, and the attachment is replaced delete-first", async () => {
        const off = await runWithMocks(() => new HostDatabase("db", { appName: "chat", environment: "dev", availabilityZone: "us-east-1a", tags: {} }));
        const on = await runWithMocks(() => new HostDatabase("db", { appName: "chat", environment: "dev", availabilityZone: "us-east-1a", protectStateful: true, tags: {} }));
        // protect is a resource option, kept by the SDK on the resource.
        assert.equal((off.result.volume as unknown as { __protect?: boolean }).__protect ?? false, false);
        assert.equal((on.result.volume as unknown as { __protect?: boolean }).__protect, true);
        assert.equal(dataVolumeMonthlyUsd(20), 1.6);
        assert.equal(dataVolumeMonthlyUsd(10), 0.8);
    });

    it("opens no port 5432 and declares that the internet never reaches it", async () => {
        const rules = ofType(built.registrations, "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule");
        assert.ok(rules.every((r) => !(r.inputs.fromPort <= 5432 && 5432 <= r.inputs.toPort) && r.inputs.ipProtocol !== "-1"));
        const component = ofType(built.registrations, "stagecraft:phase1:SingleHost");
        assert.equal(component.length, 1);
    });

    it("creates the chat-dev-restore document beside deploy and rollback", async () => {
        const restore = named(built.registrations, "chat-dev-release-restore");
        assert.equal(restore.inputs.name, "chat-dev-restore");
        const content = JSON.parse(restore.inputs.content);
        assert.equal(content.parameters.backupKey.default, "latest");
        assert.equal(await valueOf(built.host.restoreDocumentName as pulumi.Output<string>), "chat-dev-restore");
    });

    it("the host role writes backups only under chat/dev/ and may publish alerts", () => {
        const policy = named(built.registrations, "chat-dev-host-role-access").inputs.policy;
        const doc = typeof policy === "string" ? JSON.parse(policy) : policy;
        const write = doc.Statement.find((s: { Sid: string }) => s.Sid === "WriteAndRestoreBackups");
        assert.equal(write.Resource.length, 1);
        assert.match(write.Resource[0], /^arn:aws:s3:::chat-dev-backups-[^/]+\/chat\/dev\/\*$/);
        assert.ok(doc.Statement.some((s: { Action: string[] }) => s.Action.includes("sns:Publish")));
    });

    it("without data: no volume, no password, no restore document, no alert grant", async () => {
        const plain = await build({});
        for (const type of ["aws:ebs/volume:Volume", "aws:ec2/volumeAttachment:VolumeAttachment", "aws:ssm/parameter:Parameter", "random:index/randomPassword:RandomPassword"]) {
            assert.equal(ofType(plain.registrations, type).length, 0, type);
        }
        assert.equal(ofType(plain.registrations, "aws:ssm/document:Document").length, 3, "deploy, rollback and status; no restore");
        const policy = named(plain.registrations, "chat-dev-host-role-access").inputs.policy;
        assert.doesNotMatch(JSON.stringify(policy), /sns:Publish/);
        assert.match(JSON.stringify(policy), /chat\/dev\/\*/, "backups are scoped to the prefix in every phase-1 stack");
    });
});
