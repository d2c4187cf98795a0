// A generated part of a Markdown file, between two marker lines (the README's benchmark table and
// stacks part): replaced in place, and compared in --check mode, so generated text is never typed.
import * as fs from "node:fs";

/** `text` with what lies between `begin` and `end` replaced by `part`; throws unless each marker is there once, in order. */
export function spliceBetween(text: string, begin: string, end: string, part: string, what: string, file: string): string {
    const b = text.indexOf(begin);
    const e = text.indexOf(end);
    if (b < 0 || e < 0 || e < b || text.indexOf(begin, b + 1) >= 0 || text.indexOf(end, e + 1) >= 0) {
        throw new Error(`${file}: ${what} needs the markers ${begin} and ${end}, once each and in that order`);
    }
    return `${text.slice(0, b + begin.length)}\n${part}\n${text.slice(e)}`;
}

/**
 * --check: 0 when `file` already holds `expected`, else 1 with `stale` on stderr. Otherwise
 * writes `expected` (when it differs) and says so.
 */
export function checkOrWrite(file: string, expected: string, check: boolean, what: string, stale: string): number {
    const current = fs.readFileSync(file, "utf8");
    if (check) {
        if (current === expected) return 0;
        process.stderr.write(`${stale}\n`);
        return 1;
    }
    if (current !== expected) fs.writeFileSync(file, expected);
    process.stdout.write(`${file}: ${what} ${current === expected ? "up to date" : "rewritten"}\n`);
    return 0;
}
