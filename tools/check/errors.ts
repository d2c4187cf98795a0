/**
 * A failure the user can act on (bad config, a program that throws, a policy pack that does not
 * start): printed without a stack trace, exit code 2. `detail` (a stack) shows only with --verbose.
 */
export class CheckError extends Error {
    readonly file?: string;
    readonly detail?: string;
    constructor(message: string, opts?: { file?: string; detail?: string }) {
        super(message);
        this.name = "CheckError";
        this.file = opts?.file;
        this.detail = opts?.detail;
    }
}

/** "600 s", "2 s", "0.5 s": a time limit in messages. */
export function formatSeconds(ms: number): string {
    return `${Number((ms / 1000).toFixed(3))} s`;
}
