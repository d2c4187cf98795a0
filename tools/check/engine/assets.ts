// Assets and archives hashed as the Pulumi engine hashes them while it registers a resource, in a
// preview too (sdk/go/common/resource/asset and archive): a file asset is the SHA-256 of the file,
// a text asset of its text; an archive file (.zip, .tar, .tgz, .tar.gz, .jar) of its bytes; a
// folder or an asset map of the tar stream Go's archive/tar writes for it (members sorted, each
// with mode 0600, no times or owners). A path that cannot be read fails the registration with the
// engine's message (`failed to compute archive hash for "code": couldn't read archive path '…'`),
// so a missing file fails the offline check as it fails `pulumi preview`. Remote (http/https)
// assets are not fetched offline: their hash stays unknown, and the report says so.
import { createHash, type Hash } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import { inflateRawSync, gunzipSync } from "node:zlib";
import type { Json } from "./types";
import { ARCHIVE_SIG, ASSET_SIG, SIG_KEY } from "./wire";

/** A failure to read an asset or archive, in the engine's words. */
export class AssetError extends Error {
    constructor(message: string) {
        super(message);
        this.name = "AssetError";
    }
}

type Wire = Record<string, Json>;

const ARCHIVE_EXTS: Array<[string, "tar" | "tgz" | "zip"]> = [[".tar.gz", "tgz"], [".tgz", "tgz"], [".tar", "tar"], [".zip", "zip"], [".jar", "zip"]];
const EMPTY_TEXT_HASH = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

function archiveFormat(p: string): "tar" | "tgz" | "zip" | undefined {
    return ARCHIVE_EXTS.find(([ext]) => p.endsWith(ext))?.[1];
}

const str = (v: Json | undefined): string => (typeof v === "string" ? v : "");

/** Go's errors for a failed open/stat: "open /x: no such file or directory". */
function osError(op: string, p: string, err: unknown): string {
    const code = (err as NodeJS.ErrnoException).code;
    const text: Record<string, string> = {
        ENOENT: "no such file or directory",
        EACCES: "permission denied",
        ENOTDIR: "not a directory",
        EISDIR: "is a directory",
        ELOOP: "too many levels of symbolic links",
    };
    return `${op} ${p}: ${text[code ?? ""] ?? (err as Error).message}`;
}

/** Go's path.Clean for archive member names. */
function clean(name: string): string {
    const rooted = name.startsWith("/");
    const out: string[] = [];
    for (const part of name.split("/")) {
        if (part === "" || part === ".") continue;
        if (part === "..") {
            if (out.length > 0 && out[out.length - 1] !== "..") out.pop();
            else if (!rooted) out.push("..");
            continue;
        }
        out.push(part);
    }
    const joined = (rooted ? "/" : "") + out.join("/");
    return joined === "" ? (rooted ? "/" : ".") : joined;
}

const byteOrder = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b));

interface Member {
    name: string;
    data: () => Buffer;
}

/** The bytes of an asset (text, file, file:// URI), as ReadWithWD reads them. */
function readAsset(asset: Wire, wd: string): Buffer {
    const p = str(asset.path);
    const uri = str(asset.uri);
    if (p !== "") {
        const full = path.isAbsolute(p) ? p : path.join(wd, p);
        let fd: number;
        try {
            fd = fs.openSync(full, "r");
        } catch (err) {
            throw new AssetError(`failed to open asset file '${full}': ${osError("open", full, err)}`);
        }
        try {
            if (fs.fstatSync(fd).isDirectory()) throw new AssetError(`asset path '${full}' is a directory; try using an archive`);
            return fs.readFileSync(fd);
        } finally {
            fs.closeSync(fd);
        }
    }
    if (uri !== "") return readUri(uri);
    return Buffer.from(str(asset.text), "utf8");
}

/** Thrown for http(s) URIs: the engine downloads them; offline their hash stays unknown. */
export class RemoteAssetError extends Error {
    constructor(uri: string) {
        super(uri);
        this.name = "RemoteAssetError";
    }
}

function readUri(uri: string): Buffer {
    let url: URL;
    try {
        url = new URL(uri);
    } catch (err) {
        throw new AssetError((err as Error).message);
    }
    if (url.protocol === "http:" || url.protocol === "https:") throw new RemoteAssetError(uri);
    if (url.protocol !== "file:") throw new AssetError(`Unrecognized or unsupported URI scheme: ${url.protocol.replace(/:$/, "")}`);
    if (url.host !== "" && url.host !== "localhost") throw new AssetError(`file:// host '${url.host}' not supported (only localhost)`);
    const p = decodeURIComponent(url.pathname);
    try {
        return fs.readFileSync(p);
    } catch (err) {
        throw new AssetError(osError("open", p, err));
    }
}

