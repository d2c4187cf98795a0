/**
 * Data on the single host (issue 13): the PostgreSQL service on its own EBS volume and the
 * nightly backups. Parsed from flat `stagecraft:` keys with the ConfigReader (defaults are the
 * ones Pulumi.yaml declares), so every problem is reported with the others.
 */
import { type ConfigReader } from "./reader";

export interface DatabaseSettings {
    /** Run PostgreSQL 15 in the Compose project, on a separate encrypted gp3 volume. */
    enabled: boolean;
    /** Size of the data volume in GiB (can grow later, never shrink). */
    volumeSizeGb: number;
    /** Database the app uses (DATABASE_NAME). */
    name: string;
    /** Role the app connects as (DATABASE_USER); the password is generated and kept in SSM. */
    user: string;
}

export interface DataSettings {
    database: DatabaseSettings;
    /** Absolute host paths archived by the nightly backup beside the database dump. */
    backupPaths: string[];
}

/** A PostgreSQL identifier that needs no quoting anywhere (SQL, shell, YAML). */
const IDENTIFIER = /^[a-z][a-z0-9_]{0,62}$/;
/** An absolute path of plain segments: no `..`, no spaces, nothing a shell or tar reads as syntax. */
const ABSOLUTE_PATH = /^(\/[A-Za-z0-9_][A-Za-z0-9._-]{0,127}){1,16}$/;

export const DATA_DEFAULTS: DataSettings = {
    database: { enabled: false, volumeSizeGb: 20, name: "app", user: "app" },
    backupPaths: [],
};

function identifier(read: ConfigReader, key: string, fallback: string): string {
    const value = read.string(key, fallback);
    if (!IDENTIFIER.test(value) || value === "postgres") {
        read.problem(key, value, "a PostgreSQL name of 1-63 lower-case letters, digits and _, starting with a letter (not postgres)");
        return fallback;
    }
    return value;
}

/** Reads the data keys; `appPort` is the app's port, which the database's port must not be. */
export function parseDataSettings(read: ConfigReader, appPort: number): DataSettings {
    const d = DATA_DEFAULTS;
    const enabled = read.boolean("database", d.database.enabled);
    if (enabled && appPort === 5432) {
        read.problem("appPort", appPort, "a port other than 5432 while stagecraft:database is on: PostgreSQL uses it, and it is never opened to the internet");
    }
    const volumeSizeGb = read.integer("databaseVolumeSizeGb", d.database.volumeSizeGb, 1, 16384);
    const name = identifier(read, "databaseName", d.database.name);
    const user = identifier(read, "databaseUser", d.database.user);
    const backupPaths: string[] = [];
    for (const path of read.stringList("backupPaths", d.backupPaths)) {
        if (!ABSOLUTE_PATH.test(path) || path.split("/").some((s) => s === "." || s === "..")) {
            read.problem("backupPaths", path, "absolute host paths of plain segments (letters, digits, . _ -; no . or .. segments), e.g. /opt/chat/uploads");
        } else if (!backupPaths.includes(path)) {
            backupPaths.push(path);
        }
    }
    return { database: { enabled, volumeSizeGb, name, user }, backupPaths };
}
