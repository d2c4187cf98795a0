// `npm run check -- [options]`: the offline preview + policy check. Exit codes: 0 = no mandatory
// violation, 1 = a mandatory violation, 2 = the program, its config or a policy pack failed.
import * as fs from "node:fs";
import * as path from "node:path";
import { parseArgs, USAGE } from "./args";
import { CheckError } from "./errors";
import { runCheck } from "./index";
import { renderReport } from "./report/render";

async function main(argv: string[]): Promise<number> {
    let verbose = argv.includes("--verbose") || argv.includes("-v");
    try {
        const opts = parseArgs(argv);
        verbose = opts.verbose;
        if (opts.help) {
            process.stdout.write(`${USAGE}\n`);
            return 0;
        }
        const { report, exitCode } = await runCheck({
            programDir: opts.programDir,
            stack: opts.stack,
            policyPacks: opts.policyPacks,
            policyPackConfigs: opts.policyPackConfigs,
            noPolicy: opts.noPolicy,
            typecheck: opts.typecheck,
            accountId: opts.accountId,
            programTimeout: opts.programTimeout,
            policyTimeout: opts.policyTimeout,
            verbose: opts.verbose,
        });
        const json = JSON.stringify(report, null, 2) + "\n";
        if (opts.jsonFile === "-") {
            process.stdout.write(json);
        } else {
            process.stdout.write(renderReport(report));
            if (opts.jsonFile) {
                fs.mkdirSync(path.dirname(path.resolve(opts.jsonFile)), { recursive: true });
                fs.writeFileSync(opts.jsonFile, json);
            }
        }
        return exitCode;
    } catch (err) {
        if (err instanceof CheckError) {
            process.stderr.write(`error: ${err.message}\n`);
            if (verbose && err.detail) process.stderr.write(`\n${err.detail}\n`);
            if (verbose && err.stack) process.stderr.write(`\n${err.stack}\n`);
        } else {
            process.stderr.write(`error: ${(err as Error)?.message ?? String(err)}\n`);
            if (verbose) process.stderr.write(`${(err as Error)?.stack ?? ""}\n`);
            else process.stderr.write("(run with --verbose for the stack trace)\n");
        }
        return 2;
    }
}

main(process.argv.slice(2)).then(
    (code) => {
        process.exitCode = code;
    },
    (err: unknown) => {
        process.stderr.write(`error: ${String(err)}\n`);
        process.exitCode = 2;
    },
);
