// The type-check cache: a target that type-checked cleanly is recorded with the hashes of what
// decided the result — the content of every file of the program outside node_modules (and the
// tsconfig chain), the listing of their folders (a new file can change what an import resolves
// to), the package.json of every package it read declarations from, and the installed-package
// lock (node_modules/.package-lock.json). The next run checks those hashes (milliseconds) instead
// of compiling (seconds to tens of seconds); any difference, and the target is compiled again.
// Failures are never cached: the run that fixes them recompiles.
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import type { TypecheckTarget } from "./typecheck-types";

export interface CacheRecord {
    version: 1;
    files: Record<string, string>;
    dirs: Record<string, string>;
    packages: Record<string, string>;
}

const sha256 = (data: string | Buffer) => createHash("sha256").update(data).digest("hex");

function hashFile(file: string): string {
    try {
        return sha256(fs.readFileSync(file));
    } catch {
        return "missing";
    }
}

function hashListing(dir: string): string {
    try {
        return sha256(fs.readdirSync(dir).sort().join("\n"));
    } catch {
        return "missing";
    }
}

const NODE_MODULES_PACKAGE = /^(.*[\\/]node_modules[\\/](?:@[^\\/]+[\\/])?[^\\/]+)[\\/]/;

/** The cache file of a target: by what decides how it compiles (folder, entry, ts-node options, TypeScript). */
export function cacheFileOf(cacheDir: string, target: TypecheckTarget): string {
    const key = sha256(JSON.stringify({ dir: target.dir, entry: target.entry, tsnode: target.tsnode, options: target.options, node: process.version }));
    return path.join(cacheDir, "typecheck", `${key.slice(0, 40)}.json`);
}

/** The record of a clean compilation of `files` (the program's source files and config files). */
export function cacheRecordFor(target: TypecheckTarget, files: string[]): CacheRecord {
    const record: CacheRecord = { version: 1, files: {}, dirs: {}, packages: {} };
    for (const file of files) {
        const pkg = NODE_MODULES_PACKAGE.exec(file)?.[1];
        if (pkg) {
            const manifest = path.join(pkg, "package.json");
            record.packages[manifest] ??= hashFile(manifest);
            // npm's record of what is installed, in the outermost node_modules.
            const lockFile = path.join(/^(.*?[\\/]node_modules)[\\/]/.exec(file)![1], ".package-lock.json");
            record.packages[lockFile] ??= hashFile(lockFile);
            continue;
        }
        record.files[file] = hashFile(file);
        record.dirs[path.dirname(file)] ??= hashListing(path.dirname(file));
    }
    record.files[target.entry] ??= hashFile(target.entry);
    return record;
}

export function writeCacheRecord(cacheDir: string, target: TypecheckTarget, record: CacheRecord): void {
    const file = cacheFileOf(cacheDir, target);
    try {
        fs.mkdirSync(path.dirname(file), { recursive: true });
        const tmp = `${file}.${process.pid}.tmp`;
        fs.writeFileSync(tmp, JSON.stringify(record));
        fs.renameSync(tmp, file);
    } catch {
        // The cache only saves time.
    }
}

/** True when a clean result of `target` is recorded and nothing it depended on has changed. */
export function isCachedClean(cacheDir: string, target: TypecheckTarget): boolean {
    let record: CacheRecord;
    try {
        record = JSON.parse(fs.readFileSync(cacheFileOf(cacheDir, target), "utf8")) as CacheRecord;
    } catch {
        return false;
    }
    if (record.version !== 1) return false;
    return (
        Object.entries(record.files).every(([f, h]) => hashFile(f) === h) &&
        Object.entries(record.dirs).every(([d, h]) => hashListing(d) === h) &&
        Object.entries(record.packages).every(([f, h]) => hashFile(f) === h)
    );
}
