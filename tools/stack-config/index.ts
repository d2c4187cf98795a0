// Stack configuration resolved as the Pulumi CLI resolves it before running a program:
// Pulumi.yaml declarations (types, defaults, values for other namespaces) merged with
// Pulumi.<stack>.yaml, keys namespaced, values as the strings the CLI passes in PULUMI_CONFIG
// (objects and arrays JSON-encoded, booleans and numbers as text), validated with the CLI's rules.
// `secure:` values cannot be decrypted offline: they become a placeholder, their key is listed in
// secretKeys (so the program sees a secret) and a note says so.
import * as fs from "node:fs";
import * as path from "node:path";
import { StackConfigError } from "./errors";
import { isProjectKey, namespaced, readProject, readYamlFile, type ConfigDeclaration, type ProjectFile } from "./project";
import { typeName, validateConfigValue, type ConfigType } from "./types";

export { StackConfigError } from "./errors";
export { readProject, type ProjectFile, type ConfigDeclaration } from "./project";
export { validateConfigValue, typeName, type ConfigType } from "./types";

export interface ResolvedStackConfig {
    project: string;
    stack: string;
    /** Namespaced key -> value as the program receives it (PULUMI_CONFIG). */
    config: Record<string, string>;
    /** Keys whose values are secrets (PULUMI_CONFIG_SECRET_KEYS). */
    secretKeys: string[];
    /** Things the user should know: placeholders for secrets, missing stack file, ... */
    notes: string[];
    files: { project: string; stack?: string };
}

/** The placeholder a `secure:` value becomes offline. */
export const SECRET_PLACEHOLDER = "offline-check-secret-placeholder";

interface StackValue {
    /** Value as the program receives it. */
    text: string;
    /** Value to type-check: the string, or the parsed structure for objects/arrays. */
    content: unknown;
    secure: boolean;
    object: boolean;
}

function sortedJson(value: unknown): unknown {
    if (Array.isArray(value)) return value.map(sortedJson);
    if (value !== null && typeof value === "object") {
        const out: Record<string, unknown> = {};
        for (const k of Object.keys(value as object).sort()) {
            out[k] = sortedJson((value as Record<string, unknown>)[k]);
        }
        return out;
    }
    return value;
}

function isSecure(value: unknown): value is { secure: string } {
    return (
        value !== null &&
        typeof value === "object" &&
        !Array.isArray(value) &&
        Object.keys(value).length === 1 &&
        typeof (value as Record<string, unknown>).secure === "string"
    );
}

function containsSecure(value: unknown): boolean {
    if (isSecure(value)) return true;
    if (Array.isArray(value)) return value.some(containsSecure);
    if (value !== null && typeof value === "object") return Object.values(value).some(containsSecure);
    return false;
}

function replaceSecure(value: unknown): unknown {
    if (isSecure(value)) return SECRET_PLACEHOLDER;
    if (Array.isArray(value)) return value.map(replaceSecure);
    if (value !== null && typeof value === "object") {
        return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, replaceSecure(v)]));
    }
    return value;
}

function placeholderFor(type: ConfigType | undefined): string {
    switch (type?.type) {
        case "integer":
            return "0";
        case "boolean":
            return "false";
        case "array":
            return "[]";
        default:
            return SECRET_PLACEHOLDER;
    }
}

/** A YAML value from a stack file (or a Pulumi.yaml default) as the CLI's config.Value. */
function toStackValue(raw: unknown, decl: ConfigDeclaration | undefined): StackValue {
    if (raw === null || raw === undefined) {
        return { text: "", content: "", secure: false, object: false };
    }
    if (isSecure(raw)) {
        const text = placeholderFor(decl?.type);
        return { text, content: text, secure: true, object: false };
    }
    if (typeof raw === "object") {
        const secure = containsSecure(raw);
        const content = sortedJson(replaceSecure(raw));
        return { text: JSON.stringify(content), content, secure, object: true };
    }
    return { text: String(raw), content: String(raw), secure: false, object: false };
}

function stackFilePath(programDir: string, project: ProjectFile, stack: string): string | undefined {
    const dir = path.join(programDir, project.stackConfigDir ?? "");
    for (const ext of ["yaml", "yml"]) {
        const file = path.join(dir, `Pulumi.${stack}.${ext}`);
        if (fs.existsSync(file)) return file;
    }
    return undefined;
}

