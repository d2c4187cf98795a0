// stagecraft's bootstrap: run once per AWS account, with an administrator's credentials and local
// state (README.md), before the stacks move to the S3 backend and deploy from GitHub Actions.
import * as pulumi from "@pulumi/pulumi";
import { secretsProviderUrl } from "../components/blocks/cicd/deployPermissions";
import { GithubDeployRoles } from "../components/blocks/cicd/githubDeployRoles";
import { ConfigReader } from "../components/config/reader";
import { ConfigError } from "../components/lib/errors";
import { parseBootstrapSettings } from "./settings";
import { StateBackend } from "./stateBackend";

const project = pulumi.getProject();
const config = new pulumi.Config(project);
const read = new ConfigReader({ get: (key) => config.get(key) }, project);
const settings = parseBootstrapSettings(read, new pulumi.Config("aws").get("region") ?? "us-east-1", pulumi.getStack());
if (read.problems.length > 0) throw new ConfigError(read.problems);

const tags = { project: settings.name, environment: pulumi.getStack(), owner: settings.owner, "managed-by": "pulumi", "pulumi-stack": `${project}/${pulumi.getStack()}` };
const backend = new StateBackend(settings.name, {
    name: settings.name,
    region: settings.region,
    versionsKeptDays: settings.stateVersionsKeptDays,
    tags,
});
const github = settings.github;
const roles = github !== undefined
    ? new GithubDeployRoles(`${settings.name}-github`, {
        repository: github.repository,
        environments: settings.environments.map((env) => ({
            name: env,
            appName: settings.appName,
            regions: settings.deployRegions,
            organization: settings.organizationEnvironments.includes(env),
        })),
        existingProviderArn: github.existingProviderArn,
        stateBucketArn: backend.bucketArnPattern,
        secretsKeyAlias: backend.keyAlias,
        backendRegion: settings.region,
        stackProject: settings.stackProject,
        // This stack's own resources (the state key the roles decrypt with) are tagged environment=<this stack>.
        sharedEnvironmentTags: [pulumi.getStack()],
        tags,
    })
    : undefined;

export const stateBucket = backend.bucketName;
/** `pulumi login <loginUrl>` */
export const loginUrl = backend.loginUrl;
/** Per environment: `pulumi stack init <env> --secrets-provider <secretsProviders[env]>` (the context the roles require). */
export const secretsProviders = Object.fromEntries(settings.environments.map((env) =>
    [env, secretsProviderUrl(backend.keyAlias, settings.region, settings.stackProject, env)]));
/** No encryption context: for a stack no deploy role serves (this one's own state, if moved into the bucket). */
export const secretsProvider = backend.secretsProvider;
export const oidcProviderArn = roles?.providerArn;
/** Set each as the GitHub environment secret AWS_DEPLOY_ROLE_ARN of that environment. */
export const deployRoleArns = roles?.deployRoleArns;
/** Set each as the repository secret AWS_PREVIEW_ROLE_ARN_<STACK>. */
export const previewRoleArns = roles?.previewRoleArns;
/** Set each as the secret AWS_RELEASE_ROLE_ARN of the GitHub environment `<env>-release` (docs/releases.md). */
export const releaseRoleArns = roles?.releaseRoleArns;
