// Regenerates the policy table in policies/README.md from the pack and its stack configs.
//   ts-node --transpile-only tools/policy-table/generate.ts          rewrite the table
//   ts-node --transpile-only tools/policy-table/generate.ts --check  exit 1 when the README is stale
import * as fs from "node:fs";
import * as path from "node:path";
import { type PolicyConfigFile, reconcile } from "../../policies/lib/packconfig";
import { packPolicies } from "../../policies/pack";
import { renderTable, spliceTable, type StackConfigs, TABLE_STACKS } from "./table";

const ROOT = path.resolve(__dirname, "../..");
export const README = path.join(ROOT, "policies/README.md");

function configFile(stack: string): PolicyConfigFile {
    return JSON.parse(fs.readFileSync(path.join(ROOT, "policies/config", `${stack}.json`), "utf8")) as PolicyConfigFile;
}

/** The README as it should be. */
export function expectedReadme(): string {
    const configs = Object.fromEntries(TABLE_STACKS.map((s) => [s, reconcile(packPolicies, configFile(s))])) as unknown as StackConfigs;
    const table = renderTable(packPolicies, configs);
    return spliceTable(fs.readFileSync(README, "utf8"), table);
}

function main(argv: string[]): number {
    const expected = expectedReadme();
    const current = fs.readFileSync(README, "utf8");
    if (argv.includes("--check")) {
        if (current === expected) return 0;
        process.stderr.write("policies/README.md: the policy table does not match the pack. Run `npx ts-node --transpile-only tools/policy-table/generate.ts` and commit the result.\n");
        return 1;
    }
    if (current !== expected) fs.writeFileSync(README, expected);
    process.stdout.write(`policies/README.md: ${current === expected ? "up to date" : "table rewritten"}\n`);
    return 0;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