function readStackValues(file: string, projectName: string): Map<string, unknown> {
    const raw = readYamlFile(file);
    if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
        throw new StackConfigError(file, "expected a YAML mapping with a 'config' block");
    }
    const block = (raw as Record<string, unknown>).config;
    if (block === undefined || block === null) {
        return new Map();
    }
    if (typeof block !== "object" || Array.isArray(block)) {
        throw new StackConfigError(file, "'config' must be a mapping of keys to values");
    }
    const values = new Map<string, unknown>();
    for (const [k, v] of Object.entries(block as Record<string, unknown>)) {
        const parts = k.split(":");
        if (parts.length > 2 || parts.some((p) => p === "")) {
            throw new StackConfigError(file, `config key '${k}' must be <namespace>:<name> or <name>`, k);
        }
        const key = namespaced(projectName, k);
        if (values.has(key)) {
            throw new StackConfigError(file, `config key '${key}' is set twice (as '${k}' and in its other spelling)`, key);
        }
        values.set(key, v);
    }
    return values;
}

function describe(value: StackValue): string {
    return value.object ? value.text : JSON.stringify(value.text);
}

/**
 * Resolves the configuration the program would see for `stack`, or throws StackConfigError with
 * the file, the key, the value and the expected type.
 */
export function resolveStackConfig(programDir: string, stack: string): ResolvedStackConfig {
    const project = readProject(programDir);
    const stackFile = stackFilePath(programDir, project, stack);
    const relStack = stackFile ? path.basename(stackFile) : `Pulumi.${stack}.yaml`;
    const notes: string[] = [];
    const stackValues = stackFile ? readStackValues(stackFile, project.name) : new Map<string, unknown>();
    if (!stackFile) {
        notes.push(`no ${relStack} found: only the defaults of ${path.basename(project.file)} apply`);
    } else {
        const raw = readYamlFile(stackFile) as Record<string, unknown>;
        if (raw.environment !== undefined) {
            notes.push(`${relStack} imports Pulumi ESC environments: they are not resolved offline`);
        }
    }
    const decls = new Map(project.config.map((d) => [d.key, d]));
    const config: Record<string, string> = {};
    const secretKeys: string[] = [];
    const where = stackFile ?? path.join(path.dirname(project.file), relStack);

    // Required project keys missing from the stack (no default/value): one error naming all.
    const missing = project.config
        .filter((d) => isProjectKey(project.name, d.rawKey) && d.default === undefined && d.value === undefined && !stackValues.has(d.key))
        .map((d) => `'${d.rawKey}'`)
        .sort();
    if (missing.length > 0) {
        const list = missing.length === 1 ? missing[0] : `${missing.slice(0, -1).join(", ")} and ${missing[missing.length - 1]}`;
        throw new StackConfigError(
            where,
            `Stack '${stack}' is missing configuration value${missing.length > 1 ? "s" : ""} ${list} (declared without a default in ${path.basename(project.file)})`,
        );
    }

    // Defaults and values from Pulumi.yaml.
    for (const d of project.config) {
        const raw = d.value ?? d.default;
        if (raw !== undefined && !stackValues.has(d.key)) {
            config[d.key] = toStackValue(raw, d).text;
        }
    }

    // Stack values, validated against typed declarations (sorted like the CLI).
    for (const key of [...stackValues.keys()].sort()) {
        const decl = decls.get(key);
        const value = toStackValue(stackValues.get(key), decl);
        config[key] = value.text;
        if (value.secure) {
            secretKeys.push(key);
            notes.push(
                `${key} is a secret (secure: in ${relStack}) and cannot be decrypted offline: the program sees the placeholder ${JSON.stringify(value.text)}`,
            );
        }
        if (!decl?.type) {
            continue;
        }
        if (decl.secret && !value.secure) {
            throw new StackConfigError(
                where,
                `Stack '${stack}' with configuration key '${decl.rawKey}' must be encrypted as it's secret (declared secret: true in ${path.basename(project.file)}; set it with pulumi config set --secret)`,
                key,
            );
        }
        if (!value.secure && !validateConfigValue(decl.type, value.content)) {
            throw new StackConfigError(
                where,
                `config key '${key}' has value ${describe(value)}, which is not of type '${typeName(decl.type)}' declared in ${path.basename(project.file)}`,
                key,
            );
        }
    }
    return {
        project: project.name,
        stack,
        config,
        secretKeys: secretKeys.sort(),
        notes,
        files: { project: project.file, stack: stackFile },
    };
}
