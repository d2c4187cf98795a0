// Command-line options of `npm run check -- [options]`, read with node:util's parseArgs.
import { parseArgs as parseNodeArgs } from "node:util";
import type { CheckMode } from "./engine/types";
import { CheckError } from "./errors";

export interface CliOptions {
    stack: string;
    programDir?: string;
    policyPacks: string[];
    policyPackConfigs: string[];
    jsonFile?: string;
    /** Where to write the Markdown summary (also appended to $GITHUB_STEP_SUMMARY when set). */
    summaryFile?: string;
    /** Where to write a picture of the plan: Mermaid (.mmd) or Graphviz (.dot). */
    graphFile?: string;
    /** Colours in the text report: auto (a terminal without NO_COLOR), always, never. */
    color: "auto" | "always" | "never";
    /** Output values in full. */
    showOutputs: boolean;
    noPolicy: boolean;
    /** "preview" (default) or "apply" (computed values generated; verdicts compared with the preview). */
    mode: CheckMode;
    /** Type-check as pulumi preview does (default); false with --no-typecheck. */
    typecheck: boolean;
    accountId?: string;
    /** Time limit of the program run, in seconds. */
    programTimeout: number;
    /** Time limit of each policy pack's start and of each of its answers, in seconds. */
    policyTimeout: number;
    /** A git revision or a report file to compare the plan with. */
    compareTo?: string;
    /** URNs or names whose deletion or replacement is intended. */
    acceptReplace: string[];
    /** Answers for provider functions (JSON or YAML, keyed by token and arguments). */
    invokeFixtures?: string;
    /** A YAML file of intents (flows and permissions that must or must never work) to prove. */
    intents?: string;
    verbose: boolean;
    help: boolean;
}

export const DEFAULT_TIMEOUT_SECONDS = 600;
export const MODES: readonly CheckMode[] = ["preview", "apply"];
/** Environment variables with the time limits (for CI); the options win over them. */
export const PROGRAM_TIMEOUT_ENV = "CHECK_PROGRAM_TIMEOUT";
export const POLICY_TIMEOUT_ENV = "CHECK_POLICY_TIMEOUT";

/** A time limit in seconds: a positive number (fractions allowed), at most a day. */
function seconds(what: string, text: string): number {
    const n = Number(text);
    if (text.trim() === "" || !Number.isFinite(n) || n <= 0 || n > 86_400) {
        throw new CheckError(`${what} must be a number of seconds between 0 and 86400 (e.g. 600), got "${text}"`);
    }
    return n;
}

