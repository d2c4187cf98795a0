/**
 * What the single host's proxy serves (issue 13, seeds 001 phase 1 and 003): everything to the
 * app, or a single-page app from the static bucket at `/` with the app's path prefixes (`/api`,
 * `/socket.io`) and its health path still going to the app. Parsed from flat `stagecraft:` keys
 * with the ConfigReader (defaults are the ones Pulumi.yaml declares).
 */
import { isRoutePrefix } from "../lib/render/caddy";
import { type ConfigReader } from "./reader";
import { type Phase } from "./settings";

export interface ServingSettings {
    /** Serve the SPA synced from the static bucket for every path that is not the app's. */
    spa: boolean;
    /** Path prefixes the app answers when an SPA is served (each with everything below it). */
    appPrefixes: string[];
}

export const SERVING_DEFAULTS: ServingSettings = { spa: false, appPrefixes: ["/api"] };

/** Enough for every seed (two); each one is a matcher in the Caddyfile of the host's user data. */
export const MAX_APP_PREFIXES = 8;

/** Reads the serving keys; `spa` is phase 1's (from phase 2 on CloudFront serves the static bucket). */
export function parseServingSettings(read: ConfigReader, phase: Phase): ServingSettings {
    const d = SERVING_DEFAULTS;
    const spa = read.boolean("spa", d.spa);
    if (spa && phase !== 1) {
        read.problem("spa", spa, "false while stagecraft:phase is above 1: from phase 2 on CloudFront serves the static bucket (cdnEnabled)");
    }
    const raw = read.stringList("appPrefixes", d.appPrefixes);
    const appPrefixes: string[] = [];
    for (const prefix of raw) {
        if (!isRoutePrefix(prefix)) {
            read.problem("appPrefixes", prefix, "URL path prefixes such as /api or /socket.io: up to 8 lower-case segments of a-z 0-9 . _ ~ - (none starting with .), no trailing /, never / alone");
        } else if (!appPrefixes.includes(prefix)) {
            appPrefixes.push(prefix);
        }
    }
    if (appPrefixes.length > MAX_APP_PREFIXES) {
        read.problem("appPrefixes", `${appPrefixes.length} prefixes`, `at most ${MAX_APP_PREFIXES} prefixes`);
    }
    if (spa && raw.length === 0) {
        read.problem("appPrefixes", [], "at least one prefix while stagecraft:spa is true (the SPA calls the app under it, e.g. [\"/api\"])");
    }
    return { spa, appPrefixes };
}
