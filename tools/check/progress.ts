// Progress of a check on stderr: on a terminal, one status line rewritten in place (resources
// registered per plan, then the policy packs finishing), cleared before the report; in CI (the CI
// environment variable set, stderr not a terminal) a plain line at each milestone; otherwise
// nothing, so piped or captured output stays the report alone.
import type { CheckMode } from "./engine/types";
import type { PlanProgress } from "./plan";

export interface ProgressOutput {
    isTTY?: boolean;
    write(text: string): unknown;
}

/** How progress is shown: "live" on a terminal, "lines" in CI, "off" otherwise. */
export function progressStyle(out: ProgressOutput, env: NodeJS.ProcessEnv): "live" | "lines" | "off" {
    if (out.isTTY === true && env.TERM !== "dumb") return "live";
    return env.CI !== undefined && env.CI !== "" && env.CI !== "false" ? "lines" : "off";
}

export class Progress implements PlanProgress {
    private readonly counts = new Map<CheckMode, number>();
    private readonly started = Date.now();
    private lastDraw = 0;
    private drawn = false;

    constructor(
        private readonly out: ProgressOutput,
        private readonly style: "live" | "lines" | "off",
        private readonly now: () => number = Date.now,
    ) {}

    private seconds(): string {
        return `${((this.now() - this.started) / 1000).toFixed(1)} s`;
    }

    private status(): string {
        return [...this.counts].map(([mode, n]) => `${mode}: ${n} resources`).join(", ");
    }

    private draw(text: string, force = false): void {
        if (this.style !== "live") return;
        const t = this.now();
        if (!force && t - this.lastDraw < 100) return;
        this.lastDraw = t;
        this.out.write(`\r\x1b[K${text}`);
        this.drawn = true;
    }

    private line(text: string): void {
        if (this.style === "lines") this.out.write(`${text}\n`);
        else this.draw(text, true);
    }

    resource(mode: CheckMode): void {
        this.counts.set(mode, (this.counts.get(mode) ?? 0) + 1);
        this.draw(`planning (${this.status()}) ${this.seconds()}`);
    }

    programDone(mode: CheckMode, resources: number): void {
        this.line(`${mode} plan: the program registered ${resources} resources in ${this.seconds()}; the policy packs are finishing`);
    }

    policiesDone(mode: CheckMode): void {
        this.line(`${mode} plan: policies done at ${this.seconds()}`);
    }

    /** Clears the status line before the report is printed. */
    done(): void {
        if (this.drawn) this.out.write("\r\x1b[K");
        this.drawn = false;
    }
}
