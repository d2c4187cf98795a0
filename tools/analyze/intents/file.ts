// The --intents FILE: YAML (or JSON), a mapping with one key, `intents`.
import * as fs from "node:fs";
import { parse } from "yaml";
import type { Value } from "../plan";
import { type Intent, IntentsError, readIntents } from "./schema";

export function readIntentsFile(file: string): Intent[] {
    if (!fs.existsSync(file)) throw new IntentsError(file, ["the intents file does not exist"]);
    let doc: Value;
    try {
        doc = parse(fs.readFileSync(file, "utf8"), { uniqueKeys: true }) as Value;
    } catch (err) {
        throw new IntentsError(file, [`not valid YAML: ${(err as Error).message.split("\n")[0]}`]);
    }
    if (doc === null || typeof doc !== "object" || Array.isArray(doc)) throw new IntentsError(file, ["the file is a mapping with one key, intents: a list of intents"]);
    const extra = Object.keys(doc).filter((k) => k !== "intents");
    if (extra.length > 0) throw new IntentsError(file, [`unknown key${extra.length > 1 ? "s" : ""} ${extra.map((k) => `"${k}"`).join(", ")} (allowed: intents)`]);
    return readIntents(file, doc.intents);
}