function tarMembers(buf: Buffer): Member[] {
    const members: Member[] = [];
    let offset = 0;
    let longName: string | undefined;
    let paxPath: string | undefined;
    while (offset + 512 <= buf.length) {
        const header = buf.subarray(offset, offset + 512);
        if (header.every((b) => b === 0)) break;
        const field = (start: number, len: number) => {
            const raw = header.subarray(start, start + len);
            const end = raw.indexOf(0);
            return raw.subarray(0, end < 0 ? len : end).toString("utf8");
        };
        const sizeField = header.subarray(124, 136);
        const size = sizeField[0] & 0x80 ? Number(sizeField.subarray(4).readBigUInt64BE()) : parseInt(field(124, 12).trim() || "0", 8);
        const type = String.fromCharCode(header[156] || 48);
        const prefix = header.subarray(257, 263).toString("latin1").startsWith("ustar") ? field(345, 155) : "";
        const data = buf.subarray(offset + 512, offset + 512 + size);
        offset += 512 + Math.ceil(size / 512) * 512;
        if (type === "x") {
            for (const m of data.toString("utf8").matchAll(/\d+ ([^=]+)=([^\n]*)\n/g)) if (m[1] === "path") paxPath = m[2];
            continue;
        }
        if (type === "g") continue;
        if (type === "L") {
            longName = data.toString("utf8").replace(/\0+$/, "");
            continue;
        }
        const name = paxPath ?? longName ?? (prefix ? `${prefix}/${field(0, 100)}` : field(0, 100));
        paxPath = undefined;
        longName = undefined;
        if (type === "5") continue;
        if (type !== "0") throw new AssetError(`Unrecognized tar header typeflag: ${type.charCodeAt(0)}`);
        const copy = Buffer.from(data);
        members.push({ name: clean(name), data: () => copy });
    }
    return members;
}

function zipMembers(buf: Buffer): Member[] {
    let eocd = -1;
    for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65557); i--) {
        if (buf.readUInt32LE(i) === 0x06054b50) {
            eocd = i;
            break;
        }
    }
    if (eocd < 0) throw new AssetError("failed to read ZIP: zip: not a valid zip file");
    const count = buf.readUInt16LE(eocd + 10);
    let at = buf.readUInt32LE(eocd + 16);
    const members: Member[] = [];
    for (let i = 0; i < count; i++) {
        if (buf.readUInt32LE(at) !== 0x02014b50) throw new AssetError("failed to read ZIP: zip: not a valid zip file");
        const method = buf.readUInt16LE(at + 10);
        const compressed = buf.readUInt32LE(at + 20);
        const nameLen = buf.readUInt16LE(at + 28);
        const extraLen = buf.readUInt16LE(at + 30);
        const commentLen = buf.readUInt16LE(at + 32);
        const local = buf.readUInt32LE(at + 42);
        const name = buf.subarray(at + 46, at + 46 + nameLen).toString("utf8");
        at += 46 + nameLen + extraLen + commentLen;
        if (name.endsWith("/")) continue;
        const dataStart = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
        const raw = buf.subarray(dataStart, dataStart + compressed);
        members.push({
            name: clean(name),
            data: () => {
                if (method === 0) return Buffer.from(raw);
                if (method === 8) return inflateRawSync(raw);
                throw new AssetError(`failed to read ZIP inner file ${name}: zip: unsupported compression algorithm`);
            },
        });
    }
    return members;
}

/** The members of an archive, in the order the engine reads them (archive.Reader). */
function archiveMembers(archive: Wire, wd: string): Member[] {
    const p = str(archive.path);
    const uri = str(archive.uri);
    if (p !== "") {
        const full = path.isAbsolute(p) ? p : path.join(wd, p);
        const format = archiveFormat(full);
        if (format === undefined) {
            let stat: fs.Stats;
            try {
                stat = fs.statSync(full);
            } catch (err) {
                throw new AssetError(`couldn't read archive path '${full}': ${osError("stat", full, err)}`);
            }
            if (!stat.isDirectory()) throw new AssetError(`'${full}' is neither a recognized archive type nor a directory`);
            return directoryMembers(full);
        }
        let bytes: Buffer;
        try {
            bytes = fs.readFileSync(full);
        } catch (err) {
            throw new AssetError(osError("open", full, err));
        }
        return format === "zip" ? zipMembers(bytes) : tarMembers(format === "tgz" ? gunzipSync(bytes) : bytes);
    }
    if (uri !== "") {
        const format = archiveFormat(new URL(uri).pathname);
        if (format === undefined) throw new AssetError(`file at URL '${uri}' is not a recognized archive format`);
        const bytes = readUri(uri);
        return format === "zip" ? zipMembers(bytes) : tarMembers(format === "tgz" ? gunzipSync(bytes) : bytes);
    }
    const assets = (archive.assets ?? {}) as Record<string, Wire>;
    const members: Member[] = [];
    for (const key of Object.keys(assets).sort(byteOrder)) {
        const value = assets[key];
        if (value?.[SIG_KEY] === ASSET_SIG) {
            let bytes: Buffer;
            try {
                bytes = readAsset(value, wd);
            } catch (err) {
                if (err instanceof AssetError) throw new AssetError(`failed to expand archive asset '${key}': ${err.message}`);
                throw err;
            }
            members.push({ name: key, data: () => bytes });
        } else if (value?.[SIG_KEY] === ARCHIVE_SIG) {
            let inner: Member[];
            try {
                inner = archiveMembers(value, wd);
            } catch (err) {
                if (err instanceof AssetError) throw new AssetError(`failed to expand sub-archive '${key}': ${err.message}`);
                throw err;
            }
            for (const m of inner) members.push({ name: clean(`${key}/${m.name}`), data: m.data });
        } else {
            throw new AssetError(`archive member '${key}' is not an asset or archive`);
        }
    }
    return members;
}

