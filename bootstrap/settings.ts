import { REGION } from "../components/config/patterns";
import { type ConfigReader } from "../components/config/reader";

/** The bootstrap program's validated settings (read once, at the edge). */
export interface BootstrapSettings {
    name: string;
    /** Team or person responsible: the owner tag. */
    owner: string;
    region: string;
    appName: string;
    github?: { repository: string; environments: string[]; existingProviderArn?: string };
    deployRegions: string[];
    stateVersionsKeptDays: number;
}

const NAME = /^[a-z][a-z0-9-]{0,18}[a-z0-9]$/;
const REPOSITORY = /^[A-Za-z0-9-]{1,39}\/[A-Za-z0-9_.-]{1,100}$/;
const ENVIRONMENT = /^[A-Za-z0-9_.-]{1,64}$/;
const OIDC_ARN = /^arn:aws[a-z-]*:iam::\d{12}:oidc-provider\/token\.actions\.githubusercontent\.com$/;

/** Reads the bootstrap keys; problems go to `read.problems`, reported together by the caller. */
export function parseBootstrapSettings(read: ConfigReader, region: string): BootstrapSettings {
    const name = read.string("name", "stagecraft");
    if (!NAME.test(name)) read.problem("name", name, "2-20 lower-case letters, digits and hyphens, starting with a letter");
    const owner = read.string("owner", "platform");
    const appName = read.string("appName", "chat");
    if (!NAME.test(appName)) read.problem("appName", appName, "the stacks' stagecraft:appName (lower-case letters, digits, hyphens)");
    const repository = read.optionalString("githubRepository");
    if (repository !== undefined && !REPOSITORY.test(repository)) read.problem("githubRepository", repository, "<owner>/<repo>, e.g. example-org/stagecraft");
    const environments = read.stringList("environments", ["dev", "staging", "prod"]);
    for (const env of environments) {
        if (!ENVIRONMENT.test(env)) read.problem("environments", env, "GitHub environment names: letters, digits, _ . - (no wildcards)");
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
        github: repository !== undefined ? { repository, environments, existingProviderArn } : undefined,
        deployRegions: deployRegions.length > 0 ? deployRegions : [region],
        stateVersionsKeptDays,
    };
}
