import * as path from "node:path";
import { ConfigReader, parseSettings, type Settings } from "../../components/config";
import { resolveStackConfig } from "../../tools/stack-config";

export const REPO_ROOT = path.resolve(__dirname, "../..");

/** Settings of a stack exactly as `pulumi up` would produce them from Pulumi.yaml + Pulumi.<stack>.yaml. */
export function stackSettings(stack: string): Settings {
    const resolved = resolveStackConfig(REPO_ROOT, stack);
    const prefix = `${resolved.project}:`;
    const source = {
        get: (key: string) => resolved.config[prefix + key],
        keys: () => Object.keys(resolved.config).filter((k) => k.startsWith(prefix)).map((k) => k.slice(prefix.length)),
    };
    return parseSettings(new ConfigReader(source, resolved.project), {
        project: resolved.project,
        stack,
        region: resolved.config["aws:region"],
    });
}
