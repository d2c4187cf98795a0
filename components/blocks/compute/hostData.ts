/**
 * The data part of a host's first boot (pure text, issue 13): install the data tool, mount the
 * data volume that holds PostgreSQL's files, enable the nightly backup timer.
 */
import { gzipSync } from "node:zlib";
import { heredocToFile, shellQuote } from "../../lib/render";
import { BACKUP_TOOL_PATH, BACKUP_UNIT, backupTool, type BackupToolInput, backupUnits } from "./backup";
import { POSTGRES_HOST_DIR } from "./database";

export interface HostDataInput {
    /** The attached EBS volume holding the database's files (undefined: no data volume). */
    volumeId?: string;
    /** What the nightly backup saves and where. */
    backup: BackupToolInput;
}

/**
 * Lines that write `body` to `target` gzipped and base64-encoded (user data has 16 KB): the
 * encoded text holds only [A-Za-z0-9+/=], so no line of it can be the delimiter or shell code.
 */
export function compressedFile(target: string, body: string): string[] {
    const encoded = gzipSync(Buffer.from(body, "utf8"), { level: 9 }).toString("base64").replace(/.{1,76}/g, "$&\n").trimEnd();
    return [`base64 -d <<'STAGECRAFT_GZ' | gunzip > ${shellQuote(target)}`, encoded, "STAGECRAFT_GZ"];
}

export function dataSetup(input: HostDataInput): { lines: string[]; backupTool: string } {
    const tool = backupTool(input.backup);
    const units = backupUnits(input.backup.appName, input.backup.environment);
    return {
        lines: [
            "",
            "# 3b. data tool (checked on its own in generatedTexts.ts; compressed here), data volume, nightly backups",
            ...compressedFile(BACKUP_TOOL_PATH, tool),
            `chmod 0750 ${BACKUP_TOOL_PATH}`,
            ...(input.volumeId !== undefined ? [`${BACKUP_TOOL_PATH} mount ${shellQuote(input.volumeId)} ${shellQuote(POSTGRES_HOST_DIR)}`] : []),
            ...heredocToFile(`/etc/systemd/system/${BACKUP_UNIT}.service`, units.service, "UNIT"),
            ...heredocToFile(`/etc/systemd/system/${BACKUP_UNIT}.timer`, units.timer, "UNIT"),
            "systemctl daemon-reload",
            `systemctl enable --now ${BACKUP_UNIT}.timer`,
        ],
        backupTool: tool,
    };
}
