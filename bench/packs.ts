// The policy packs the benchmark compares through the same check: the stagecraft pack
// (policies/) and a peer, AWSGuard (@pulumi/awsguard), the public AWS pack Pulumi published.
// AWSGuard 0.3.1 (its latest) depends on @pulumi/aws ^4 and aws-sdk v2, while this workspace is
// on @pulumi/aws 7: installed here it would add a second @pulumi/aws major (and 250 MB) to every
// engineer's `npm ci`. So it lives as a real pack does, in its own folder (bench/peer/awsguard:
// package.json, package-lock.json, PulumiPolicy.yaml, index.ts from its awsguard-typescript
// template), with its own node_modules, installed here from the committed lock file on first use.
import { execFileSync } from "node:child_process";
import * as crypto from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";

export const REPO = path.resolve(__dirname, "..");

export interface BenchPack {
    /** Short key used in the result file and the README table. */
    id: "stagecraft" | "awsguard";
    /** How the README names it. */
    label: string;
    dir: string;
    /** Installs what the pack needs to run (no-op when it is ready). */
    prepare(log: (line: string) => void): void;
}

const PEER_DIR = path.join(REPO, "bench", "peer", "awsguard");
/** Written after a successful install: the hash of the lock file it installed. */
const PEER_STAMP = path.join(PEER_DIR, "node_modules", ".bench-installed");

function lockHash(): string {
    return crypto.createHash("sha256").update(fs.readFileSync(path.join(PEER_DIR, "package-lock.json"))).digest("hex");
}

function preparePeer(log: (line: string) => void): void {
    const wanted = lockHash();
    if (fs.existsSync(PEER_STAMP) && fs.readFileSync(PEER_STAMP, "utf8") === wanted) return;
    log(`installing the peer pack's dependencies (npm ci in ${path.relative(REPO, PEER_DIR)}, from its package-lock.json)`);
    // Install scripts stay off: @pulumi/aws 4's only downloads a provider plugin the check never runs.
    const npm = process.platform === "win32" ? "npm.cmd" : "npm";
    try {
        execFileSync(npm, ["ci", "--ignore-scripts", "--no-audit", "--no-fund", "--loglevel=error"], { cwd: PEER_DIR, stdio: ["ignore", "inherit", "inherit"] });
    } catch (err) {
        throw new Error(`npm ci in ${PEER_DIR} failed (${(err as Error).message.split("\n")[0]}): the peer pack cannot run without its dependencies`);
    }
    fs.writeFileSync(PEER_STAMP, wanted);
}

export const BENCH_PACKS: BenchPack[] = [
    { id: "stagecraft", label: "stagecraft (policies/)", dir: path.join(REPO, "policies"), prepare: () => undefined },
    { id: "awsguard", label: "AWSGuard (@pulumi/awsguard 0.3.1)", dir: PEER_DIR, prepare: preparePeer },
];
