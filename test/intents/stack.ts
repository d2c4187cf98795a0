// Plans this repository's program for a variant of a stack file (the stack's config with some
// keys changed) through the offline check's API, and returns its intents. The variant lives in a
// temporary program folder inside the repository (a program's `main` must be inside it), whose
// Pulumi.yaml is the repository's own: one source for the declared config.
import * as fs from "node:fs";
import * as path from "node:path";
import { parse, stringify } from "yaml";
import { runCheck } from "../../tools/check";
import type { IntentResult } from "../../tools/analyze";

const REPO = path.resolve(__dirname, "..", "..");

export async function intentsOf(baseStack: string, overrides: Record<string, unknown>): Promise<IntentResult[]> {
    const dir = fs.mkdtempSync(path.join(REPO, "test", ".tmp-intents-"));
    try {
        fs.copyFileSync(path.join(REPO, "Pulumi.yaml"), path.join(dir, "Pulumi.yaml"));
        const relative = path.relative(dir, path.join(REPO, "index")).split(path.sep).join("/");
        fs.writeFileSync(path.join(dir, "index.ts"), `import outputs = require(${JSON.stringify(relative)});\nexport = outputs;\n`);
        const base = parse(fs.readFileSync(path.join(REPO, `Pulumi.${baseStack}.yaml`), "utf8")) as { config: Record<string, unknown> };
        const config = { ...base.config, ...Object.fromEntries(Object.entries(overrides).map(([k, v]) => [`stagecraft:${k}`, v])) };
        fs.writeFileSync(path.join(dir, "Pulumi.variant.yaml"), stringify({ config }));
        const { report } = await runCheck({ programDir: dir, stack: "variant", noPolicy: true, typecheck: false });
        return report.intents ?? [];
    } finally {
        fs.rmSync(dir, { recursive: true, force: true });
    }
}

export function resultOf(results: IntentResult[], id: string): IntentResult {
    const found = results.find((r) => r.id === id);
    if (!found) throw new Error(`no intent ${id} among ${results.map((r) => r.id).join(", ")}`);
    return found;
}
