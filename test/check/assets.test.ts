// Asset and archive hashes as the Pulumi engine computes them on registration
// (tools/check/engine/assets.ts), and its errors for paths it cannot read.
import * as assert from "node:assert/strict";
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { deflateRawSync } from "node:zlib";
import { archiveHash, AssetError, assetHash, hashAssets } from "../../tools/check/engine/assets";
import { ARCHIVE_SIG, ASSET_SIG, SIG_KEY } from "../../tools/check/engine/wire";
import type { Json } from "../../tools/check/engine/types";

const asset = (fields: Record<string, Json>) => ({ [SIG_KEY]: ASSET_SIG, ...fields });
const archive = (fields: Record<string, Json>) => ({ [SIG_KEY]: ARCHIVE_SIG, ...fields });
const sha256 = (data: string | Buffer) => createHash("sha256").update(data).digest("hex");

/** A minimal zip (one deflated member), as a packaging tool writes it. */
function zipOf(name: string, content: string): Buffer {
    const data = deflateRawSync(Buffer.from(content));
    const nameBuf = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(content.length, 22);
    local.writeUInt16LE(nameBuf.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(content.length, 24);
    central.writeUInt16LE(nameBuf.length, 28);
    central.writeUInt32LE(0, 42);
    const centralStart = local.length + nameBuf.length + data.length;
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(1, 8);
    end.writeUInt16LE(1, 10);
    end.writeUInt32LE(central.length + nameBuf.length, 12);
    end.writeUInt32LE(centralStart, 16);
    return Buffer.concat([local, nameBuf, data, central, nameBuf, end]);
}

describe("asset and archive hashes, as the engine computes them", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "assets-"));
    before(() => {
        fs.mkdirSync(path.join(dir, "site", ".pulumi"), { recursive: true });
        fs.writeFileSync(path.join(dir, "site", "index.html"), "<p>hi</p>\n");
        fs.writeFileSync(path.join(dir, "site", ".pulumi", "state.json"), "{}");
        fs.writeFileSync(path.join(dir, "code.zip"), zipOf("index.js", "exports.handler = 1;\n"));
    });
    after(() => fs.rmSync(dir, { recursive: true, force: true }));

    it("hashes text, files and archive files by their bytes; empty text and an empty archive by Go's constants", () => {
        assert.equal(assetHash(asset({ text: "hello" }), dir), sha256("hello"));
        assert.equal(assetHash(asset({ text: "" }), dir), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assert.equal(assetHash(asset({ path: "site/index.html" }), dir), sha256("<p>hi</p>\n"));
        assert.equal(archiveHash(archive({ path: "code.zip" }), dir), sha256(fs.readFileSync(path.join(dir, "code.zip"))));
        assert.equal(archiveHash(archive({ assets: {} }), dir), "5f70bf18a086007016e948b04aed3b82103a36bea41755b6cddfaf10ace3c6ef");
    });

    it("leaves .pulumi folders out of a folder archive", () => {
        const folder = archiveHash(archive({ path: "site" }), dir);
        const map = archiveHash(archive({ assets: { "index.html": asset({ text: "<p>hi</p>\n" }) } }), dir);
        assert.equal(folder, map);
    });

    it("reads the members of an archive file inside an asset map (a zip, deflated)", () => {
        const nested = archiveHash(archive({ assets: { lib: archive({ path: "code.zip" }) } }), dir);
        const flat = archiveHash(archive({ assets: { "lib/index.js": asset({ text: "exports.handler = 1;\n" }) } }), dir);
        assert.equal(nested, flat);
    });

    it("writes long names as USTAR prefix and name, and non-ASCII names through a PAX header, without failing", () => {
        const long = `${"deep/".repeat(30)}file.txt`;
        assert.match(archiveHash(archive({ assets: { [long]: asset({ text: "x" }) } }), dir), /^[0-9a-f]{64}$/);
        assert.match(archiveHash(archive({ assets: { "café.txt": asset({ text: "x" }) } }), dir), /^[0-9a-f]{64}$/);
        assert.notEqual(archiveHash(archive({ assets: { "café.txt": asset({ text: "x" }) } }), dir), archiveHash(archive({ assets: { "caf.txt": asset({ text: "x" }) } }), dir));
    });

    it("fails with the engine's words: a missing archive path, a missing file, a folder given as a file asset, a file given as a folder", () => {
        const missing = path.join(dir, "nowhere");
        assert.throws(() => archiveHash(archive({ path: "nowhere" }), dir), new AssetError(`couldn't read archive path '${missing}': stat ${missing}: no such file or directory`));
        assert.throws(() => assetHash(asset({ path: "nowhere" }), dir), new AssetError(`failed to open asset file '${missing}': open ${missing}: no such file or directory`));
        assert.throws(() => assetHash(asset({ path: "site" }), dir), new AssetError(`asset path '${path.join(dir, "site")}' is a directory; try using an archive`));
        const file = path.join(dir, "site", "index.html");
        assert.throws(() => archiveHash(archive({ path: "site/index.html" }), dir), new AssetError(`'${file}' is neither a recognized archive type nor a directory`));
        assert.throws(() => archiveHash(archive({ assets: { a: asset({ path: "nowhere" }) } }), dir), /failed to expand archive asset 'a': failed to open asset file/);
    });

    it("sets hash on every asset in a resource's inputs, names the property on failure, and leaves remote URIs unhashed", () => {
        const { value, remote } = hashAssets({ code: archive({ path: "code.zip" }), layers: [asset({ uri: "https://example.com/x.zip" })] }, dir);
        const v = value as Record<string, Record<string, Json> & Json[]>;
        assert.equal(v.code.hash, sha256(fs.readFileSync(path.join(dir, "code.zip"))));
        assert.deepEqual(remote, ["https://example.com/x.zip"]);
        assert.throws(() => hashAssets({ code: archive({ path: "missing.zip" }) }, dir), /^AssetError: failed to compute archive hash for "code": open .*missing\.zip: no such file or directory$/);
    });
});
