// --invoke-fixtures FILE: answers the user gives for provider functions (data sources), keyed by
// token and arguments, in JSON or YAML:
//
//   aws:ec2/getVpc:getVpc:                 # token -> one answer for any arguments ...
//     result: { id: vpc-0a1b2c3d4e5f60789, cidrBlock: 10.20.0.0/16 }
//   aws:rds/getEngineVersion:getEngineVersion:   # ... or a list, first match wins
//     - args: { engine: postgres }         # matches a call whose arguments include these
//       result: { version: "16.4", parameterGroupFamily: postgres16 }
//     - result: { version: "8.0.35" }      # no args: any call
//
// An entry's `result` is laid over the check's own answer (hand-written or generated) field by
// field; for a function the check cannot answer it is the whole answer. The file is checked
// before the run: a problem exits 2 naming the file, the entry and what is wrong.
import * as fs from "node:fs";
import * as path from "node:path";
import { parse as parseYaml } from "yaml";
import { CheckError } from "../errors";
import type { Json } from "./types";

export interface InvokeFixture {
    token: string;
    /** Where it is in the file, for messages: `aws:ec2/getVpc:getVpc[1]`. */
    label: string;
    /** The arguments a call must include (deep subset); undefined matches any call. */
    args?: Record<string, Json>;
    result: Record<string, Json>;
}

const TOKEN = /^[A-Za-z0-9_-]+:[A-Za-z0-9_./-]*:[A-Za-z0-9_]+$/;

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);

/** Reads and checks an --invoke-fixtures file; every problem names the file and the entry. */
export function readInvokeFixtures(file: string): InvokeFixture[] {
    const where = `--invoke-fixtures ${file}`;
    const fail = (why: string): never => {
        throw new CheckError(`${where}: ${why}`, { file });
    };
    let text: string;
    try {
        const stat = fs.statSync(file);
        if (stat.isDirectory()) fail("is a directory, not a JSON or YAML file");
        text = fs.readFileSync(file, "utf8");
    } catch (err) {
        if (err instanceof CheckError) throw err;
        const code = (err as NodeJS.ErrnoException).code;
        return fail(code === "ENOENT" ? "does not exist" : `cannot be read (${code ?? (err as Error).message})`);
    }
    let data: unknown;
    const ext = path.extname(file).toLowerCase();
    try {
        data = ext === ".json" ? JSON.parse(text) : parseYaml(text);
    } catch (err) {
        return fail(`is not valid ${ext === ".json" ? "JSON" : "YAML"}: ${(err as Error).message.split("\n")[0]}`);
    }
    if (!isObject(data)) return fail("must be an object keyed by function token (e.g. aws:ec2/getVpc:getVpc), each with a result or a list of { args, result }");
    const fixtures: InvokeFixture[] = [];
    for (const [token, value] of Object.entries(data)) {
        if (!TOKEN.test(token)) fail(`'${token}' is not a function token (package:module:function, e.g. aws:ec2/getVpc:getVpc)`);
        const entries = Array.isArray(value) ? value : [value];
        if (entries.length === 0) fail(`${token} has an empty list: give at least one { result }`);
        entries.forEach((entry, i) => {
            const label = Array.isArray(value) ? `${token}[${i}]` : token;
            if (!isObject(entry)) return fail(`${label} must be an object with a result (and optionally args), got ${JSON.stringify(entry)}`);
            const unknownKeys = Object.keys(entry).filter((k) => k !== "args" && k !== "result");
            if (unknownKeys.length > 0) fail(`${label} has ${unknownKeys.map((k) => `'${k}'`).join(", ")}: an entry takes only args and result`);
            if (!isObject(entry.result)) fail(`${label}.result must be an object (the function's result), got ${JSON.stringify(entry.result) ?? "nothing"}`);
            if (entry.args !== undefined && !isObject(entry.args)) fail(`${label}.args must be an object (arguments to match), got ${JSON.stringify(entry.args)}`);
            fixtures.push({ token, label, args: entry.args as Record<string, Json> | undefined, result: entry.result as Record<string, Json> });
        });
    }
    return fixtures;
}

/** `want` is part of `have`: every key of an object, every element of an array at its position. */
function includes(have: unknown, want: unknown): boolean {
    if (Array.isArray(want)) return Array.isArray(have) && want.length === have.length && want.every((w, i) => includes(have[i], w));
    if (isObject(want)) return isObject(have) && Object.entries(want).every(([k, w]) => includes(have[k], w));
    return have === want;
}

/** The first fixture for `token` whose args the call's arguments include. */
export function matchFixture(fixtures: readonly InvokeFixture[], token: string, args: Record<string, unknown>): InvokeFixture | undefined {
    return fixtures.find((f) => f.token === token && (f.args === undefined || includes(args, f.args)));
}
