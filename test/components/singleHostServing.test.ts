import * as assert from "node:assert/strict";
import { gunzipSync } from "node:zlib";
import { SingleHost } from "../../components/architectures/phase1/singleHost";
import { DEPLOY_TOOL_PATH } from "../../components/blocks/compute/deployScript";
import { type Registration } from "../../tools/mocks";
import { ofType, runWithMocks, valueOf } from "../helpers/pulumi";
import { settingsFrom } from "../helpers/settings";
import { stackSettings } from "../helpers/stack";

// The dev stack's single host serves seed 001's SPA beside the app (issue 13), under mocks: what
// the first boot writes, with the real bucket name the program hands it.

interface Built { host: SingleHost; registrations: Registration[]; userData: string }

async function build(settings = stackSettings("dev")): Promise<Built> {
    const { result, registrations } = await runWithMocks(() => new SingleHost(`chat-${settings.environment}`, settings));
    const [instance] = ofType(registrations, "aws:ec2/instance:Instance");
    return { host: result, registrations, userData: instance.inputs.userData as string };
}

/** The text of a here-document first boot writes to `target`. */
function heredoc(userData: string, target: string): string {
    const m = new RegExp(`^cat > '${target.replace(/[/.]/g, "\\$&")}' <<'(\\w+)'\\n([\\s\\S]*?)\\n\\1$`, "m").exec(userData);
    assert.ok(m, `first boot writes ${target}`);
    return m[2];
}

/** A file first boot writes gzipped and base64-encoded (compressedFile). */
function compressed(userData: string, target: string): string {
    const m = new RegExp(`^base64 -d <<'STAGECRAFT_GZ' \\| gunzip > '${target.replace(/[/.]/g, "\\$&")}'\\n([A-Za-z0-9+/=\\n]*?)\\nSTAGECRAFT_GZ$`, "m").exec(userData);
    assert.ok(m, `first boot writes ${target}`);
    return gunzipSync(Buffer.from(m[1].replace(/\n/g, ""), "base64")).toString("utf8");
}

describe("SingleHost serving an SPA (dev stack, under mocks)", function () {
    let dev: Built;
    before(async () => { dev = await build(); });

    it("first boot writes the Caddyfile: /api, /socket.io, /graphql and the health path to the app, the rest to the SPA", () => {
        const caddy = heredoc(dev.userData, "/opt/chat/Caddyfile");
        assert.match(caddy, /^:80 \{$/m, "dev has no domain: plain HTTP on :80");
        assert.match(caddy, /^\t@app path \/api \/api\/\* \/socket\.io \/socket\.io\/\* \/graphql \/graphql\/\* \/health \/health\/\*$/m);
        assert.match(caddy, /handle @app \{\n\t\treverse_proxy app:5000\n\t\}/);
        assert.match(caddy, /root \* \/srv\/spa\n\t\ttry_files \{path\} \/index\.html\n\t\tfile_server/);
    });

    it("the proxy runs that Caddyfile and the synced SPA, both mounted read-only", () => {
        const compose = heredoc(dev.userData, "/opt/chat/compose.yaml");
        const proxy = compose.slice(compose.indexOf("  proxy:"));
        assert.match(proxy, /command: \["caddy", "run", "--config", "\/etc\/caddy\/Caddyfile", "--adapter", "caddyfile"\]/);
        assert.match(proxy, /- "\/opt\/chat\/Caddyfile:\/etc\/caddy\/Caddyfile:ro"/);
        assert.match(proxy, /- "\/opt\/chat\/spa:\/srv\/spa:ro"/);
        assert.doesNotMatch(compose, /reverse-proxy/);
    });

    it("the deploy tool syncs from this stack's static bucket, named at apply time", async () => {
        const tool = compressed(dev.userData, DEPLOY_TOOL_PATH);
        const bucket = await valueOf(dev.host.bucketNames.static);
        assert.ok(bucket.length > 0);
        assert.match(tool, new RegExp(`^STATIC_BUCKET='${bucket}'$`, "m"));
        assert.ok(!tool.includes("static-20261204"), "not the size-check stand-in");
    });

    it("the host's role reads the static bucket and cannot write it", async () => {
        const policy = ofType(dev.registrations, "aws:iam/rolePolicy:RolePolicy").find((r) => String(r.name).endsWith("host-role-access"));
        assert.ok(policy, "the host role's inline policy");
        const raw = policy.inputs.policy as unknown;
        const doc = (typeof raw === "string" ? JSON.parse(raw) : raw) as { Statement: { Sid: string; Action: string[]; Resource: string[] }[] };
        const staticArn = `arn:aws:s3:::${await valueOf(dev.host.bucketNames.static)}`;
        const onStatic = doc.Statement.filter((s) => s.Resource.some((r) => r === staticArn || r.startsWith(`${staticArn}/`)));
        assert.ok(onStatic.length > 0, JSON.stringify(doc.Statement.map((s) => s.Resource)));
        assert.deepEqual(onStatic.flatMap((s) => s.Action).sort(), ["s3:GetObject", "s3:ListBucket"]);
    });

    it("without spa, everything goes to the app and no SPA is mounted or synced (today's behaviour)", async () => {
        const plain = await build(settingsFrom({ appName: "chat", appPort: 5000 }));
        const caddy = heredoc(plain.userData, "/opt/chat/Caddyfile");
        assert.match(caddy, /^\treverse_proxy app:5000$/m);
        assert.doesNotMatch(caddy, /file_server|@app/);
        assert.doesNotMatch(heredoc(plain.userData, "/opt/chat/compose.yaml"), /\/srv\/spa/);
        assert.match(compressed(plain.userData, DEPLOY_TOOL_PATH), /^STATIC_BUCKET=''$/m);
    });
});
