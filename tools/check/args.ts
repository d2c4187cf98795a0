// Command-line options of `npm run check -- [options]`.
import { CheckError } from "./errors";

export interface CliOptions {
    stack: string;
    programDir?: string;
    policyPacks: string[];
    policyPackConfigs: string[];
    jsonFile?: string;
    noPolicy: boolean;
    typecheck: boolean;
    accountId?: string;
    /** Time limit of the program run, in seconds. */
    programTimeout: number;
    /** Time limit of each policy pack's start and of each of its answers, in seconds. */
    policyTimeout: number;
    verbose: boolean;
    help: boolean;
}

export const DEFAULT_TIMEOUT_SECONDS = 600;
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
  --json FILE                  write the machine-readable report to FILE ("-" for stdout)
  --no-policy                  plan only, enforce no policy
  --typecheck                  type-check the program first, as pulumi preview does by default
  --account-id ID              AWS account id for mocked ARNs and getCallerIdentity
  --program-timeout SECONDS    time limit of the program run; default 600 (env CHECK_PROGRAM_TIMEOUT)
  --policy-timeout SECONDS     time limit of a policy pack's start and of each of its answers
                               (one resource's analysis); default 600 (env CHECK_POLICY_TIMEOUT)
  --verbose                    show the program's and packs' output and stack traces
  -h, --help                   show this help

Exit codes: 0 no mandatory violation, 1 a mandatory violation, 2 the program, its config or a
policy pack failed (or timed out), 130/143 interrupted by SIGINT/SIGTERM (129 SIGHUP).`;

export function parseArgs(argv: string[], env: NodeJS.ProcessEnv = process.env): CliOptions {
    const fromEnv = (name: string) => (env[name] !== undefined && env[name] !== "" ? seconds(name, env[name]!) : DEFAULT_TIMEOUT_SECONDS);
    const opts: CliOptions = {
        stack: "dev",
        policyPacks: [],
        policyPackConfigs: [],
        noPolicy: false,
        typecheck: false,
        programTimeout: fromEnv(PROGRAM_TIMEOUT_ENV),
        policyTimeout: fromEnv(POLICY_TIMEOUT_ENV),
        verbose: false,
        help: false,
    };
    for (let i = 0; i < argv.length; i++) {
        const arg = argv[i];
        const [flag, inline] = arg.startsWith("--") && arg.includes("=") ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)] : [arg, undefined];
        const value = (): string => {
            const v = inline ?? argv[++i];
            if (v === undefined || (inline === undefined && v.startsWith("--"))) {
                throw new CheckError(`${flag} needs a value\n\n${USAGE}`);
            }
            return v;
        };
        switch (flag) {
            case "--stack":
            case "-s":
                opts.stack = value();
                break;
            case "--program":
                opts.programDir = value();
                break;
            case "--policy-pack":
                opts.policyPacks.push(value());
                break;
            case "--policy-pack-config":
                opts.policyPackConfigs.push(value());
                break;
            case "--json":
                opts.jsonFile = value();
                break;
            case "--no-policy":
                opts.noPolicy = true;
                break;
            case "--typecheck":
                opts.typecheck = true;
                break;
            case "--account-id":
                opts.accountId = value();
                if (!/^\d{12}$/.test(opts.accountId)) throw new CheckError(`--account-id must be 12 digits, got "${opts.accountId}"`);
                break;
            case "--program-timeout":
                opts.programTimeout = seconds(flag, value());
                break;
            case "--policy-timeout":
                opts.policyTimeout = seconds(flag, value());
                break;
            case "--verbose":
            case "-v":
                opts.verbose = true;
                break;
            case "--help":
            case "-h":
                opts.help = true;
                break;
            default:
                throw new CheckError(`unknown option ${arg}\n\n${USAGE}`);
        }
    }
    if (!/^[A-Za-z0-9_.-]+$/.test(opts.stack)) {
        throw new CheckError(`--stack "${opts.stack}" is not a valid stack name (letters, digits, -, _, .)`);
    }
    if (opts.noPolicy && (opts.policyPacks.length > 0 || opts.policyPackConfigs.length > 0)) {
        throw new CheckError("--no-policy cannot be combined with --policy-pack or --policy-pack-config");
    }
    return opts;
}
