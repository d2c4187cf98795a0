// Where an output file goes (--json, --summary, --graph), checked before the run: a report the CI cannot write is a failure the
// user should see at once, not after minutes (or never: fs.mkdirSync(..., { recursive: true })
// loops forever on a path under /proc, which refuses every mkdir with ENOENT).
import * as fs from "node:fs";
import * as path from "node:path";
import { CheckError } from "../errors";

function reason(err: unknown): string {
    const e = err as NodeJS.ErrnoException;
    return e.code ? `${e.code}: ${e.message.replace(/^[A-Z]+: /, "")}` : String(err);
}

/**
 * Makes sure `file` can be written: not a directory, its folder exists or can be created (folder by
 * folder, without the recursive mkdir), and opening it for appending works (a probe that leaves an
 * existing file as it was and removes a file it had to create). Returns the absolute path.
 */
export function prepareOutputFile(file: string, option = "--json"): string {
    const target = path.resolve(file);
    const fail = (why: string): never => {
        throw new CheckError(`${option} ${file}: ${why}`, { file: target });
    };
    let existed = false;
    try {
        const stat = fs.statSync(target);
        if (stat.isDirectory()) fail("is a directory; give a file name");
        existed = true;
    } catch (err) {
        if (err instanceof CheckError) throw err;
        const code = (err as NodeJS.ErrnoException).code;
        // ENOTDIR: a folder on the way is a file; the walk below names it.
        if (code !== "ENOENT" && code !== "ENOTDIR") fail(`cannot be read (${reason(err)})`);
    }
    if (!existed) {
        // Create the missing folders one at a time, nearest existing ancestor first.
        const missing: string[] = [];
        let dir = path.dirname(target);
        for (;;) {
            let stat: fs.Stats | undefined;
            try {
                stat = fs.statSync(dir);
            } catch (err) {
                const code = (err as NodeJS.ErrnoException).code;
                if (code !== "ENOENT" && code !== "ENOTDIR") fail(`its folder ${dir} cannot be read (${reason(err)})`);
            }
            if (stat) {
                if (!stat.isDirectory()) fail(`${dir} is not a directory`);
                break;
            }
            missing.unshift(dir);
            const parent = path.dirname(dir);
            if (parent === dir) break;
            dir = parent;
        }
        for (const d of missing) {
            try {
                fs.mkdirSync(d);
            } catch (err) {
                if ((err as NodeJS.ErrnoException).code !== "EEXIST") fail(`cannot create its folder ${d} (${reason(err)})`);
            }
        }
    }
    try {
        fs.closeSync(fs.openSync(target, "a"));
    } catch (err) {
        fail(`cannot be written (${reason(err)})`);
    }
    if (!existed) fs.rmSync(target, { force: true });
    return target;
}
