// The engine the program's `pulumi.log` talks to. Under mocks the SDK has no engine: log.error
// and log.warn only print to stderr and the run passes. A real engine records them: a program
// that logs an error fails the update, a warning shows in the update's output. This one records
// both for the offline check (errors fail the run once the program is done, warnings go to the
// report); info messages go to the program's output, debug messages nowhere.

/** pulumirpc.LogSeverity */
const enum Severity {
    DEBUG = 0,
    INFO = 1,
    WARNING = 2,
    ERROR = 3,
}

interface LogRequest {
    getSeverity(): number;
    getMessage(): string;
    getUrn(): string;
}

export interface LoggedMessages {
    /** "message" or "type name: message" when logged on a resource. */
    errors: string[];
    warnings: string[];
}

export interface RecordingEngine {
    /** What pulumirpc.Engine/Log does for the SDK's log module. */
    log(req: LogRequest, callback: (err: Error | null, resp?: unknown) => void): void;
    readonly logged: LoggedMessages;
}

/** "type name" of a URN (urn:pulumi:stack::project::parent$type::name). */
function resourceOf(urn: string): string {
    const parts = urn.split("::");
    if (parts.length < 4) return urn;
    const type = parts[2].split("$").pop() ?? parts[2];
    return `${type} ${parts.slice(3).join("::")}`;
}

export function createRecordingEngine(info: (text: string) => void): RecordingEngine {
    const logged: LoggedMessages = { errors: [], warnings: [] };
    return {
        logged,
        log(req, callback) {
            const urn = req.getUrn();
            const text = urn ? `${resourceOf(urn)}: ${req.getMessage()}` : req.getMessage();
            switch (req.getSeverity()) {
                case Severity.ERROR:
                    logged.errors.push(text);
                    break;
                case Severity.WARNING:
                    logged.warnings.push(text);
                    break;
                case Severity.INFO:
                    info(`info: ${text}\n`);
                    break;
                default:
                    break;
            }
            callback(null, {});
        },
    };
}

/** The run's failure for logged errors: "the program logged an error: ..." (the first, and a count). */
export function loggedErrorMessage(errors: string[]): string | undefined {
    if (errors.length === 0) return undefined;
    const more = errors.length > 1 ? ` (and ${errors.length - 1} more error${errors.length > 2 ? "s" : ""}: ${errors.slice(1).join("; ")})` : "";
    return `the program logged an error with pulumi.log.error, which fails an update: ${errors[0]}${more}`;
}

interface SdkSettings {
    getEngine?: () => unknown;
}

interface SdkLog {
    debug?: unknown;
}

/**
 * Connects `engine` to the program's SDK: the settings store's engine slot (read when the program
 * runs inside a local store) and `getEngine`, which the log module calls and which, without a
 * local store, reads a module variable that only an engine address fills. `log.debug` becomes a
 * no-op (what it is without an engine): the SDK logs several debug lines per resource, and sending
 * each through the engine would cost time for nothing.
 */
export function installEngine(engine: RecordingEngine, store: { settings?: Record<string, unknown> }, settings: SdkSettings, log: SdkLog): void {
    if (store.settings) store.settings.engine = engine;
    settings.getEngine = () => engine;
    if (typeof log.debug === "function") log.debug = () => Promise.resolve();
}
