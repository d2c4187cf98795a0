// `npm run check -- [options]`: the offline preview + policy check. Exit codes: 0 = no mandatory
// violation, 1 = a mandatory violation, 2 = the program, its config or a policy pack failed (or
// timed out), 128 + signal number when interrupted (130 SIGINT, 143 SIGTERM, 129 SIGHUP).
import * as fs from "node:fs";
import * as path from "node:path";
import { parseArgs, USAGE } from "./args";
import { killAllChildren } from "./children";
import { TypeCheckError } from "./engine/typecheck";
import { CheckError } from "./errors";
import { REPO_ROOT, runCheck } from "./index";
import { prepareOutputFile } from "./report/output-file";
import { colorWanted, renderReport } from "./report/render";
import { renderErrorSummary, renderSummary } from "./report/summary";
import { planGraph, toDot, toMermaid } from "./report/graph";
import { Progress, progressStyle } from "./progress";

const SIGNAL_EXIT_CODES: Partial<Record<NodeJS.Signals, number>> = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };

/** The --json file, once checked (for the error report of a failed or interrupted run). */
let jsonFile: string | undefined;
/** What the run is, for the error report. */
let runNames: { stack?: string; programDir?: string } = {};
/** The progress line on stderr (cleared before any report or error). */
let progress: Progress | undefined;
/** The --summary file, once checked. */
let summaryFile: string | undefined;

/**
 * Writes the Markdown summary to --summary FILE and appends it to GitHub's job summary when the
 * run is a GitHub Actions step; a summary that cannot be written is said on stderr and never
 * changes the run's exit code (the report and the exit code are the verdict).
 */
function writeSummary(markdown: string): void {
    const targets: Array<[string, (f: string) => void]> = [];
    if (summaryFile) targets.push([summaryFile, (f) => fs.writeFileSync(f, markdown)]);
    const step = process.env.GITHUB_STEP_SUMMARY;
    if (step) targets.push([step, (f) => fs.appendFileSync(f, markdown + "\n")]);
    for (const [file, write] of targets) {
        try {
            write(file);
        } catch (err) {
            process.stderr.write(`error: cannot write the summary to ${file}: ${(err as Error).message}\n`);
        }
    }
}

/** What --json FILE holds when the run fails: the error, machine-readable, and the run's names. */
function writeErrorReport(message: string, file?: string, extra?: Record<string, unknown>): void {
    writeSummary(renderErrorSummary(runNames, message));
    if (!jsonFile) return;
    const report = { error: { message, ...(file ? { file } : {}), ...(extra ?? {}) }, ...runNames };
    const json = JSON.stringify(report, null, 2) + "\n";
    try {
        if (jsonFile === "-") process.stdout.write(json);
        else fs.writeFileSync(jsonFile, json);
    } catch (err) {
        process.stderr.write(`error: cannot write the JSON error report to ${jsonFile}: ${(err as Error).message}\n`);
    }
}

/**
 * SIGINT/SIGTERM/SIGHUP: the children run in their own process groups (so the terminal's Ctrl-C
 * does not reach them) and die here with everything they started; then the CLI exits 128 + signal.
 */
function onSignal(signal: NodeJS.Signals): void {
    progress?.done();
    const stopped = killAllChildren();
    const what = stopped.length > 0 ? `; stopped ${stopped.map((c) => c.label).join(", ")}` : "";
    const message = `interrupted by ${signal}${what}`;
    process.stderr.write(`error: ${message}\n`);
    writeErrorReport(`interrupted by ${signal}`);
    process.exit(SIGNAL_EXIT_CODES[signal] ?? 2);
}

for (const signal of Object.keys(SIGNAL_EXIT_CODES) as NodeJS.Signals[]) process.once(signal, onSignal);
// Whatever ends the CLI (a failure, an uncaught error, process.exit), no child outlives it.
process.on("exit", () => killAllChildren());

/**
 * The --json path of a command line parseArgs rejected (an unknown option, a missing value), so
 * that the error report is written there too; undefined when there is none or it is unusable.
 */
function jsonFileOf(argv: string[]): string | undefined {
    const at = argv.findIndex((a) => a === "--json" || a.startsWith("--json="));
    if (at < 0) return undefined;
    const value = argv[at].startsWith("--json=") ? argv[at].slice("--json=".length) : argv[at + 1];
    if (value === undefined || value === "" || (value.startsWith("-") && value !== "-")) return undefined;
    try {
        return value === "-" ? value : prepareOutputFile(value);
    } catch {
        return undefined;
    }
}

