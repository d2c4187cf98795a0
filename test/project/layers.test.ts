// The layers of components/ import downward only (STYLE.md, "Layers and one-of-each"):
//   lib/            pure decisions and helpers, no cloud resources
//   config/         typed settings, parsed at the edge (imports lib/ only)
//   blocks/<x>/     building blocks by concern (lib/, config/, other blocks)
//   architectures/  the compositions: the four phases, the mTLS API, the enterprise phase
// and no two folders of one layer import each other in a cycle.
import * as assert from "node:assert/strict";
import { readdirSync, readFileSync, statSync } from "node:fs";
import * as path from "node:path";

const ROOT = path.resolve(__dirname, "../..");
const COMPONENTS = path.join(ROOT, "components");
const LAYERS = ["lib", "config", "blocks", "architectures"] as const;

function sourceFiles(dir: string): string[] {
    return readdirSync(dir).flatMap((entry) => {
        const full = path.join(dir, entry);
        if (statSync(full).isDirectory()) return sourceFiles(full);
        return full.endsWith(".ts") ? [full] : [];
    });
}

/** `lib`, `config`, `blocks/storage`, `architectures/phase1`: the unit a cycle is counted in. */
function unitOf(file: string): { layer: number; unit: string } {
    const [top, sub] = path.relative(COMPONENTS, file).split(path.sep);
    const layer = LAYERS.indexOf(top as (typeof LAYERS)[number]);
    const grouped = top === "blocks" || top === "architectures";
    return { layer, unit: grouped && sub !== undefined && !sub.endsWith(".ts") ? `${top}/${sub}` : top };
}

function resolveImport(from: string, spec: string): string | undefined {
    const base = path.resolve(path.dirname(from), spec);
    for (const candidate of [`${base}.ts`, path.join(base, "index.ts"), base]) {
        try {
            if (statSync(candidate).isFile()) return candidate;
        } catch {
            // try the next spelling
        }
    }
    return undefined;
}

interface Edge { from: string; to: string; spec: string }

const files = sourceFiles(COMPONENTS);
const edges: Edge[] = files.flatMap((file) => {
    const text = readFileSync(file, "utf8");
    return [...text.matchAll(/(?:from|import)\s*\(?\s*"(\.{1,2}\/[^"]+)"/g)].flatMap((m) => {
        const target = resolveImport(file, m[1]);
        return target === undefined ? [] : [{ from: file, to: target, spec: m[1] }];
    });
});

function cycles(units: Map<string, Set<string>>): string[][] {
    const found: string[][] = [];
    const state = new Map<string, "active" | "done">();
    const stack: string[] = [];
    const visit = (u: string) => {
        state.set(u, "active");
        stack.push(u);
        for (const v of units.get(u) ?? []) {
            if (state.get(v) === "active") found.push([...stack.slice(stack.indexOf(v)), v]);
            else if (!state.has(v)) visit(v);
        }
        stack.pop();
        state.set(u, "done");
    };
    for (const u of units.keys()) if (!state.has(u)) visit(u);
    return found;
}

describe("components/ layers", () => {
    it("every file sits in one of the four layers", () => {
        const outside = files.filter((f) => unitOf(f).layer < 0).map((f) => path.relative(ROOT, f));
        assert.deepEqual(outside, []);
    });

    it("imports go downward only (lib ← config ← blocks ← architectures)", () => {
        const upward = edges
            .filter((e) => unitOf(e.to).layer > unitOf(e.from).layer)
            .map((e) => `${path.relative(ROOT, e.from)} imports ${e.spec} (${unitOf(e.to).unit})`);
        assert.deepEqual(upward, []);
    });

    it("no folder cycle among building blocks or among architectures", () => {
        const graph = new Map<string, Set<string>>();
        for (const e of edges) {
            const a = unitOf(e.from);
            const b = unitOf(e.to);
            if (a.unit === b.unit || a.layer !== b.layer) continue;
            if (!graph.has(a.unit)) graph.set(a.unit, new Set());
            graph.get(a.unit)!.add(b.unit);
        }
        assert.deepEqual(cycles(graph).map((c) => c.join(" -> ")), []);
    });

    it("lib/ creates no cloud resources: no @pulumi/aws, awsx, random or tls", () => {
        const offenders = files
            .filter((f) => unitOf(f).unit === "lib")
            .filter((f) => /from "@pulumi\/(aws|awsx|random|tls)"/.test(readFileSync(f, "utf8")))
            .map((f) => path.relative(ROOT, f));
        assert.deepEqual(offenders, []);
    });

    it("would see an upward import and a cycle (self-check of the two rules)", () => {
        assert.ok(unitOf(path.join(COMPONENTS, "blocks", "storage", "y.ts")).layer > unitOf(path.join(COMPONENTS, "config", "x.ts")).layer);
        const loop = new Map([["blocks/a", new Set(["blocks/b"])], ["blocks/b", new Set(["blocks/c"])], ["blocks/c", new Set(["blocks/a"])]]);
        assert.deepEqual(cycles(loop), [["blocks/a", "blocks/b", "blocks/c", "blocks/a"]]);
        assert.ok(edges.length > 200, `the imports are read (${edges.length})`);
    });
});
