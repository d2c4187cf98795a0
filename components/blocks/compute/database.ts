/**
 * The PostgreSQL service of the single host's Compose project (pure text, issue 13):
 * - `db`: PostgreSQL 15 pinned to a minor, its data directory on the separate EBS volume
 *   (dataVolume.ts), on an internal network only (no published port, no internet);
 * - the app joins that network and gets DATABASE_HOST/PORT/NAME/USER; DATABASE_PASSWORD comes
 *   from SSM through the root-only app.env the deploy tool renders, never from this file.
 */
import { composeString } from "../../lib/render";
import { DATA_MOUNT } from "./dataVolume";

/** PostgreSQL 15 pinned to a minor release (the Alpine image is the smallest). */
export const POSTGRES_IMAGE = "postgres:15.10-alpine";
export const POSTGRES_PORT = 5432;
/** The Compose service and host name of the database. */
export const DB_SERVICE = "db";
/** The internal Compose network only the app and the database join. */
export const DB_NETWORK = "data";
/** The SSM parameter (under /<app>/<env>/) and app.env variable holding the password. */
export const DB_PASSWORD_VARIABLE = "DATABASE_PASSWORD";
/** Host directory of the database's files, on the data volume. */
export const POSTGRES_HOST_DIR = `${DATA_MOUNT}/postgres`;

export interface DatabaseServiceInput {
    /** Database the app uses (a validated PostgreSQL identifier). */
    name: string;
    /** Role the app connects as (a validated PostgreSQL identifier). */
    user: string;
}

/** Lines added to the app service: connection settings, the internal network, the dependency. */
export function appDatabaseLines(db: DatabaseServiceInput): { environment: string[]; service: string[] } {
    return {
        environment: [
            `      DATABASE_HOST: ${composeString(DB_SERVICE)}`,
            `      DATABASE_PORT: ${composeString(String(POSTGRES_PORT))}`,
            `      DATABASE_NAME: ${composeString(db.name)}`,
            `      DATABASE_USER: ${composeString(db.user)}`,
        ],
        service: [
            "    networks:",
            "      - default",
            `      - ${DB_NETWORK}`,
            "    depends_on:",
            `      ${DB_SERVICE}:`,
            "        condition: service_healthy",
        ],
    };
}

/**
 * The `db` service. The image reads POSTGRES_PASSWORD only when it creates the cluster (first
 * start on an empty volume): the entrypoint copies it from DATABASE_PASSWORD of app.env.
 */
export function databaseService(db: DatabaseServiceInput, appName: string, logging: string[]): string[] {
    const start = `export POSTGRES_PASSWORD="$${DB_PASSWORD_VARIABLE}"; exec docker-entrypoint.sh postgres`;
    return [
        `  ${DB_SERVICE}:`,
        `    image: ${composeString(POSTGRES_IMAGE)}`,
        "    restart: unless-stopped",
        "    env_file:",
        `      - path: ${composeString(`/opt/${appName}/app.env`)}`,
        "        required: false",
        "    environment:",
        `      POSTGRES_DB: ${composeString(db.name)}`,
        `      POSTGRES_USER: ${composeString(db.user)}`,
        `    entrypoint: [${["sh", "-c", start].map(composeString).join(", ")}]`,
        "    healthcheck:",
        `      test: [${["CMD", "pg_isready", "-U", db.user, "-d", db.name].map(composeString).join(", ")}]`,
        "      interval: 5s",
        "      retries: 30",
        "    volumes:",
        "      - type: bind",
        `        source: ${composeString(POSTGRES_HOST_DIR)}`,
        "        target: /var/lib/postgresql/data",
        // Never a fresh empty directory on the root disk when the data volume is not mounted.
        "        bind:",
        "          create_host_path: false",
        "    networks:",
        `      - ${DB_NETWORK}`,
        "    security_opt:",
        "      - no-new-privileges:true",
        ...logging,
    ];
}

/** The top-level network block: internal, so the database has no route out and nothing in. */
export function databaseNetworks(): string[] {
    return ["networks:", `  ${DB_NETWORK}:`, "    internal: true"];
}
