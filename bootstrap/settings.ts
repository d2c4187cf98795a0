import { REGION } from "../components/config/patterns";
import { type ConfigReader } from "../components/config/reader";

/** The bootstrap program's validated settings (read once, at the edge). */
export interface BootstrapSettings {
    name: string;
    /** Team or person responsible: the owner tag. */
    owner: string;
    region: string;
    appName: string;
    /** The stacks' Pulumi project (state paths and the secrets' encryption context). */
    stackProject: string;
    /** The environments (= stack names = GitHub environments) that get roles and a secrets provider. */
    environments: string[];
    /** The environments that build the organisation (phase 4): only their deploy roles get Organizations, CloudTrail, GuardDuty and Config. */
    organizationEnvironments: string[];
    github?: { repository: string; existingProviderArn?: string };
    deployRegions: string[];
    stateVersionsKeptDays: number;
}

const NAME = /^[a-z][a-z0-9-]{0,18}[a-z0-9]$/;
const REPOSITORY = /^[A-Za-z0-9-]{1,39}\/[A-Za-z0-9_.-]{1,100}$/;
const ENVIRONMENT = /^[A-Za-z0-9_.-]{1,64}$/;
const OIDC_ARN = /^arn:aws[a-z-]*:iam::\d{12}:oidc-provider\/token\.actions\.githubusercontent\.com$/;
/** A Pulumi project name. */
const PROJECT = /^[A-Za-z0-9_.-]{1,100}$/;

/**
 * Reads the bootstrap keys; problems go to `read.problems`, reported together by the caller.
 * `stack` is the bootstrap's own stack: its resources are tagged `environment=<stack>`, so it
 * must not be one of the environments it fences apart.
 */
export function parseBootstrapSettings(read: ConfigReader, region: string, stack = "bootstrap"): BootstrapSettings {
    const name = read.string("name", "stagecraft");
    if (!NAME.test(name)) read.problem("name", name, "2-20 lower-case letters, digits and hyphens, starting with a letter");
    const owner = read.string("owner", "platform");
    const appName = read.string("appName", "chat");
    if (!NAME.test(appName)) read.problem("appName", appName, "the stacks' stagecraft:appName (lower-case letters, digits, hyphens)");
    const repository = read.optionalString("githubRepository");
    if (repository !== undefined && !REPOSITORY.test(repository)) read.problem("githubRepository", repository, "<owner>/<repo>, e.g. example-org/stagecraft");
    const stackProject = read.string("stackProject", "stagecraft");
    if (!PROJECT.test(stackProject)) read.problem("stackProject", stackProject, "the stacks' Pulumi project name (name: in the root Pulumi.yaml)");
    const environments = read.stringList("environments", ["dev", "staging", "prod"]);
    for (const env of environments) {
        if (!ENVIRONMENT.test(env)) read.problem("environments", env, "GitHub environment names: letters, digits, _ . - (no wildcards)");
        if (env === stack) read.problem("environments", env, `a name other than this bootstrap stack's ("${stack}"), whose resources are tagged environment=${stack} and shared by every environment`);
    }
    if (new Set(environments).size !== environments.length) read.problem("environments", environments, "each environment once");
    // Names not among the environments get no role, so they grant nothing (the default names the enterprise stack).
    const organizationEnvironments = read.stringList("organizationEnvironments", ["enterprise"]);
    for (const env of organizationEnvironments) {
        if (!ENVIRONMENT.test(env)) read.problem("organizationEnvironments", env, "GitHub environment names: letters, digits, _ . - (no wildcards)");
    }
    const existingProviderArn = read.optionalString("githubOidcProviderArn");
    if (existingProviderArn !== undefined && !OIDC_ARN.test(existingProviderArn)) {
        read.problem("githubOidcProviderArn", existingProviderArn, "the ARN of the account's token.actions.githubusercontent.com OIDC provider");
    }
    const deployRegions = read.stringList("deployRegions", []);
    for (const r of deployRegions) if (!REGION.test(r)) read.problem("deployRegions", r, "AWS region names such as us-east-1");
    const stateVersionsKeptDays = read.integer("stateVersionsKeptDays", 90, 1, 3650);
    return {
        name,
        owner,
        region,
        appName,
        stackProject,
        environments,
        organizationEnvironments,
        github: repository !== undefined ? { repository, existingProviderArn } : undefined,
        deployRegions: deployRegions.length > 0 ? deployRegions : [region],
        stateVersionsKeptDays,
    };
}
