// What the release workflow (.github/workflows/release.yml) does for one stack, from the stack's
// own config parsed by the program's parser (one source for names: repositories, families,
// cluster): which images to build, scan, push and roll out (phases 3-4), whether to run the
// deploy document on the hosts (phases 1-2) and whether to refresh the static assets.
// Usage: ts-node --transpile-only tools/ci/release-plan.ts <stack> [<changed-files list> | --all]
// Prints `key=value` lines for $GITHUB_OUTPUT; exit 1 with the config's problems.
import * as fs from "node:fs";
import * as path from "node:path";
import { ConfigReader, parseSettings, type Settings } from "../../components/config";
import { repositoryName } from "../../components/blocks/containers/taskDefinition";
import { MTLS_SERVICE_NAMES } from "../../components/config/mtls";
import { resolveStackConfig } from "../stack-config";

export const REPO_DIR = path.resolve(__dirname, "..", "..");

/** Where each image's Docker build context lives in the repository (docs/releases.md). */
export const BUILD_CONTEXTS = {
    /** The app: the platform's `api` service (phases 3-4) and the hosts' checkout (phases 1-2). */
    app: "app",
    /** A worker service `<name>` of workerServices. */
    worker: (name: string) => `workers/${name}`,
    mtlsGateway: "mtls/gateway",
    mtlsApi: "mtls/api",
    /** Built static assets, synced to the static bucket (behind the CDN; on a phase-1 host with `spa`, served by its proxy). */
    static: "static",
};

/** One image the release builds, scans, pushes and rolls out to its service. */
export interface ReleaseImage {
    /** ECS service name, and the container's name in its task definition. */
    service: string;
    /** Docker build context, relative to the repository root. */
    context: string;
    /** ECR repository name (`<app>-<env>/<service>`). */
    repository: string;
    /** Task definition family (`<app>-<env>-<service>`). */
    family: string;
    /** Docker platform the tasks run (the stack's cpuArchitecture). */
    platform: "linux/amd64" | "linux/arm64";
    /** GitHub runner that builds it natively. */
    runner: "ubuntu-latest" | "ubuntu-24.04-arm";
}

export interface ReleasePlan {
    stack: string;
    phase: number;
    region: string;
    /** ECS cluster of the services (phases 3-4), "" otherwise. */
    cluster: string;
    /** Images to build and roll out (phases 3-4); only those whose context changed on a push. */
    images: ReleaseImage[];
    /** Run the deploy document on the stack's hosts (phases 1-2, when the app changed). */
    hosts: boolean;
    /** Sync the static assets and invalidate the CDN (phases 2-4 with the CDN on, when they changed). */
    static: boolean;
    /**
     * Phase 1 with `spa`: upload the static assets to the static bucket before the deploy document
     * runs, which mirrors the bucket onto the host (deployScript.ts sync-static), when they changed.
     */
    spa: boolean;
}

/** Whether `files` (repository paths) touch `dir`; undefined files means everything changed (a manual run). */
function touches(files: readonly string[] | undefined, dir: string): boolean {
    return files === undefined || files.some((f) => f === dir || f.startsWith(`${dir}/`));
}

/** The plan for parsed settings; `changed` lists the files a push changed (undefined: release everything). */
export function releasePlan(stack: string, settings: Settings, changed?: readonly string[]): ReleasePlan {
    const base = { stack, phase: settings.phase, region: settings.region };
    if (settings.phase <= 2) {
        // A phase-1 host serving the SPA gets new assets through a deploy (it syncs them first).
        const spa = settings.phase === 1 && settings.serving.spa && touches(changed, BUILD_CONTEXTS.static);
        return {
            ...base, cluster: "", images: [], hosts: touches(changed, BUILD_CONTEXTS.app) || spa, spa,
            static: settings.phase === 2 && settings.web.cdnEnabled && touches(changed, BUILD_CONTEXTS.static),
        };
    }
    const { app, environment } = settings;
    const arm = settings.platform.cpuArchitecture === "ARM64";
    const image = (service: string, context: string, family: string): ReleaseImage => ({
        service, context, repository: repositoryName(app.name, environment, service), family,
        platform: arm ? "linux/arm64" : "linux/amd64", runner: arm ? "ubuntu-24.04-arm" : "ubuntu-latest",
    });
    const prefix = `${app.name}-${environment}`;
    const images = settings.platform.services.map((s) => image(s.name, s.loadBalanced ? BUILD_CONTEXTS.app : BUILD_CONTEXTS.worker(s.name), `${prefix}-${s.name}`));
    if (settings.mtls !== undefined) {
        images.push(image(MTLS_SERVICE_NAMES.gateway, BUILD_CONTEXTS.mtlsGateway, `${prefix}-mtls-gateway`));
        images.push(image(MTLS_SERVICE_NAMES.api, BUILD_CONTEXTS.mtlsApi, `${prefix}-mtls-api`));
    }
    return {
        ...base,
        cluster: prefix,
        images: images.filter((i) => touches(changed, i.context)),
        hosts: false,
        spa: false,
        static: settings.web.cdnEnabled && touches(changed, BUILD_CONTEXTS.static),
    };
}

const STACK = /^[A-Za-z0-9_.-]{1,100}$/;

/** The plan of a stack of this repository, from its stack file and Pulumi.yaml's defaults. */
export function planForStack(stack: string, changed?: readonly string[], repoDir: string = REPO_DIR): ReleasePlan {
    if (!STACK.test(stack)) throw new Error(`stack "${stack}": letters, digits, _ . - only`);
    const resolved = resolveStackConfig(repoDir, stack);
    const prefix = `${resolved.project}:`;
    const values = new Map(Object.entries(resolved.config).filter(([k]) => k.startsWith(prefix)).map(([k, v]) => [k.slice(prefix.length), v]));
    const settings = parseSettings(new ConfigReader({ get: (k) => values.get(k), keys: () => [...values.keys()] }, resolved.project), {
        project: resolved.project,
        stack,
        region: resolved.config["aws:region"],
    });
    return releasePlan(stack, settings, changed);
}

/** `key=value` lines for $GITHUB_OUTPUT (values are single-line JSON or plain words). */
export function outputLines(plan: ReleasePlan): string[] {
    return [
        `stack=${plan.stack}`,
        `phase=${plan.phase}`,
        `region=${plan.region}`,
        `cluster=${plan.cluster}`,
        `images=${JSON.stringify(plan.images)}`,
        `hosts=${plan.hosts}`,
        `static=${plan.static}`,
        `spa=${plan.spa}`,
    ];
}

function main(argv: string[]): number {
    const [stack, list] = argv;
    if (stack === undefined) {
        process.stderr.write("usage: release-plan.ts <stack> [<changed-files list> | --all]\n");
        return 2;
    }
    const changed = list === undefined || list === "--all"
        ? undefined
        : fs.readFileSync(list, "utf8").split("\n").map((l) => l.trim()).filter((l) => l !== "");
    try {
        process.stdout.write(`${outputLines(planForStack(stack, changed)).join("\n")}\n`);
        return 0;
    } catch (err) {
        process.stderr.write(`release plan of ${stack}: ${err instanceof Error ? err.message : String(err)}\n`);
        return 1;
    }
}

if (require.main === module) process.exit(main(process.argv.slice(2)));