export const USAGE = `Usage: npm run check -- [options]

Plans a stack of a Pulumi TypeScript program and enforces policy packs exactly as
\`pulumi preview --policy-pack\` would, offline: no Pulumi CLI, no provider plugins, no cloud
credentials.

Options:
  --stack NAME                 stack to plan (reads Pulumi.yaml and Pulumi.NAME.yaml); default dev
  --program DIR                Pulumi program directory (with Pulumi.yaml); default this repository
  --policy-pack DIR            CrossGuard policy pack to enforce (repeatable); default policies/
  --policy-pack-config FILE    policy config JSON, as pulumi preview --policy-pack-config reads it
                               (repeatable, one per --policy-pack, in the same order)
  --json FILE                  write the machine-readable report to FILE ("-" for stdout; through
                               npm, run \`npm run -s check\` so that npm prints no banner before it)
  --summary FILE               write a Markdown summary (counts, what fails, cost per component, the
                               report collapsed) to FILE; in GitHub Actions it is also added to the
                               job summary ($GITHUB_STEP_SUMMARY)
  --graph FILE.mmd|FILE.dot    write a picture of the planned architecture (Mermaid or Graphviz):
                               components, the resources that matter, network edges from security
                               group rules, data edges from inputs
  --show-outputs               print output values in full (else one line of 120 characters each)
  --color auto|always|never    colours in the report; auto (the default): on a terminal, unless
                               NO_COLOR is set
  --no-policy                  plan only, enforce no policy
  --mode preview|apply         preview (default): computed values (ids, ARNs) unknown, as in
                               pulumi preview; apply: they get deterministic, realistic values, so
                               policies judge what pulumi up would, and the report marks verdicts
                               that differ from the preview (planned beside it)
  --no-typecheck               skip type-checking the program and the TypeScript packs (on by
                               default, as in pulumi preview; it runs beside the plan and is cached)
  --typecheck                  type-check (the default; kept for older scripts)
  --account-id ID              AWS account id for mocked ARNs and getCallerIdentity
  --invoke-fixtures FILE       answers for data sources (JSON or YAML keyed by function token, each
                               { args, result } or a list of them), laid over the check's own
  --intents FILE               prove these intents too (YAML: flows and permissions that must, or
                               must never, work; see docs/intents.md); a violated one fails the run
  --program-timeout SECONDS    time limit of the program run; default 600 (env CHECK_PROGRAM_TIMEOUT)
  --policy-timeout SECONDS     time limit of a policy pack's start and of each of its answers
                               (one resource's analysis); default 600 (env CHECK_POLICY_TIMEOUT)
  --compare-to REF|FILE        plan the program at git revision REF too (or read a --json report
                               FILE) and fail when a stateful or protected resource would be
                               replaced or deleted (upgrade safety; see docs/offline-check.md)
  --accept-replace URN|NAME    acknowledge one such replacement or deletion (repeatable)
  --verbose                    show the program's and packs' output and stack traces
  -h, --help                   show this help

Exit codes: 0 no mandatory violation and every intent proved (the result line says "incomplete" when a remote component
hides resources policies would judge), 1 a mandatory violation or an intent not proved (or, with --compare-to, a stateful
or protected resource replaced or deleted without --accept-replace), 2 the program, its config, a
policy pack, the fixtures or the intents file failed, a type error, or a time limit; 130/143 interrupted by
SIGINT/SIGTERM (129 SIGHUP). With --json FILE, FILE holds the error when the run fails.`;

const OPTIONS = {
    stack: { type: "string", short: "s" },
    program: { type: "string" },
    "policy-pack": { type: "string", multiple: true },
    "policy-pack-config": { type: "string", multiple: true },
    json: { type: "string" },
    summary: { type: "string" },
    graph: { type: "string" },
    "show-outputs": { type: "boolean" },
    color: { type: "string" },
    "no-policy": { type: "boolean" },
    mode: { type: "string" },
    typecheck: { type: "boolean" },
    "no-typecheck": { type: "boolean" },
    "account-id": { type: "string" },
    "invoke-fixtures": { type: "string" },
    intents: { type: "string" },
    "program-timeout": { type: "string" },
    "policy-timeout": { type: "string" },
    "compare-to": { type: "string" },
    "accept-replace": { type: "string", multiple: true },
    verbose: { type: "boolean", short: "v" },
    help: { type: "boolean", short: "h" },
} as const;

/** node:util's parse errors, in the check's words (the option and what is wrong). */
function usageError(err: unknown): CheckError {
    const e = err as { code?: string; message?: string };
    // "Option '-s, --stack <value>' argument missing" / "Option '--stack' argument is ambiguous": the long name.
    const option = /--[A-Za-z][A-Za-z-]*/.exec(e.message ?? "")?.[0] ?? /'(-[A-Za-z])/.exec(e.message ?? "")?.[1] ?? "";
    switch (e.code) {
        case "ERR_PARSE_ARGS_UNKNOWN_OPTION":
            return new CheckError(`unknown option ${option}\n\n${USAGE}`);
        case "ERR_PARSE_ARGS_INVALID_OPTION_VALUE":
            return new CheckError(`${option} needs a value\n\n${USAGE}`);
        case "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL":
            return new CheckError(`unexpected argument ${/'([^']*)'/.exec(e.message ?? "")?.[1] ?? ""} (options take the form --name value)\n\n${USAGE}`);
        default:
            return new CheckError(`${e.message ?? String(err)}\n\n${USAGE}`);
    }
}

