import * as assert from "node:assert/strict";
import { ConfigReader, parseSettings, type Settings } from "../../components/config";
import { ConfigError } from "../../components/lib/errors";

/** Raw config as a stack file would give it: short keys of the stagecraft namespace, string values. */
export type RawConfig = Record<string, string | number | boolean | string[]>;

function encode(value: string | number | boolean | string[]): string {
    return Array.isArray(value) ? JSON.stringify(value) : String(value);
}

export function readerFor(raw: RawConfig): ConfigReader {
    const values = new Map(Object.entries(raw).map(([k, v]) => [k, encode(v)]));
    return new ConfigReader({ get: (key) => values.get(key), keys: () => [...values.keys()] }, "stagecraft");
}

/**
 * Parses raw config into settings the way index.ts does (project stagecraft, stack dev by
 * default). The cost budget is off unless a test turns it on: it needs an alert e-mail, which
 * most component tests have no reason to set.
 */
export function settingsFrom(raw: RawConfig = {}, ctx: { stack?: string; region?: string | null } = {}): Settings {
    return parseSettings(readerFor({ budgetMonthlyUsd: 0, ...raw }), {
        project: "stagecraft",
        stack: ctx.stack ?? "dev",
        region: ctx.region === null ? undefined : (ctx.region ?? "us-east-1"),
    });
}

/** The problems a rejected config lists (key, value, what is allowed); fails the test when it is accepted. */
export function problemsOf(raw: RawConfig, ctx: { region?: string | null } = {}): { key: string; value: unknown; allowed: string }[] {
    try {
        settingsFrom(raw, ctx);
    } catch (err) {
        assert.ok(err instanceof ConfigError, `expected ConfigError, got ${String(err)}`);
        return [...err.problems];
    }
    assert.fail("expected the config to be rejected");
}