/** A folder's files as filepath.Walk visits them (lexical, depth first), without .pulumi folders. */
function directoryMembers(dir: string): Member[] {
    const members: Member[] = [];
    const walk = (current: string) => {
        for (const entry of fs.readdirSync(current).sort(byteOrder)) {
            const full = path.join(current, entry);
            const stat = fs.lstatSync(full);
            if (entry === ".pulumi") continue;
            if (stat.isDirectory()) {
                walk(full);
                continue;
            }
            if (stat.isSymbolicLink() && fs.statSync(full).isDirectory()) continue;
            members.push({
                name: clean(path.relative(dir, full).split(path.sep).join("/")),
                data: () => {
                    try {
                        return fs.readFileSync(full);
                    } catch (err) {
                        throw new AssetError(`failed to open asset file '${full}': ${osError("open", full, err)}`);
                    }
                },
            });
        }
    };
    walk(dir);
    return members;
}

// --- Go's archive/tar writer, as much of it as Header{Name, Mode: 0o600, Size} needs. ---

const isAscii = (s: string) => /^[\x00-\x7f]*$/.test(s);

function octal(block: Buffer, offset: number, length: number, value: number): void {
    const digits = value.toString(8).padStart(length - 1, "0");
    block.write(digits, offset, "ascii");
    block[offset + digits.length] = 0;
}

function text(block: Buffer, offset: number, length: number, value: string): void {
    const bytes = Buffer.from(value, "latin1");
    bytes.copy(block, offset, 0, Math.min(length, bytes.length));
    if (bytes.length < length) block[offset + bytes.length] = 0;
    else if (bytes.length > length && block[offset + length - 1] === 0x2f) {
        // Go replaces a trailing slash cut by the field with a NUL.
        block[offset + value.slice(0, length - 1).replace(/\/+$/, "").length] = 0;
    }
}

function headerBlock(name: string, prefix: string, size: number, mode: number, type: string): Buffer {
    const block = Buffer.alloc(512);
    text(block, 0, 100, name);
    octal(block, 100, 8, mode);
    octal(block, 108, 8, 0);
    octal(block, 116, 8, 0);
    octal(block, 124, 12, size);
    octal(block, 136, 12, 0);
    block[156] = type.charCodeAt(0);
    block.write("ustar\0", 257, "latin1");
    block.write("00", 263, "latin1");
    if (type !== "x") {
        // Go's writeRawFile (the PAX extended header) leaves the device numbers empty.
        octal(block, 329, 8, 0);
        octal(block, 337, 8, 0);
    }
    text(block, 345, 155, prefix);
    block.fill(0x20, 148, 156);
    let sum = 0;
    for (const b of block) sum += b;
    octal(block, 148, 7, sum);
    block[155] = 0x20;
    return block;
}

/** Go's splitUSTARPath: a name longer than 100 bytes split at a slash into prefix (≤155) and name (≤100). */
function splitUstar(name: string): [string, string] | undefined {
    let length = name.length;
    if (length <= 100 || !isAscii(name)) return undefined;
    if (length > 156) length = 156;
    else if (name[length - 1] === "/") length--;
    const i = name.slice(0, length).lastIndexOf("/");
    const nlen = name.length - i - 1;
    if (i <= 0 || nlen > 100 || nlen === 0 || i > 155) return undefined;
    return [name.slice(0, i), name.slice(i + 1)];
}

function paxRecord(key: string, value: string): string {
    let size = Buffer.byteLength(key) + Buffer.byteLength(value) + 3;
    size += String(size).length;
    let record = `${size} ${key}=${value}\n`;
    if (Buffer.byteLength(record) !== size) record = `${Buffer.byteLength(record)} ${key}=${value}\n`;
    return record;
}