/** The --mode value, or a one-line error naming the flag, the value and what is allowed. */
function modeOf(value: string | undefined): CheckMode {
    if (value === undefined) return "preview";
    if ((MODES as readonly string[]).includes(value)) return value as CheckMode;
    // Quoted with every control character escaped (JSON leaves DEL, U+2028 and U+2029 raw): the
    // value must not forge a line of the error.
    const quoted = JSON.stringify(value).replace(/[\u007f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
    throw new CheckError(`--mode ${quoted} is not a mode: use preview (the default: computed values unknown, as in pulumi preview) or apply (computed values generated, as during pulumi up)`);
}

function colorOf(value: string | undefined): CliOptions["color"] {
    if (value === undefined) return "auto";
    if (value === "auto" || value === "always" || value === "never") return value;
    throw new CheckError(`--color ${JSON.stringify(value).replace(/[\u007f\u2028\u2029]/g, "?")} is not a colour setting: use auto (the default), always or never`);
}

export function parseArgs(argv: string[], env: NodeJS.ProcessEnv = process.env): CliOptions {
    const fromEnv = (name: string) => (env[name] !== undefined && env[name] !== "" ? seconds(name, env[name]!) : DEFAULT_TIMEOUT_SECONDS);
    let values: ReturnType<typeof parseNodeArgs<{ args: string[]; options: typeof OPTIONS; strict: true }>>["values"];
    try {
        values = parseNodeArgs({ args: argv, options: OPTIONS, strict: true, allowPositionals: false }).values;
    } catch (err) {
        throw usageError(err);
    }
    const opts: CliOptions = {
        stack: values.stack ?? "dev",
        programDir: values.program,
        policyPacks: values["policy-pack"] ?? [],
        policyPackConfigs: values["policy-pack-config"] ?? [],
        jsonFile: values.json,
        summaryFile: values.summary,
        graphFile: values.graph,
        color: colorOf(values.color),
        showOutputs: values["show-outputs"] ?? false,
        noPolicy: values["no-policy"] ?? false,
        mode: modeOf(values.mode),
        typecheck: !(values["no-typecheck"] ?? false),
        accountId: values["account-id"],
        programTimeout: values["program-timeout"] !== undefined ? seconds("--program-timeout", values["program-timeout"]) : fromEnv(PROGRAM_TIMEOUT_ENV),
        policyTimeout: values["policy-timeout"] !== undefined ? seconds("--policy-timeout", values["policy-timeout"]) : fromEnv(POLICY_TIMEOUT_ENV),
        compareTo: values["compare-to"],
        acceptReplace: values["accept-replace"] ?? [],
        invokeFixtures: values["invoke-fixtures"],
        intents: values.intents,
        verbose: values.verbose ?? false,
        help: values.help ?? false,
    };
    if (opts.accountId !== undefined && !/^\d{12}$/.test(opts.accountId)) throw new CheckError(`--account-id must be 12 digits, got "${opts.accountId}"`);
    if (!/^[A-Za-z0-9_.-]+$/.test(opts.stack)) {
        throw new CheckError(`--stack "${opts.stack}" is not a valid stack name (letters, digits, -, _, .)`);
    }
    if (opts.noPolicy && (opts.policyPacks.length > 0 || opts.policyPackConfigs.length > 0)) {
        throw new CheckError("--no-policy cannot be combined with --policy-pack or --policy-pack-config");
    }
    if (values.typecheck && values["no-typecheck"]) {
        throw new CheckError("--typecheck and --no-typecheck contradict each other: give one");
    }
    if (opts.graphFile !== undefined && !/\.(mmd|dot)$/i.test(opts.graphFile)) {
        throw new CheckError(`--graph ${JSON.stringify(opts.graphFile)}: name a .mmd (Mermaid) or .dot (Graphviz) file`);
    }
    if (opts.acceptReplace.length > 0 && opts.compareTo === undefined) {
        throw new CheckError("--accept-replace acknowledges what --compare-to finds: give --compare-to too");
    }
    return opts;
}
