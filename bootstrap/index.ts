// stagecraft's bootstrap: run once per AWS account, with an administrator's credentials and local
// state (README.md), before the stacks move to the S3 backend and deploy from GitHub Actions.
import * as pulumi from "@pulumi/pulumi";
import { GithubDeployRoles } from "../components/cicd/githubDeployRoles";
import { ConfigReader } from "../components/config/reader";
import { ConfigError } from "../components/shared/errors";
import { parseBootstrapSettings } from "./settings";
import { StateBackend } from "./stateBackend";

const project = pulumi.getProject();
const config = new pulumi.Config(project);
const read = new ConfigReader({ get: (key) => config.get(key) }, project);
const settings = parseBootstrapSettings(read, new pulumi.Config("aws").get("region") ?? "us-east-1");
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
        environments: github.environments.map((env) => ({ name: env, namePrefix: `${settings.appName}-${env}`, regions: settings.deployRegions })),
        existingProviderArn: github.existingProviderArn,
        stateBucketArn: backend.bucketArnPattern,
        secretsKeyAlias: backend.keyAlias,
        tags,
    })
    : undefined;

export const stateBucket = backend.bucketName;
/** `pulumi login <loginUrl>` */
export const loginUrl = backend.loginUrl;
/** `pulumi stack init <stack> --secrets-provider <secretsProvider>` */
export const secretsProvider = backend.secretsProvider;
export const oidcProviderArn = roles?.providerArn;
/** Set each as the GitHub environment secret AWS_DEPLOY_ROLE_ARN of that environment. */
export const deployRoleArns = roles?.deployRoleArns;
/** Set each as the repository secret AWS_PREVIEW_ROLE_ARN_<STACK>. */
export const previewRoleArns = roles?.previewRoleArns;
