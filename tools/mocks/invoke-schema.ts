// The shape of a provider function's result, read from the SDK's own type declarations: for the
// token `aws:ec2/getVpc:getVpc`, @pulumi/aws's `ec2/getVpc.d.ts` declares `GetVpcResult` (and
// `GetVpcArgs`), whose nested types live in `types/output.d.ts` (`outputs.ec2.GetVpcCidrBlockAssociation`).
// The declarations are read syntactically (no type checker): the SDK generates them from one
// schema, so a field's type is a keyword, an array, a `{ [key: string]: T }` map or a reference to
// `outputs.<module>.<Name>`. Shapes are cached per package version in a cache folder, so the large
// output.d.ts (5 MB) is parsed at most once per version.
import * as fs from "node:fs";
import { createRequire } from "node:module";
import * as path from "node:path";
import type * as TS from "typescript";

export type Shape =
    | { kind: "string" | "number" | "boolean" | "any" }
    | { kind: "array"; items: Shape }
    | { kind: "map"; values: Shape }
    | ObjectShape;

export interface ObjectShape {
    kind: "object";
    /** The interface it comes from ("GetVpcResult", "outputs.ec2.GetVpcCidrBlockAssociation"). */
    name: string;
    fields: Record<string, { shape: Shape; optional: boolean }>;
}

export interface InvokeSchema {
    token: string;
    /** Module (`ec2`; `index` for the package root) and function (`getVpc`). */
    module: string;
    function: string;
    /** Argument names the function takes. */
    args: string[];
    result: ObjectShape;
    /** The package and version the shape was read from. */
    packageName: string;
    packageVersion: string;
}

/** Why a token has no generated answer (the message says what was looked for). */
export class NoSchemaError extends Error {
    constructor(message: string) {
        super(message);
        this.name = "NoSchemaError";
    }
}

// TypeScript is loaded on first use, not at import: only a data source whose shape is not cached
// yet needs it, and the CLI imports this module before it starts the program and the packs, so
// loading it eagerly cost every run ~0.45 s of CPU on the start-up path.
let loadedTypescript: typeof TS | undefined;
const ts = new Proxy({} as typeof TS, {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    get: (_target, key) => Reflect.get((loadedTypescript ??= require("typescript") as typeof TS), key),
});

const MAX_DEPTH = 16;

/** `aws:ec2/getVpc:getVpc` -> { pkg: "aws", module: "ec2", file: "getVpc", fn: "getVpc" }. */
export function parseToken(token: string): { pkg: string; module: string; file: string; fn: string } | undefined {
    const m = /^([a-z0-9-]+):([A-Za-z0-9_]+)\/([A-Za-z0-9_]+):([A-Za-z0-9_]+)$/.exec(token);
    return m ? { pkg: m[1], module: m[2], file: m[3], fn: m[4] } : undefined;
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Parsed output.d.ts files, by path (one per package version in a process). */
interface Declared {
    decl: TS.InterfaceDeclaration;
    source: TS.SourceFile;
}

const outputIndexes = new Map<string, Map<string, Declared>>();

function outputIndex(file: string): Map<string, Declared> {
    const known = outputIndexes.get(file);
    if (known) return known;
    const index = new Map<string, Declared>();
    if (fs.existsSync(file)) {
        const source = ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.Latest, false);
        const walk = (statements: readonly TS.Statement[], prefix: string) => {
            for (const s of statements) {
                if (ts.isModuleDeclaration(s) && s.body) {
                    const name = `${prefix}${s.name.getText(source)}`;
                    if (ts.isModuleBlock(s.body)) walk(s.body.statements, `${name}.`);
                } else if (ts.isInterfaceDeclaration(s)) {
                    index.set(`${prefix}${s.name.text}`, { decl: s, source });
                }
            }
        };
        walk(source.statements, "");
    }
    outputIndexes.set(file, index);
    return index;
}

class ShapeReader {
    constructor(
        private readonly source: TS.SourceFile,
        private readonly outputs: () => Map<string, Declared>,
        private readonly local: Map<string, TS.InterfaceDeclaration>,
    ) {}

    object(name: string, members: TS.NodeArray<TS.TypeElement>, depth: number, sourceFile: TS.SourceFile): ObjectShape {
        const fields: ObjectShape["fields"] = {};
        for (const m of members) {
            if (!ts.isPropertySignature(m) || !m.type) continue;
            const key = ts.isIdentifier(m.name) || ts.isStringLiteral(m.name) ? m.name.text : m.name.getText(sourceFile);
            fields[key] = { shape: this.type(m.type, depth + 1, sourceFile), optional: m.questionToken !== undefined };
        }
        return { kind: "object", name, fields };
    }