function writeEntry(hash: Hash, name: string, data: Buffer): void {
    const pad = (n: number) => Buffer.alloc((512 - (n % 512)) % 512);
    const fits = isAscii(name) && Buffer.byteLength(name) <= 100;
    const split = fits ? undefined : splitUstar(name);
    if (fits || split) {
        hash.update(headerBlock(split ? split[1] : name, split ? split[0] : "", data.length, 0o600, "0"));
    } else {
        // PAX: an extended header with the path, then the header with the name cut to ASCII.
        const records = Buffer.from(paxRecord("path", name), "utf8");
        const dir = name.includes("/") ? name.slice(0, name.lastIndexOf("/") + 1) : "";
        const paxName = clean(`${dir}PaxHeaders.0/${name.slice(dir.length)}`).replace(/[^\x01-\x7f]/g, "").slice(0, 100).replace(/\/+$/, "");
        hash.update(headerBlock(paxName, "", records.length, 0, "x"));
        hash.update(records);
        hash.update(pad(records.length));
        hash.update(headerBlock(name.replace(/[^\x01-\x7f]/g, ""), "", data.length, 0o600, "0"));
    }
    hash.update(data);
    hash.update(pad(data.length));
}

/** The hash the engine computes for an archive (its own bytes, or the tar stream of its members). */
export function archiveHash(archive: Wire, wd: string): string {
    const hash = createHash("sha256");
    const p = str(archive.path);
    const uri = str(archive.uri);
    if (p !== "" && archiveFormat(p) !== undefined) {
        const full = path.isAbsolute(p) ? p : path.join(wd, p);
        try {
            return hash.update(fs.readFileSync(full)).digest("hex");
        } catch (err) {
            throw new AssetError(osError("open", full, err));
        }
    }
    if (p === "" && uri !== "" && archiveFormat(new URL(uri).pathname) !== undefined) return hash.update(readUri(uri)).digest("hex");
    const seen = new Set<string>();
    for (const m of archiveMembers(archive, wd)) {
        if (seen.has(m.name)) continue;
        seen.add(m.name);
        writeEntry(hash, m.name, m.data());
    }
    hash.update(Buffer.alloc(1024));
    return hash.digest("hex");
}

/** The hash the engine computes for an asset. */
export function assetHash(asset: Wire, wd: string): string {
    if (str(asset.path) === "" && str(asset.uri) === "" && str(asset.text) === "") return EMPTY_TEXT_HASH;
    return createHash("sha256").update(readAsset(asset, wd)).digest("hex");
}

export interface HashOutcome {
    /** A copy of the value with `hash` set on every asset and archive the engine would hash. */
    value: Json;
    /** Remote (http/https) URIs whose hash is unknown offline. */
    remote: string[];
}

/**
 * Sets `hash` on every asset and archive in `value` (a resource's inputs, wire format), as the
 * engine does when it registers the resource. Throws AssetError with the engine's message, naming
 * the property (`failed to compute archive hash for "code": …`), for a path it cannot read.
 */
export function hashAssets(value: Json, wd: string, key = ""): HashOutcome {
    const remote: string[] = [];
    const visit = (v: Json, k: string): Json => {
        if (Array.isArray(v)) return v.map((x) => visit(x, k));
        if (v === null || typeof v !== "object") return v;
        const sig = v[SIG_KEY];
        if (sig === ASSET_SIG || sig === ARCHIVE_SIG) {
            if (typeof v.hash === "string" && v.hash !== "") return v;
            const kind = sig === ASSET_SIG ? "asset" : "archive";
            try {
                return { ...v, hash: sig === ASSET_SIG ? assetHash(v, wd) : archiveHash(v, wd) };
            } catch (err) {
                if (err instanceof RemoteAssetError) {
                    remote.push(err.message);
                    return v;
                }
                if (err instanceof AssetError) throw new AssetError(`failed to compute ${kind} hash for ${JSON.stringify(k)}: ${err.message}`);
                throw err;
            }
        }
        const out: Record<string, Json> = {};
        for (const [name, x] of Object.entries(v)) out[name] = visit(x, name);
        return out;
    };
    return { value: visit(value, key), remote };
}

/** True when `value` holds an asset or an archive anywhere (a cheap test before hashAssets). */
export function hasAssets(value: Json): boolean {
    if (Array.isArray(value)) return value.some(hasAssets);
    if (value === null || typeof value !== "object") return false;
    if (value[SIG_KEY] === ASSET_SIG || value[SIG_KEY] === ARCHIVE_SIG) return true;
    return Object.values(value).some(hasAssets);
}
