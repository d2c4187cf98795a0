/**
 * Fargate task sizes (pure): which CPU/memory pairs Fargate accepts, and what a task costs.
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-tasks-services.html#fargate-tasks-size
 */
import { FARGATE_HOURLY, HOURS_PER_MONTH } from "./prices";

export type CpuArchitecture = "X86_64" | "ARM64";
export const CPU_ARCHITECTURES: readonly CpuArchitecture[] = ["X86_64", "ARM64"];

/** CPU units (1024 = 1 vCPU) → the memory sizes (MiB) Fargate accepts with it: from, to, step. */
export const FARGATE_MEMORY: Readonly<Record<number, { from: number; to: number; step: number; explicit?: readonly number[] }>> = {
    256: { from: 512, to: 2048, step: 512, explicit: [512, 1024, 2048] },
    512: { from: 1024, to: 4096, step: 1024 },
    1024: { from: 2048, to: 8192, step: 1024 },
    2048: { from: 4096, to: 16384, step: 1024 },
    4096: { from: 8192, to: 30720, step: 1024 },
    8192: { from: 16384, to: 61440, step: 4096 },
    16384: { from: 32768, to: 122880, step: 8192 },
};

/** The CPU values Fargate accepts, ascending. */
export const FARGATE_CPUS: readonly number[] = Object.keys(FARGATE_MEMORY).map(Number).sort((a, b) => a - b);

/** The memory sizes (MiB) Fargate accepts with `cpu` units ([] for an invalid CPU value). */
export function fargateMemoryOptions(cpu: number): number[] {
    const range = FARGATE_MEMORY[cpu];
    if (range === undefined) return [];
    if (range.explicit !== undefined) return [...range.explicit];
    const sizes: number[] = [];
    for (let m = range.from; m <= range.to; m += range.step) sizes.push(m);
    return sizes;
}

/**
 * Why Fargate would reject this task size, or undefined when it accepts it. The text says what is
 * allowed, so it can go straight into a config problem.
 */
export function fargateSizeProblem(cpu: number, memory: number): string | undefined {
    if (!FARGATE_CPUS.includes(cpu)) {
        return `Fargate CPU units: one of ${FARGATE_CPUS.join(", ")} (1024 = 1 vCPU)`;
    }
    const options = fargateMemoryOptions(cpu);
    if (!options.includes(memory)) {
        const range = FARGATE_MEMORY[cpu];
        const allowed = range.explicit !== undefined
            ? range.explicit.join(", ")
            : `${range.from} to ${range.to} in steps of ${range.step}`;
        return `memory (MiB) Fargate accepts with ${cpu} CPU units: ${allowed}`;
    }
    return undefined;
}

/** us-east-1 Fargate on-demand prices per hour (Linux), from the one price table. */
export const FARGATE_PRICES: Readonly<Record<CpuArchitecture, { vcpuHour: number; gbHour: number }>> = {
    X86_64: { vcpuHour: FARGATE_HOURLY.X86_64.vcpu, gbHour: FARGATE_HOURLY.X86_64.gb },
    ARM64: { vcpuHour: FARGATE_HOURLY.ARM64.vcpu, gbHour: FARGATE_HOURLY.ARM64.gb },
};

/**
 * Monthly cost (730 h) of `tasks` always-running tasks of this size in us-east-1, e.g. seed 001's
 * 1 vCPU / 2 GiB on x86: 730 × (0.04048 + 2 × 0.004445) = $36.04 per task.
 */
export function fargateMonthlyCost(cpu: number, memory: number, tasks: number, architecture: CpuArchitecture = "X86_64"): number {
    const price = FARGATE_PRICES[architecture];
    const hourly = (cpu / 1024) * price.vcpuHour + (memory / 1024) * price.gbHour;
    return Math.round(tasks * hourly * HOURS_PER_MONTH * 100) / 100;
}