async function main(argv: string[]): Promise<number> {
    let verbose = argv.includes("--verbose") || argv.includes("-v");
    try {
        let opts: ReturnType<typeof parseArgs>;
        try {
            opts = parseArgs(argv);
        } catch (err) {
            // The report still goes where the command line says, when it says it usably.
            jsonFile = jsonFileOf(argv);
            throw err;
        }
        verbose = opts.verbose;
        if (opts.help) {
            process.stdout.write(`${USAGE}\n`);
            return 0;
        }
        // Checked before the run: an unwritable report fails at once, not after the run.
        jsonFile = opts.jsonFile === undefined || opts.jsonFile === "-" ? opts.jsonFile : prepareOutputFile(opts.jsonFile);
        runNames = { stack: opts.stack, programDir: path.resolve(opts.programDir ?? REPO_ROOT) };
        summaryFile = opts.summaryFile === undefined ? undefined : prepareOutputFile(opts.summaryFile, "--summary");
        const graphFile = opts.graphFile === undefined ? undefined : prepareOutputFile(opts.graphFile, "--graph");
        if (opts.jsonFile === "-" && process.env.npm_lifecycle_event !== undefined && !/^silent$/i.test(process.env.npm_config_loglevel ?? "")) {
            // npm printed "> stagecraft@… check" on stdout before this process started: the JSON
            // that follows is not a JSON document any more. Say so where it does not mix in.
            process.stderr.write("warning: npm printed its banner on stdout before the JSON report: run `npm run -s check -- ... --json -` (or --json FILE) for output a JSON parser reads\n");
        }
        // Not with --verbose: the program's and packs' own output would interleave with it.
        progress = new Progress(process.stderr, opts.verbose ? "off" : progressStyle(process.stderr, process.env));
        const { report, exitCode } = await runCheck({
            programDir: opts.programDir,
            stack: opts.stack,
            policyPacks: opts.policyPacks,
            policyPackConfigs: opts.policyPackConfigs,
            noPolicy: opts.noPolicy,
            mode: opts.mode,
            typecheck: opts.typecheck,
            accountId: opts.accountId,
            programTimeout: opts.programTimeout,
            policyTimeout: opts.policyTimeout,
            compareTo: opts.compareTo,
            acceptReplace: opts.acceptReplace,
            invokeFixtures: opts.invokeFixtures,
            intents: opts.intents,
            verbose: opts.verbose,
            progress,
        });
        progress.done();
        const json = JSON.stringify(report, null, 2) + "\n";
        // The summary gets the plain text; the terminal, colours when wanted.
        const text = renderReport(report, { showOutputs: opts.showOutputs });
        if (opts.jsonFile === "-") {
            process.stdout.write(json);
        } else {
            const color = colorWanted(opts.color, process.stdout.isTTY, process.env);
            process.stdout.write(color ? renderReport(report, { showOutputs: opts.showOutputs, color }) : text);
            if (jsonFile) fs.writeFileSync(jsonFile, json);
        }
        writeSummary(renderSummary(report, text));
        if (graphFile) {
            const graph = planGraph(report.resources);
            fs.writeFileSync(graphFile, /\.dot$/i.test(graphFile) ? toDot(graph) : toMermaid(graph));
        }
        return exitCode;
    } catch (err) {
        progress?.done();
        // CI gets the failure in the report file too (exit 2 and a JSON error report).
        writeErrorReport(
            // A usage error's first line (the usage text that follows it is for people).
            err instanceof Error ? err.message.split(`\n\n${USAGE}`)[0] : String(err),
            err instanceof CheckError ? err.file : undefined,
            // Every type error, with its file, line, column and code.
            err instanceof TypeCheckError ? { diagnostics: err.diagnostics } : undefined,
        );
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

/**
 * Ends with `code` once the event loop is empty, as Node does; should anything still hold it (a
 * connection not closed, a timer), the CLI exits anyway a moment later instead of hanging.
 */
function finish(code: number): void {
    process.exitCode = code;
    setTimeout(() => process.exit(code), 5000).unref();
}

main(process.argv.slice(2)).then(finish, (err: unknown) => {
    writeErrorReport(String(err));
    process.stderr.write(`error: ${String(err)}\n`);
    finish(2);
});
