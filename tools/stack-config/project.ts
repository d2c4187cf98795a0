// Reads Pulumi.yaml the way the Pulumi CLI does: shorthand config values are rewritten
// (a plain value on a project key is its `default`, on another namespace its `value`), and the
// project's config block is validated with the CLI's rules (workspace.Project.Validate).
import * as fs from "node:fs";
import * as path from "node:path";
import { parse as parseYaml } from "yaml";
import { StackConfigError } from "./errors";
import { typeName, validateConfigValue, type ConfigType } from "./types";

export interface ConfigDeclaration {
    /** Full key, always namespaced (`stagecraft:appPort`, `aws:region`). */
    key: string;
    /** Key as written in Pulumi.yaml (`appPort`). */
    rawKey: string;
    type?: ConfigType;
    description?: string;
    secret: boolean;
    default?: unknown;
    value?: unknown;
}

export interface ProjectFile {
    file: string;
    name: string;
    runtime: string;
    /** Entry point relative to the program directory, when Pulumi.yaml sets `main`. */
    main?: string;
    /** Directory of the stack files (Pulumi.yaml `stackConfigDir`), relative to the program dir. */
    stackConfigDir?: string;
    /** `runtime.options` (e.g. typescript: false, nodeargs). */
    runtimeOptions: Record<string, unknown>;
    config: ConfigDeclaration[];
}

function isPrimitive(value: unknown): boolean {
    return typeof value === "string" || typeof value === "number" || typeof value === "boolean";
}

/** `appPort` -> `stagecraft:appPort`; `aws:region` stays. */
export function namespaced(project: string, key: string): string {
    return key.includes(":") ? key : `${project}:${key}`;
}

export function isProjectKey(project: string, key: string): boolean {
    return !key.includes(":") || key.startsWith(`${project}:`);
}

export function findProjectFile(programDir: string): string {
    for (const name of ["Pulumi.yaml", "Pulumi.yml"]) {
        const file = path.join(programDir, name);
        if (fs.existsSync(file)) {
            return file;
        }
    }
    throw new StackConfigError(path.join(programDir, "Pulumi.yaml"), "no Pulumi.yaml here: not a Pulumi program directory");
}

export function readYamlFile(file: string): unknown {
    let text: string;
    try {
        text = fs.readFileSync(file, "utf8");
    } catch (err) {
        throw new StackConfigError(file, `cannot read: ${(err as Error).message}`);
    }
    try {
        return parseYaml(text) ?? {};
    } catch (err) {
        throw new StackConfigError(file, `invalid YAML: ${(err as Error).message.split("\n")[0]}`);
    }
}

function declaration(file: string, project: string, rawKey: string, raw: unknown): ConfigDeclaration {
    const key = namespaced(project, rawKey);
    const projectKey = isProjectKey(project, rawKey);
    if (raw === null || raw === undefined) {
        throw new StackConfigError(file, `config key '${rawKey}' has no value or type declaration`, key);
    }
    // Shorthand: a plain value (or a list) is a default on project keys, a value elsewhere.
    const spec: Record<string, unknown> =
        isPrimitive(raw) || Array.isArray(raw) ? (projectKey ? { default: raw } : { value: raw }) : (raw as Record<string, unknown>);
    const type = spec.type as ConfigType | undefined;
    const items = spec.items as ConfigType["items"];
    const decl: ConfigDeclaration = {
        key,
        rawKey,
        type: type === undefined ? undefined : { type: String(type) as ConfigType["type"], items },
        description: typeof spec.description === "string" ? spec.description : undefined,
        secret: spec.secret === true,
        default: spec.default ?? undefined,
        value: spec.value ?? undefined,
    };
    if (decl.default !== undefined && decl.value !== undefined) {
        throw new StackConfigError(file, `project config '${rawKey}' cannot have both a 'default' and 'value' attribute`, key);
    }
    if (projectKey) {
        if (decl.type && decl.type.type === "array" && !decl.type.items) {
            throw new StackConfigError(
                file,
                `The configuration key '${rawKey}' declares an array but does not specify the underlying type via the 'items' attribute`,
                key,
            );
        }
        if (decl.type && decl.default !== undefined && !validateConfigValue(decl.type, decl.default)) {
            throw new StackConfigError(
                file,
                `The default value ${JSON.stringify(decl.default)} specified for configuration key '${rawKey}' is not of the expected type '${typeName(decl.type)}'`,
                key,
            );
        }
    } else {
        if (decl.type) {
            throw new StackConfigError(file, `Configuration key '${rawKey}' is not namespaced by the project and should not define a type`, key);
        }
        if (decl.default !== undefined) {
            throw new StackConfigError(
                file,
                `Configuration key '${rawKey}' is not namespaced by the project and should not define a default value. Did you mean to use the 'value' attribute instead of 'default'?`,
                key,
            );
        }
        if (decl.value === undefined) {
            throw new StackConfigError(file, `Configuration key '${rawKey}' is namespaced and must provide an attribute 'value'`, key);
        }
    }
    return decl;
}

export function readProject(programDir: string): ProjectFile {
    const file = findProjectFile(programDir);
    const raw = readYamlFile(file);
    if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
        throw new StackConfigError(file, "expected a YAML mapping (name, runtime, ...)");
    }
    const doc = raw as Record<string, unknown>;
    if (typeof doc.name !== "string" || doc.name === "") {
        throw new StackConfigError(file, "project is missing a non-empty string 'name' attribute");
    }
    if (doc.runtime === undefined) {
        throw new StackConfigError(file, "project is missing a 'runtime' attribute");
    }
    const runtime =
        typeof doc.runtime === "string" ? doc.runtime : String((doc.runtime as Record<string, unknown>)?.name ?? "");
    const runtimeOptions =
        typeof doc.runtime === "object" && doc.runtime !== null
            ? (((doc.runtime as Record<string, unknown>).options as Record<string, unknown>) ?? {})
            : {};
    let stackConfigDir = typeof doc.stackConfigDir === "string" ? doc.stackConfigDir : undefined;
    let configBlock = doc.config;
    if (typeof configBlock === "string") {
        // Legacy form: `config: <dir>` names the stack config directory.
        if (stackConfigDir !== undefined) {
            throw new StackConfigError(file, "Should not use both config and stackConfigDir to define the stack directory. Use only stackConfigDir instead.");
        }
        stackConfigDir = configBlock;
        configBlock = undefined;
    }
    if (configBlock !== undefined && configBlock !== null && (typeof configBlock !== "object" || Array.isArray(configBlock))) {
        throw new StackConfigError(file, "'config' must be a mapping of keys to values or type declarations");
    }
    const config = Object.entries((configBlock ?? {}) as Record<string, unknown>).map(([k, v]) =>
        declaration(file, doc.name as string, k, v),
    );
    return {
        file,
        name: doc.name,
        runtime,
        main: typeof doc.main === "string" ? doc.main : undefined,
        stackConfigDir,
        runtimeOptions,
        config,
    };
}
