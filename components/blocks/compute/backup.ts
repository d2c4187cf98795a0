/**
 * The on-host data tool and the backup timer (pure text, issue 13, seed 004's runbook):
 * `/usr/local/sbin/stagecraft-data mount <volume-id> <dir>...` mounts the data volume at first
 * boot (dataVolume.ts); `backup` dumps the database (pg_dump custom format through
 * `docker compose exec`) and archives the configured paths, then uploads both over HTTPS with
 * SSE-S3 requested to `s3://<backups>/<app>/<env>/YYYY/MM/DD/<host>-<HHMMSS>.{dump,tar.gz}`;
 * `restore <key|latest>` stops the app, restores a dump with pg_restore --clean --if-exists and
 * starts the app again. Any failure exits non-zero (the journal shows it) and, with an alert
 * topic, publishes the reason to it.
 */
import { shellAssign, shellComment, shellQuote } from "../../lib/render";
import { DATA_MOUNT, mountFunction } from "./dataVolume";

export const BACKUP_TOOL_PATH = "/usr/local/sbin/stagecraft-data";
export const BACKUP_UNIT = "stagecraft-backup";

/** Backup keys the restore accepts: also the SSM document's allowedPattern. */
export const BACKUP_KEY_PATTERN = "^(latest|[A-Za-z0-9][A-Za-z0-9._/-]{0,255}\\.dump)$";

export interface BackupToolInput {
    appName: string;
    environment: string;
    region: string;
    /** The backups bucket's name. */
    bucket: string;
    /** Dump this database (undefined: no database on the host). */
    database?: { name: string; user: string };
    /** Validated absolute host paths to archive. */
    paths: readonly string[];
    /** SNS topic that hears about failures (optional). */
    alertTopicArn?: string;
}

/** The key prefix every backup of the stack lives under (the host role may write only there). */
export function backupKeyPrefix(appName: string, environment: string): string {
    return `${appName}/${environment}`;
}

