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
    verbose: boolean;
    help: boolean;
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
  --verbose                    show the program's and packs' output and stack traces
  -h, --help                   show this help

Exit codes: 0 no mandatory violation, 1 a mandatory violation, 2 the program, its config or a
policy pack failed.`;

export function parseArgs(argv: string[]): CliOptions {
    const opts: CliOptions = {
        stack: "dev",
        policyPacks: [],
        policyPackConfigs: [],
        noPolicy: false,
        typecheck: false,
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
