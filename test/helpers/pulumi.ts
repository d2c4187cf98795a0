import * as pulumi from "@pulumi/pulumi";
import { createTestMocks, DEFAULT_REGION, type Registration } from "../../tools/mocks";

// waitForRPCs is what the Pulumi runtime itself awaits before a program exits: every pending
// registration, invoke and output resolution. Internal to the SDK, but stable since 2.x.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { waitForRPCs } = require("@pulumi/pulumi/runtime/settings") as { waitForRPCs(): Promise<void> };

export interface MockedRun<T> {
    result: T;
    registrations: Registration[];
}

/**
 * Runs `build` against fresh Pulumi mocks (known values, like after an update) and waits until
 * every registration has settled, so tests assert on the complete set of resources. The run's
 * stack config is `aws:region` (`region`, us-east-1 by default) plus `config` (full keys).
 */
export async function runWithMocks<T>(build: () => T, opts: { project?: string; stack?: string; region?: string; config?: Record<string, string> } = {}): Promise<MockedRun<T>> {
    const { mocks, registrations } = createTestMocks({ region: opts.region });
    await pulumi.runtime.setMocks(mocks, opts.project ?? "stagecraft", opts.stack ?? "test", false);
    // The stack config of this run only (`aws:region` as a stack file sets it, plus `config`).
    pulumi.runtime.setAllConfig({ "aws:region": opts.region ?? DEFAULT_REGION, ...opts.config }, []);
    const result = build();
    await waitForRPCs();
    return { result, registrations };
}

/** An output's value (tests run with known values, so every output resolves). */
export function valueOf<T>(output: pulumi.Input<T>): Promise<T> {
    return new Promise((resolve) => pulumi.output(output).apply((v) => { resolve(v as T); return v; }));
}

/** Registrations of one resource type. */
export function ofType(registrations: Registration[], type: string): Registration[] {
    return registrations.filter((r) => r.type === type);
}

/** The one AWS resource (not a component) with this logical name; fails loudly when missing or ambiguous. */
export function named(registrations: Registration[], name: string): Registration {
    const found = registrations.filter((r) => r.name === name && !r.type.startsWith("stagecraft:"));
    if (found.length !== 1) throw new Error(`expected one resource named ${name}, found ${found.length}: ${registrations.map((r) => r.name).join(", ")}`);
    return found[0];
}
