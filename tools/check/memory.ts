// Peak memory of the whole check: the resident memory of the CLI, the program worker and the
// policy packs added up at the same instant, sampled every 50 ms (Linux /proc; elsewhere only
// the per-process peaks are known). Child processes register their pid while they run.
import * as fs from "node:fs";

const tracked = new Set<number>();

export function trackPid(pid: number | undefined): void {
    if (pid !== undefined) tracked.add(pid);
}

export function untrackPid(pid: number | undefined): void {
    if (pid !== undefined) tracked.delete(pid);
}

function rssBytes(pid: number): number {
    try {
        const m = /VmRSS:\s+(\d+)\s+kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
        return m ? Number(m[1]) * 1024 : 0;
    } catch {
        return 0;
    }
}

export interface MemorySampler {
    /** Stops sampling; the largest sum seen, in bytes (0 when /proc is not available). */
    stop(): number;
}

export function sampleMemory(intervalMs = 50): MemorySampler {
    let peak = 0;
    const sample = () => {
        let total = rssBytes(process.pid);
        for (const pid of tracked) total += rssBytes(pid);
        peak = Math.max(peak, total);
    };
    sample();
    const timer = setInterval(sample, intervalMs);
    timer.unref();
    return {
        stop: () => {
            sample();
            clearInterval(timer);
            return peak;
        },
    };
}
