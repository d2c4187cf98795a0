import * as pulumi from "@pulumi/pulumi";
import { parseSettings } from "./parse";
import { ConfigReader, type ConfigSource } from "./reader";
import { type Settings } from "./settings";

export * from "./settings";
export { parseWebSettings, webHostnames, type WebSettings } from "./web";
export { parseSettings, type ProgramContext } from "./parse";
export { ConfigReader, suggestKey, type ConfigSource } from "./reader";

/**
 * Keys whose `secure:` values the runner could not decrypt: the offline check sets
 * OFFLINE_CHECK_UNDECRYPTED_KEYS (a JSON list of `project:key`) and hands the program a
 * placeholder for each; `pulumi preview` and `pulumi up` decrypt every value and never set it.
 */
function undecryptedKeys(): Set<string> {
    const text = process.env.OFFLINE_CHECK_UNDECRYPTED_KEYS;
    if (!text) return new Set();
    const parsed: unknown = JSON.parse(text);
    return new Set(Array.isArray(parsed) ? parsed.filter((k): k is string => typeof k === "string") : []);
}

/** This stack's config as the parsers read it: values, the keys set, which are secret. */
export function stackConfigSource(project: string): ConfigSource {
    const config = new pulumi.Config(project);
    const prefix = `${project}:`;
    const all = pulumi.runtime.allConfig();
    const undecrypted = undecryptedKeys();
    // isConfigSecret is the SDK's own (internal) answer; without it, nothing is taken as secret.
    const isSecret = (pulumi.runtime as unknown as { isConfigSecret?(key: string): boolean }).isConfigSecret;
    return {
        get: (key) => all[prefix + key] === undefined ? undefined : config.get(key),
        keys: () => Object.keys(all).filter((k) => k.startsWith(prefix)).map((k) => k.slice(prefix.length)),
        secret: (key) => isSecret?.(prefix + key) ?? false,
        undecryptable: (key) => undecrypted.has(prefix + key),
    };
}

/**
 * Reads this stack's config and returns validated settings, or throws ConfigError. Values the
 * runner could not decrypt are reported as warnings (not validated here; a real preview does).
 */
export function loadSettings(): Settings {
    const project = pulumi.getProject();
    const reader = new ConfigReader(stackConfigSource(project), project);
    const settings = parseSettings(reader, {
        project,
        stack: pulumi.getStack(),
        region: new pulumi.Config("aws").get("region"),
    });
    for (const p of reader.unverified) {
        void pulumi.log.warn(`${p.key} is a secret this run could not decrypt: not validated here (it must be ${p.allowed}); pulumi preview validates it`);
    }
    return settings;
}
