// Config type checks with the Pulumi CLI's rules (workspace.ValidateConfigValue): strings are
// strings, integers may be whole numbers or strings that parse as one, booleans may be the
// strings "true"/"false", arrays are checked item by item.

export interface ConfigType {
    type: "string" | "integer" | "boolean" | "array";
    items?: { type: ConfigType["type"]; items?: ConfigType["items"] };
}

export function typeName(t: ConfigType): string {
    return t.items ? `array<${typeName(t.items as ConfigType)}>` : t.type;
}

export function validateConfigValue(t: ConfigType, value: unknown): boolean {
    switch (t.type) {
        case "string":
            return typeof value === "string";
        case "integer":
            if (typeof value === "number") return Number.isInteger(value);
            return typeof value === "string" && /^[+-]?\d+$/.test(value);
        case "boolean":
            return typeof value === "boolean" || value === "true" || value === "false";
        default:
            if (!Array.isArray(value) || !t.items) return false;
            return value.every((item) => validateConfigValue(t.items as ConfigType, item));
    }
}