export function backupTool(input: BackupToolInput): string {
    const values = [
        shellAssign("DEFAULT_APP_DIR", `/opt/${input.appName}`),
        shellAssign("BUCKET", input.bucket),
        shellAssign("PREFIX", backupKeyPrefix(input.appName, input.environment)),
        shellAssign("REGION", input.region),
        shellAssign("TOPIC_ARN", input.alertTopicArn ?? ""),
        shellAssign("DB_NAME", input.database?.name ?? ""),
        shellAssign("DB_USER", input.database?.user ?? ""),
        shellAssign("KEY_PATTERN", BACKUP_KEY_PATTERN),
        shellAssign("DATA_MOUNT", DATA_MOUNT),
        `BACKUP_PATHS=(${input.paths.map(shellQuote).join(" ")})`,
    ];
    return `#!/bin/bash
# stagecraft-data: mount the data volume, back up the database and files to S3, restore the database.
${shellComment(`app ${input.appName}, environment ${input.environment}`)}
set -Eeuo pipefail
umask 077
${values.join("\n")}
APP_DIR=\${STAGECRAFT_APP_DIR:-$DEFAULT_APP_DIR}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
trap 'die "failed at line $LINENO"' ERR

log() { echo "[stagecraft-data] $*"; }
die() {
  trap - ERR
  log "error: $*" >&2
  if [ -n "$TOPIC_ARN" ]; then
    local region=\${TOPIC_ARN#arn:*:sns:}
    aws sns publish --region "\${region%%:*}" --topic-arn "$TOPIC_ARN" --subject "stagecraft-data $PREFIX" \\
      --message "$(hostname -s): \${CMD:-?} failed: $*" > /dev/null || log "cannot publish to $TOPIC_ARN"
  fi
  exit 1
}
compose() { (cd "$APP_DIR" && docker compose "$@"); }
put() {
  aws s3 cp --only-show-errors --region "$REGION" --sse AES256 "$1" "s3://$BUCKET/$2" || die "upload of $2 failed"
  log "uploaded s3://$BUCKET/$2 ($(stat -c %s "$1") bytes)"
}

${mountFunction()}

cmd_backup() {
  local stamp base
  stamp=$(date -u +%Y/%m/%d/%H%M%S)
  base="$PREFIX/\${stamp%/*}/$(hostname -s)-\${stamp##*/}"
  [ -n "$DB_NAME" ] || [ \${#BACKUP_PATHS[@]} -gt 0 ] || die "nothing to back up"
  if [ -n "$DB_NAME" ]; then
    compose exec -T db pg_dump -U "$DB_USER" -d "$DB_NAME" -Fc > "$WORK/db.dump" || die "pg_dump of $DB_NAME failed"
    put "$WORK/db.dump" "$base.dump"
  fi
  if [ \${#BACKUP_PATHS[@]} -gt 0 ]; then
    tar -czf "$WORK/files.tar.gz" -P -- "\${BACKUP_PATHS[@]}" || die "tar of \${BACKUP_PATHS[*]} failed"
    put "$WORK/files.tar.gz" "$base.tar.gz"
  fi
}

cmd_restore() {
  local key=\${1:-latest} rc=0
  [ -n "$DB_NAME" ] || die "this host runs no database"
  [[ "$key" =~ $KEY_PATTERN ]] || die "refusing backup key '$key' (allowed: $KEY_PATTERN)"
  if [ "$key" = latest ]; then
    key=$(aws s3api list-objects-v2 --region "$REGION" --bucket "$BUCKET" --prefix "$PREFIX/" --output text \\
      --query "sort_by(Contents[?ends_with(Key, '.dump')] || \\\`[]\\\`, &LastModified)[-1].Key") || die "cannot list s3://$BUCKET/$PREFIX/"
    if [ -z "$key" ] || [ "$key" = None ]; then die "no backup under s3://$BUCKET/$PREFIX/"; fi
  fi
  [[ "$key" == "$PREFIX/"*.dump && "$key" != *..* ]] || die "refusing backup key '$key' (a .dump under $PREFIX/)"
  aws s3 cp --only-show-errors --region "$REGION" "s3://$BUCKET/$key" "$WORK/db.dump" || die "cannot download s3://$BUCKET/$key"
  log "stopping the app, restoring $key into $DB_NAME"
  compose stop app || die "cannot stop the app"
  compose exec -T db pg_restore -U "$DB_USER" -d "$DB_NAME" --clean --if-exists --no-owner --exit-on-error < "$WORK/db.dump" || rc=$?
  compose start app || die "cannot start the app again"
  [ "$rc" = 0 ] || die "pg_restore of $key failed (exit $rc): the app runs on what the database holds now"
  log "restored $key into $DB_NAME; the app is started"
}

CMD=\${1:-}
case "$CMD" in
  mount) shift; cmd_mount "$@" ;;
  backup) cmd_backup ;;
  restore) shift; cmd_restore "$@" ;;
  *) echo "usage: $0 mount <volume-id> <dir>... | backup | restore <backup key under $PREFIX/ | latest>" >&2; exit 2 ;;
esac
`;
}

/** The systemd service and timer: nightly at 03:00 UTC, up to 45 minutes later, caught up after downtime. */
export function backupUnits(appName: string, environment: string): { service: string; timer: string } {
    const what = `${appName} (${environment})`.replace(/[^A-Za-z0-9 ()._-]/g, "");
    return {
        service: [
            "[Unit]",
            `Description=stagecraft backup of ${what}`,
            "After=network-online.target docker.service",
            "[Service]",
            "Type=oneshot",
            `ExecStart=${BACKUP_TOOL_PATH} backup`,
            "",
        ].join("\n"),
        timer: [
            "[Unit]",
            `Description=nightly stagecraft backup of ${what}`,
            "[Timer]",
            "OnCalendar=*-*-* 03:00:00 UTC",
            "RandomizedDelaySec=45min",
            "Persistent=true",
            "[Install]",
            "WantedBy=timers.target",
            "",
        ].join("\n"),
    };
}