    type(node: TS.TypeNode, depth: number, sourceFile: TS.SourceFile): Shape {
        if (depth > MAX_DEPTH) return { kind: "any" };
        switch (node.kind) {
            case ts.SyntaxKind.StringKeyword:
                return { kind: "string" };
            case ts.SyntaxKind.NumberKeyword:
                return { kind: "number" };
            case ts.SyntaxKind.BooleanKeyword:
                return { kind: "boolean" };
            default:
                break;
        }
        if (ts.isArrayTypeNode(node)) return { kind: "array", items: this.type(node.elementType, depth, sourceFile) };
        if (ts.isParenthesizedTypeNode(node)) return this.type(node.type, depth, sourceFile);
        if (ts.isLiteralTypeNode(node)) {
            if (ts.isStringLiteral(node.literal)) return { kind: "string" };
            if (ts.isNumericLiteral(node.literal)) return { kind: "number" };
            if (node.literal.kind === ts.SyntaxKind.TrueKeyword || node.literal.kind === ts.SyntaxKind.FalseKeyword) return { kind: "boolean" };
            return { kind: "any" };
        }
        if (ts.isUnionTypeNode(node)) {
            const kept = node.types.filter((t) => t.kind !== ts.SyntaxKind.UndefinedKeyword && !(ts.isLiteralTypeNode(t) && t.literal.kind === ts.SyntaxKind.NullKeyword));
            return kept.length > 0 ? this.type(kept[0], depth, sourceFile) : { kind: "any" };
        }
        if (ts.isTypeLiteralNode(node)) {
            const index = node.members.find(ts.isIndexSignatureDeclaration);
            if (index) return { kind: "map", values: this.type(index.type, depth, sourceFile) };
            return this.object("{}", node.members, depth, sourceFile);
        }
        if (ts.isTypeReferenceNode(node)) {
            const name = node.typeName.getText(sourceFile);
            if ((name === "Array" || name === "ReadonlyArray") && node.typeArguments?.[0]) {
                return { kind: "array", items: this.type(node.typeArguments[0], depth, sourceFile) };
            }
            if ((name === "Record") && node.typeArguments?.[1]) return { kind: "map", values: this.type(node.typeArguments[1], depth, sourceFile) };
            if (name.startsWith("outputs.")) {
                const declared = this.outputs().get(name.slice("outputs.".length));
                if (declared) return this.object(name, declared.decl.members, depth, declared.source);
                return { kind: "any" };
            }
            const local = this.local.get(name);
            if (local) return this.object(name, local.members, depth, this.source);
            // Enums (`enums.ec2.InstanceType`) and other named aliases are strings in these SDKs.
            return name.startsWith("enums.") ? { kind: "string" } : { kind: "any" };
        }
        return { kind: "any" };
    }
}

/** The package directory (with package.json) of `pkg` as the program would resolve it from `fromDir`. */
export function packageDirFrom(fromDir: string, pkg: string): string | undefined {
    try {
        return path.dirname(createRequire(path.join(path.resolve(fromDir), "__offline_check__.js")).resolve(`@pulumi/${pkg}/package.json`));
    } catch {
        return undefined;
    }
}

function cacheFile(cacheDir: string, pkgName: string, version: string, token: string): string {
    return path.join(cacheDir, "invoke-shapes", `${pkgName.replace(/[@/]/g, "_")}-${version}`, `${token.replace(/[^A-Za-z0-9_.-]/g, "_")}.json`);
}

/**
 * The schema of `token` from the SDK package in `packageDir` (its `<module>/<file>.d.ts`), or a
 * NoSchemaError saying what is missing. With `cacheDir`, shapes are read from and written to
 * `<cacheDir>/invoke-shapes/<package>-<version>/`.
 */
export function invokeSchema(token: string, packageDir: string, cacheDir?: string): InvokeSchema {
    const parsed = parseToken(token);
    if (!parsed) throw new NoSchemaError(`'${token}' is not a provider function token (package:module/file:function)`);
    const pkgJson = JSON.parse(fs.readFileSync(path.join(packageDir, "package.json"), "utf8")) as { name: string; version: string };
    const cached = cacheDir ? cacheFile(cacheDir, pkgJson.name, pkgJson.version, token) : undefined;
    if (cached && fs.existsSync(cached)) {
        try {
            return JSON.parse(fs.readFileSync(cached, "utf8")) as InvokeSchema;
        } catch {
            // A damaged cache entry is read again from the declarations.
        }
    }
    const dir = parsed.module === "index" ? packageDir : path.join(packageDir, parsed.module);
    const dts = path.join(dir, `${parsed.file}.d.ts`);
    const js = path.join(dir, `${parsed.file}.js`);
    if (!fs.existsSync(dts) || !fs.existsSync(js) || !fs.readFileSync(js, "utf8").includes(`"${token}"`)) {
        throw new NoSchemaError(`${pkgJson.name} ${pkgJson.version} declares no function ${token} (looked for ${path.relative(packageDir, dts)})`);
    }
    const source = ts.createSourceFile(dts, fs.readFileSync(dts, "utf8"), ts.ScriptTarget.Latest, false);
    const local = new Map<string, TS.InterfaceDeclaration>();
    for (const s of source.statements) if (ts.isInterfaceDeclaration(s)) local.set(s.name.text, s);
    const resultName = `${capitalize(parsed.fn)}Result`;
    const resultDecl = local.get(resultName);
    if (!resultDecl) throw new NoSchemaError(`${path.relative(packageDir, dts)} declares no ${resultName}`);
    const reader = new ShapeReader(source, () => outputIndex(path.join(packageDir, "types", "output.d.ts")), local);
    const argsDecl = local.get(`${capitalize(parsed.fn)}Args`);
    const schema: InvokeSchema = {
        token,
        module: parsed.module,
        function: parsed.fn,
        args: argsDecl ? argsDecl.members.filter(ts.isPropertySignature).map((m) => m.name.getText(source)) : [],
        result: reader.object(resultName, resultDecl.members, 0, source),
        packageName: pkgJson.name,
        packageVersion: pkgJson.version,
    };
    if (cached) {
        try {
            fs.mkdirSync(path.dirname(cached), { recursive: true });
            const tmp = `${cached}.${process.pid}.tmp`;
            fs.writeFileSync(tmp, JSON.stringify(schema));
            fs.renameSync(tmp, cached);
        } catch {
            // The cache only saves time.
        }
    }
    return schema;
}
