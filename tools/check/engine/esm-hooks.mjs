// Module hooks for TypeScript programs that are ES modules ("type": "module"), registered by the
// program worker with node:module's register() as the Pulumi nodejs language host registers its own
// (cmd/run/hooks.js): ts-node, from the program's node_modules or the check's, compiles the
// program's .ts files in the loader thread. Plain JavaScript on purpose: the loader thread has no
// TypeScript support of its own.
import { createRequire } from "node:module";

let hooks;

/** Called by Node with the data given to register(): { tsnode: path of ts-node, options: its register options }. */
export async function initialize(data) {
    const tsnode = createRequire(import.meta.url)(data.tsnode);
    hooks = tsnode.createEsmHooks(tsnode.register(data.options));
}

export function resolve(specifier, context, next) {
    return hooks.resolve(specifier, context, next);
}

export function load(url, context, next) {
    return hooks.load(url, context, next);
}
