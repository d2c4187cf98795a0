import * as assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { gunzipSync } from "node:zlib";
import { parse } from "yaml";
import { BACKUP_KEY_PATTERN, BACKUP_TOOL_PATH, backupUnits } from "../../components/blocks/compute/backup";
import { composeFile, type ComposeInput } from "../../components/blocks/compute/compose";
import { nvmeDevicePath } from "../../components/blocks/compute/dataVolume";
import { POSTGRES_IMAGE } from "../../components/blocks/compute/database";
import { USER_DATA_LIMIT_BYTES } from "../../components/blocks/compute/userData";
import { restoreDocument, restoreDocumentName } from "../../components/blocks/deploy/restore";
import { actionsOf, appendString, hostPolicy } from "../../components/blocks/iam/documents";
import { generatedTexts } from "../../components/architectures/generatedTexts";
import { sampleRuntime, singleHostFiles } from "../../components/architectures/phase1/firstBoot";
import { singleHostIntents } from "../../components/architectures/phase1/intents";
import { ConfigError } from "../../components/lib/errors";
import { settingsFrom } from "../helpers/settings";

const compose: ComposeInput = {
    appName: "chat", environment: "dev", region: "us-east-1", port: 5000, publishAppPort: true,
    logGroupName: "/chat/dev/containers", healthPath: "/health",
};

/** The files a base64 + gzip block of the user data writes, by target path. */
function compressedFiles(script: string): Map<string, string> {
    const files = new Map<string, string>();
    const re = /base64 -d <<'STAGECRAFT_GZ' \| gunzip > '([^']+)'\n([A-Za-z0-9+/=\n]+?)\nSTAGECRAFT_GZ/g;
    for (const m of script.matchAll(re)) files.set(m[1], gunzipSync(Buffer.from(m[2].replace(/\n/g, ""), "base64")).toString("utf8"));
    return files;
}

describe("phase-1 data: config", () => {
    it("the database is off by default, with a 20 GB volume and app/app names", () => {
        const s = settingsFrom({ appName: "chat" });
        assert.deepEqual(s.data, { database: { enabled: false, volumeSizeGb: 20, name: "app", user: "app" }, backupPaths: [] });
    });

    it("refuses names that would need quoting, the postgres role, relative or dotted backup paths, and appPort 5432 with a database", () => {
        try {
            settingsFrom({ appName: "chat", database: true, appPort: 5432, databaseName: "App;drop", databaseUser: "postgres", databaseVolumeSizeGb: 0, backupPaths: ["opt/x", "/opt/../etc", "/opt/$(id)", "/opt/ok"] });
            assert.fail("expected a ConfigError");
        } catch (e) {
            assert.ok(e instanceof ConfigError, String(e));
            const keys = e.problems.map((p) => `${p.key}=${String(p.value)}`);
            for (const k of ["stagecraft:appPort=5432", "stagecraft:databaseName=App;drop", "stagecraft:databaseUser=postgres", "stagecraft:databaseVolumeSizeGb=0",
                "stagecraft:backupPaths=opt/x", "stagecraft:backupPaths=/opt/../etc", "stagecraft:backupPaths=/opt/$(id)"]) {
                assert.ok(keys.includes(k), `${k} in ${keys.join(", ")}`);
            }
            assert.ok(!keys.some((k) => k.includes("/opt/ok")));
        }
    });
});

describe("phase-1 data: compose file", () => {
    const doc = parse(composeFile({ ...compose, database: { name: "app", user: "app" } }));

    it("runs PostgreSQL 15 pinned to a minor, on an internal network only, with no published port", () => {
        assert.equal(doc.services.db.image, POSTGRES_IMAGE);
        assert.match(POSTGRES_IMAGE, /^postgres:15\.\d+-alpine$/);
        assert.equal(doc.services.db.ports, undefined);
        assert.deepEqual(doc.services.db.networks, ["data"]);
        assert.deepEqual(doc.networks, { data: { internal: true } });
        assert.deepEqual(doc.services.app.networks, ["default", "data"]);
        assert.equal(doc.services.proxy.networks, undefined, "the proxy never joins the database's network");
    });

    it("keeps the data on the volume's directory and never creates it on the root disk", () => {
        const [volume] = doc.services.db.volumes;
        assert.equal(volume.source, "/var/lib/stagecraft-data/postgres");
        assert.equal(volume.target, "/var/lib/postgresql/data");
        assert.equal(volume.bind.create_host_path, false);
    });

    it("gives the app its connection settings but no password, which only app.env holds", () => {
        const env = doc.services.app.environment;
        assert.deepEqual([env.DATABASE_HOST, env.DATABASE_PORT, env.DATABASE_NAME, env.DATABASE_USER], ["db", "5432", "app", "app"]);
        assert.equal(env.DATABASE_PASSWORD, undefined);
        assert.equal(doc.services.db.environment.POSTGRES_PASSWORD, undefined);
        assert.deepEqual(doc.services.db.env_file, [{ path: "/opt/chat/app.env", required: false }]);
        // Compose reads $$ as a literal $: the shell in the container expands the variable.
        assert.equal(doc.services.db.entrypoint[2], 'export POSTGRES_PASSWORD="$$DATABASE_PASSWORD"; exec docker-entrypoint.sh postgres');
        assert.deepEqual(doc.services.app.depends_on, { db: { condition: "service_healthy" } });
    });

    it("has no database service when it is off", () => {
        const plain = parse(composeFile(compose));
        assert.equal(plain.services.db, undefined);
        assert.equal(plain.networks, undefined);
        assert.equal(plain.services.app.environment.DATABASE_HOST, undefined);
    });
});

