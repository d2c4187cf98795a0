import * as pulumi from "@pulumi/pulumi";
import { parseSettings } from "./parse";
import { ConfigReader, type ConfigSource } from "./reader";
import { type Settings } from "./settings";

export * from "./settings";
export { parseWebSettings, webHostnames, type WebSettings } from "./web";
export { parseSettings, type ProgramContext } from "./parse";
export { ConfigReader, type ConfigSource } from "./reader";

/** Reads this stack's config (pulumi.Config) and returns validated settings, or throws ConfigError. */
export function loadSettings(): Settings {
    const project = pulumi.getProject();
    const config = new pulumi.Config(project);
    const source: ConfigSource = { get: (key) => config.get(key) };
    return parseSettings(new ConfigReader(source, project), {
        project,
        stack: pulumi.getStack(),
        region: new pulumi.Config("aws").get("region"),
    });
}
