// Which characters of a bash script are inert data: the contents of single quotes, the bodies of
// here-documents with a quoted delimiter, and comments. Everything else is live: bash reads it as
// words, expansions or commands (double-quoted text included, since `$(...)` and backticks run
// there). The hostile-input tests put a marker in config values and require that every
// occurrence of it in a generated script is inert. A deliberately small lexer for the scripts we
// generate: it follows quotes, `$(...)`, `${...}`, backticks, comments and here-documents.

export interface ShellLexResult {
    /** inert[i]: character i cannot be read as code. */
    inert: boolean[];
    /** Set when the lexer met something it cannot follow (an unterminated quote or here-document). */
    error?: string;
}

type Context = "top" | "dq" | "cmdsub" | "param" | "backtick";

interface PendingHeredoc {
    delimiter: string;
    quoted: boolean;
    stripTabs: boolean;
}

const WORD_BREAK = new Set([" ", "\t", "\n", ";", "&", "|", "(", ")", "<", ">"]);

export function lexShell(script: string): ShellLexResult {
    const inert = new Array<boolean>(script.length).fill(false);
    const stack: Array<{ ctx: Context; depth: number }> = [{ ctx: "top", depth: 0 }];
    const pending: PendingHeredoc[] = [];
    let i = 0;
    const top = () => stack[stack.length - 1];
    const atWordStart = (at: number) => at === 0 || WORD_BREAK.has(script[at - 1]);

    while (i < script.length) {
        const c = script[i];
        const ctx = top().ctx;

        if (c === "\n" && pending.length > 0 && (ctx === "top" || ctx === "cmdsub")) {
            i++;
            for (const h of pending.splice(0)) {
                const start = i;
                let closed = false;
                while (i < script.length) {
                    const end = script.indexOf("\n", i);
                    const lineEnd = end === -1 ? script.length : end;
                    const line = script.slice(i, lineEnd);
                    const compared = h.stripTabs ? line.replace(/^\t+/, "") : line;
                    if (compared === h.delimiter) {
                        i = end === -1 ? script.length : end + 1;
                        closed = true;
                        break;
                    }
                    if (h.quoted) for (let k = i; k < lineEnd; k++) inert[k] = true;
                    i = end === -1 ? script.length : end + 1;
                }
                if (!closed) return { inert, error: `here-document ${h.delimiter} starting at ${start} is not closed` };
            }
            continue;
        }

        if (ctx === "dq") {
            if (c === "\\") { i += 2; continue; }
            if (c === "\"") { stack.pop(); i++; continue; }
            if (c === "`") { stack.push({ ctx: "backtick", depth: 0 }); i++; continue; }
            if (c === "$" && script[i + 1] === "(") { stack.push({ ctx: "cmdsub", depth: 0 }); i += 2; continue; }
            if (c === "$" && script[i + 1] === "{") { stack.push({ ctx: "param", depth: 0 }); i += 2; continue; }
            i++;
            continue;
        }

        if (ctx === "backtick") {
            if (c === "\\") { i += 2; continue; }
            if (c === "`") { stack.pop(); i++; continue; }
            i++;
            continue;
        }

        // top, cmdsub, param: unquoted shell text.
        if (c === "\\") { i += 2; continue; }
        if (c === "'") {
            const end = script.indexOf("'", i + 1);
            if (end === -1) return { inert, error: `single quote at ${i} is not closed` };
            for (let k = i + 1; k < end; k++) inert[k] = true;
            i = end + 1;
            continue;
        }
        if (c === "\"") { stack.push({ ctx: "dq", depth: 0 }); i++; continue; }
        if (c === "`") { stack.push({ ctx: "backtick", depth: 0 }); i++; continue; }
        if (c === "$" && script[i + 1] === "'") {
            // $'...' (ANSI-C quoting) interprets escapes: live, but it ends at an unescaped '.
            let k = i + 2;
            while (k < script.length && script[k] !== "'") k += script[k] === "\\" ? 2 : 1;
            i = k + 1;
            continue;
        }
        if (c === "$" && script[i + 1] === "(") { stack.push({ ctx: "cmdsub", depth: 0 }); i += 2; continue; }
        if (c === "$" && script[i + 1] === "{") { stack.push({ ctx: "param", depth: 0 }); i += 2; continue; }
        if (ctx === "cmdsub" && c === "(") { top().depth++; i++; continue; }
        if (ctx === "cmdsub" && c === ")") {
            if (top().depth === 0) stack.pop();
            else top().depth--;
            i++;
            continue;
        }
        if (ctx === "param" && c === "}") { stack.pop(); i++; continue; }
        if (c === "#" && ctx !== "param" && atWordStart(i)) {
            const end = script.indexOf("\n", i);
            const stop = end === -1 ? script.length : end;
            for (let k = i; k < stop; k++) inert[k] = true;
            i = stop;
            continue;
        }
        if (c === "<" && script[i + 1] === "<" && script[i + 2] !== "<") {
            let k = i + 2;
            const stripTabs = script[k] === "-";
            if (stripTabs) k++;
            while (script[k] === " " || script[k] === "\t") k++;
            const m = /^(?:'([^'\n]*)'|"([^"\n]*)"|([A-Za-z0-9_]+))/.exec(script.slice(k));
            if (m) {
                pending.push({ delimiter: m[1] ?? m[2] ?? m[3], quoted: m[3] === undefined, stripTabs });
                i = k + m[0].length;
                continue;
            }
        }
        i++;
    }
    if (stack.length > 1) return { inert, error: `unterminated ${top().ctx} at end of script` };
    if (pending.length > 0) return { inert, error: `here-document ${pending[0].delimiter} never starts` };
    return { inert };
}

/** Offsets of every case-insensitive occurrence of `marker` that is not wholly inert. */
export function liveOccurrences(script: string, marker: string, lexed: ShellLexResult = lexShell(script)): number[] {
    const live: number[] = [];
    const haystack = script.toLowerCase();
    const needle = marker.toLowerCase();
    for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + 1)) {
        for (let k = at; k < at + needle.length; k++) {
            if (!lexed.inert[k]) {
                live.push(at);
                break;
            }
        }
    }
    return live;
}