describe("phase-1 data: first boot and the data tool", () => {
    const s = settingsFrom({ appName: "chat", appPort: 5000, database: true, databaseVolumeSizeGb: 10, backupPaths: ["/opt/chat/uploads"] });
    const runtime = { dataVolumeId: "vol-0abc123def4567890", backupsBucket: "chat-dev-backups-1", staticBucket: "chat-dev-static-1", alertTopicArn: "arn:aws:sns:us-east-1:123456789012:chat-dev-alerts" };
    const files = singleHostFiles(s, runtime);

    it("installs the data tool compressed, byte for byte the checked tool, and mounts the volume by its id before the first deploy", () => {
        const written = compressedFiles(files.userData);
        assert.equal(written.get(BACKUP_TOOL_PATH), files.backupTool);
        const mount = files.userData.indexOf(`${BACKUP_TOOL_PATH} mount 'vol-0abc123def4567890' '/var/lib/stagecraft-data/postgres'`);
        assert.ok(mount > 0 && mount < files.userData.indexOf("# 4. first deploy"));
        assert.equal(nvmeDevicePath("vol-0abc123def4567890"), "/dev/disk/by-id/nvme-Amazon_Elastic_Block_Store_vol0abc123def4567890");
        assert.throws(() => nvmeDevicePath("vol-0abc; reboot"));
    });

    it("never writes a password into user data or the compose file, only a reference to app.env's variable", () => {
        for (const text of [files.userData, files.composeFile]) {
            const uses = [...text.matchAll(/(POSTGRES|DATABASE)_PASSWORD\b.{0,3}/g)].map((m) => m[0]);
            assert.deepEqual(uses, ['POSTGRES_PASSWORD=\\"', 'DATABASE_PASSWORD\\";']);
        }
    });

    it("mount formats only a device without a filesystem, mounts by UUID with nofail, and times out loudly", () => {
        const tool = files.backupTool ?? "";
        assert.match(tool, /blkid -p "\$dev" > \/dev\/null \|\| rc=\$\?\n\s+if \[ "\$rc" = 2 \]; then mkfs -t ext4/);
        assert.match(tool, /UUID=\$uuid \$DATA_MOUNT ext4 defaults,nofail/);
        assert.match(tool, /not attached after 10 minutes/);
    });

    it("the backup tool knows the bucket, the <app>/<env> prefix, the database and the paths", () => {
        const tool = files.backupTool ?? "";
        for (const line of ["BUCKET='chat-dev-backups-1'", "PREFIX='chat/dev'", "DB_NAME='app'", "BACKUP_PATHS=('/opt/chat/uploads')", `TOPIC_ARN='${runtime.alertTopicArn}'`]) {
            assert.ok(tool.includes(line), line);
        }
        assert.match(tool, /--sse AES256/);
    });

    it("a nightly, randomised, persistent timer runs the backup", () => {
        const units = backupUnits("chat", "dev");
        assert.match(units.timer, /^OnCalendar=\*-\*-\* 03:00:00 UTC$/m);
        assert.match(units.timer, /^RandomizedDelaySec=45min$/m);
        assert.match(units.timer, /^Persistent=true$/m);
        assert.match(units.service, /^ExecStart=\/usr\/local\/sbin\/stagecraft-data backup$/m);
        assert.match(files.userData, /systemctl enable --now stagecraft-backup\.timer/);
    });

    it("user data stays well below 16 KB with the database and backups", () => {
        // The data part keeps its 2 KB reserve (measured without the metrics agent)...
        const withoutAgent = settingsFrom({ appName: "chat", appPort: 5000, database: true, databaseVolumeSizeGb: 10, backupPaths: ["/opt/chat/uploads"], hostMetrics: false });
        const bytes = Buffer.byteLength(singleHostFiles(withoutAgent).userData);
        assert.ok(bytes < USER_DATA_LIMIT_BYTES - 2048, `${bytes} bytes`);
        // ...and with the agent (on by default, about 700 bytes) 1.5 KB stays free.
        const all = Buffer.byteLength(singleHostFiles(s).userData);
        assert.ok(all < USER_DATA_LIMIT_BYTES - 1536, `${all} bytes`);
    });

    it("the data tool and the user data pass bash -n and shellcheck", function () {
        if (spawnSync("shellcheck", ["--version"]).status !== 0) {
            console.log("      shellcheck skipped: not installed");
        }
        for (const text of [files.userData, files.backupTool ?? ""]) {
            const n = spawnSync("bash", ["-n"], { input: text, encoding: "utf8" });
            assert.equal(n.status, 0, n.stderr);
            const sc = spawnSync("shellcheck", ["-s", "bash", "-"], { input: text, encoding: "utf8" });
            if (sc.error === undefined) assert.equal(sc.status, 0, sc.stdout);
        }
    });

    it("only paths, without a database: backups but no volume", () => {
        const only = singleHostFiles(settingsFrom({ appName: "chat", backupPaths: ["/etc/chat"] }), runtime);
        assert.doesNotMatch(only.userData, / mount 'vol-/);
        assert.match(only.backupTool ?? "", /DB_NAME=''/);
        assert.doesNotMatch(only.composeFile, /postgres/);
    });

    it("no data: no tool, no timer", () => {
        const none = singleHostFiles(settingsFrom({ appName: "chat" }));
        assert.equal(none.backupTool, undefined);
        assert.doesNotMatch(none.userData, /stagecraft-data|stagecraft-backup/);
    });

    it("generatedTexts lists the data tool and the restore document", () => {
        const texts = generatedTexts(s).map((t) => t.what);
        assert.ok(texts.includes("backup tool of the single host"));
        assert.ok(texts.includes("SSM restore document"));
        assert.equal(sampleRuntime(s).dataVolumeId.startsWith("vol-"), true);
    });
});

describe("phase-1 data: restore document", () => {
    const doc = restoreDocument("chat", "dev");

    it("is named <app>-<env>-restore and runs the data tool with the key", () => {
        assert.equal(restoreDocumentName("chat", "dev"), "chat-dev-restore");
        assert.deepEqual(doc.mainSteps[0].inputs.runCommand, ["/usr/local/sbin/stagecraft-data restore '{{ backupKey }}'"]);
        assert.equal(doc.parameters.backupKey.default, "latest");
    });

    it("its allowedPattern admits latest and dump keys, nothing a shell would read", () => {
        const re = new RegExp(doc.parameters.backupKey.allowedPattern ?? "");
        assert.equal(doc.parameters.backupKey.allowedPattern, BACKUP_KEY_PATTERN);
        for (const ok of ["latest", "chat/dev/2026/01/31/ip-10-0-0-5-030512.dump"]) assert.ok(re.test(ok), ok);
        for (const bad of ["x'; reboot; '.dump", "chat/dev/x.tar.gz", "$(id).dump", "/etc/passwd", "latest\n", ""]) assert.ok(!re.test(bad), bad);
    });
});

describe("phase-1 data: least privilege and intents", () => {
    const access = {
        readWriteBucketArns: ["arn:aws:s3:::chat-dev-uploads-1"],
        backupBucketArns: ["arn:aws:s3:::chat-dev-backups-1"],
        backupKeyPrefix: "chat/dev",
        logGroupArn: "arn:aws:logs:us-east-1:123456789012:log-group:/chat/dev/containers",
        parameterPathArn: "arn:aws:ssm:us-east-1:123456789012:parameter/chat/dev",
        alerts: { topicArn: "arn:aws:sns:us-east-1:123456789012:chat-dev-alerts", keyArn: "arn:aws:kms:us-east-1:123456789012:key/1" },
    };
    const doc = hostPolicy(access, appendString);

    it("writes and reads backups only under <app>/<env>/, and lists only that prefix", () => {
        const write = doc.Statement.find((st) => st.Sid === "WriteAndRestoreBackups");
        assert.deepEqual(write?.Resource, ["arn:aws:s3:::chat-dev-backups-1/chat/dev/*"]);
        const list = doc.Statement.find((st) => st.Sid === "ListBackups");
        assert.deepEqual(list?.Condition, { StringLike: { "s3:prefix": ["chat/dev/", "chat/dev/*"] } });
        const onBackups = doc.Statement.filter((st) => st.Resource.some((r) => r.includes("backups")));
        assert.ok(onBackups.every((st) => !st.Action.some((a) => /Delete/.test(a))));
    });

    it("may publish to the alert topic and use its key, nothing else of SNS or KMS", () => {
        const sns = doc.Statement.filter((st) => st.Action.some((a) => a.startsWith("sns:") || a.startsWith("kms:")));
        assert.deepEqual(sns.flatMap((st) => st.Resource).sort(), [access.alerts.keyArn, access.alerts.topicArn].sort());
        assert.ok(actionsOf(doc).filter((a) => a.startsWith("sns:")).every((a) => a === "sns:Publish"));
    });

    it("declares that the internet never reaches 5432 when the database runs, and the backups write under the prefix", () => {
        const base = { name: "chat-dev", appName: "chat", environment: "dev", appPort: 5000, appPortCidrs: ["0.0.0.0/0"], sshCidrs: [], egressPorts: [443] };
        const ids = (database: boolean) => singleHostIntents({ ...base, database }).map((i) => i.id);
        assert.ok(ids(true).includes("no-internet-to-postgres"));
        assert.ok(!ids(false).includes("no-internet-to-postgres"));
        const backups = singleHostIntents(base).find((i) => i.id === "host-writes-backups");
        assert.ok(backups !== undefined && "access" in backups && backups.access.resource.startsWith("chat-dev-backups/chat/dev/"));
    });
});
