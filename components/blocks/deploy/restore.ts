/**
 * The SSM Run Command document that restores the single host's database (pure, issue 13):
 * `aws ssm send-command --document-name <app>-<env>-restore --parameters backupKey=latest`.
 * It runs the on-host backup tool, which stops the app, restores the dump with pg_restore
 * (--clean --if-exists), starts the app and reports; the `backupKey` parameter's allowedPattern
 * keeps anything but a plain key away from the shell.
 */
import { BACKUP_KEY_PATTERN, BACKUP_TOOL_PATH, backupKeyPrefix } from "../compute/backup";
import { type CommandDocument } from "./documents";

/** The restore document's name, beside the deploy and rollback documents. */
export function restoreDocumentName(appName: string, environment: string): string {
    return `${appName}-${environment}-restore`;
}

export function restoreDocument(appName: string, environment: string): CommandDocument {
    return {
        schemaVersion: "2.2",
        description: `Restore the ${appName} (${environment}) database from a backup: stop the app, pg_restore --clean --if-exists, start the app.`,
        parameters: {
            backupKey: {
                type: "String",
                description: `Key of a .dump under ${backupKeyPrefix(appName, environment)}/ in the backups bucket, or latest.`,
                allowedPattern: BACKUP_KEY_PATTERN,
                default: "latest",
            },
        },
        mainSteps: [{
            action: "aws:runShellScript",
            name: "restore",
            inputs: { timeoutSeconds: "3600", runCommand: [`${BACKUP_TOOL_PATH} restore '{{ backupKey }}'`] },
        }],
    };
}
