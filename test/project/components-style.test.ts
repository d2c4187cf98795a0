import * as assert from "node:assert/strict";
import { readdirSync, readFileSync, statSync } from "node:fs";
import * as path from "node:path";

// Meta-tests that keep every component in the same shape (STYLE.md): a type token
// `stagecraft:<folder>:<Class>` (the folder the file sits in: components/blocks/storage/x.ts is
// module storage), registered outputs, and documented args.

const componentsDir = path.resolve(__dirname, "../../components");

function sourceFiles(dir: string): string[] {
    return readdirSync(dir).flatMap((entry) => {
        const full = path.join(dir, entry);
        if (statSync(full).isDirectory()) return sourceFiles(full);
        return full.endsWith(".ts") ? [full] : [];
    });
}

const componentFiles = sourceFiles(componentsDir).filter((f) => /extends pulumi\.ComponentResource\b/.test(readFileSync(f, "utf8")));

describe("component conventions", () => {
    it("finds the components", () => {
        assert.ok(componentFiles.length >= 9, `found ${componentFiles.length}`);
    });

    for (const file of componentFiles) {
        const rel = path.relative(componentsDir, file);
        const text = readFileSync(file, "utf8");
        const folder = path.basename(path.dirname(file));

        it(`${rel}: type token is stagecraft:${folder}:<Class>`, () => {
            const classes = [...text.matchAll(/export class (\w+) extends pulumi\.ComponentResource/g)].map((m) => m[1]);
            for (const cls of classes) {
                assert.ok(text.includes(`super("stagecraft:${folder}:${cls}"`), `${cls} registers as stagecraft:${folder}:${cls}`);
            }
        });

        it(`${rel}: registers its outputs`, () => {
            assert.match(text, /this\.registerOutputs\(/);
        });

        it(`${rel}: documents every args property`, () => {
            for (const match of text.matchAll(/export interface (\w+Args)\s*(?:extends [^{]+)?\{([\s\S]*?)\n\}/g)) {
                const lines = match[2].split("\n");
                lines.forEach((line, i) => {
                    if (!/^ {4}\w+\??:/.test(line)) return;
                    const before = lines.slice(0, i).reverse().find((l) => l.trim() !== "");
                    assert.ok(before !== undefined && before.trim().endsWith("*/"), `${match[1]}.${line.trim()} has a doc comment`);
                });
            }
        });

        it(`${rel}: has a class doc with a Cost paragraph`, () => {
            assert.match(text, /\* Cost\b/);
        });
    }
});
