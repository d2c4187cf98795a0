/**
 * The on-host deploy tool (pure text): `/usr/local/sbin/stagecraft-deploy deploy <ref>`,
 * `rollback` and `status`, as seed 004's runbook describes. SSM Run Command documents call it,
 * so nobody needs SSH to deploy.
 *
 * deploy <ref>: with a repository, fetch and check out <ref> and deploy the image tagged with
 *   the commit's full SHA (CI builds and pushes that tag); without one, <ref> is the image tag.
 *   Render app secrets from SSM Parameter Store, `docker compose pull` + `up -d`, then probe the
 *   health path for up to 2 minutes. On success the state file records current and previous;
 *   on failure the previous tag is restored and the command fails.
 *   Then run the smoke checks (seed 004's post-deploy validation: REST and GraphQL probes on
 *   127.0.0.1); a failed probe restores the previous tag exactly like a failed health check.
 * rollback: return to the previous successful tag (no git fetch needed), then swap the state.
 * status: the state file and the last smoke result, then the containers.
 * boot (an Auto Scaling fleet's first boot): deploy the release recorded in the release
 *   parameter when it was made over this launch template's tag, else the template's tag; every
 *   successful deploy or rollback records `<tag> <template tag>` there, so an instance launched
 *   later (scale-out, replacement) boots what the fleet runs, and a new template tag (`pulumi up`
 *   with another appImageTag) wins over a release made before it.
 * sync-static: with an SPA (`staticBucket`), mirror the static bucket into /opt/<app>/spa, which
 *   the proxy serves read-only; every deploy runs it first, so a failed sync changes no release.
 */
import { type SmokeCheck } from "../../config/smoke";
import { shellAssign, shellComment, shellQuote } from "../../lib/render";

export interface DeployScriptInput {
    appName: string;
    environment: string;
    region: string;
    port: number;
    healthPath: string;
    repository?: string;
    /** The static bucket whose files the proxy serves as the SPA (`spa`). @default undefined (no SPA) */
    staticBucket?: string;
    /** Probes run after the health check (config/smoke.ts). @default [] */
    smokeChecks?: readonly SmokeCheck[];
    /**
     * Where a fleet records its release (an SSM parameter under the app's path, which the
     * instance role may write) and the launch template's tag. @default undefined (a single host)
     */
    release?: { parameter: string; templateTag: string };
}

/** Refs and tags the tool accepts: also the SSM documents' allowedPattern, so nothing else reaches a shell. */
export const REF_PATTERN = "^[A-Za-z0-9][A-Za-z0-9._/-]{0,127}$";

export const DEPLOY_TOOL_PATH = "/usr/local/sbin/stagecraft-deploy";

/**
 * The SSM parameter (String, not a secret) where a fleet records its release: under the app's
 * parameter path, which the instances already read; the instance role may write only it.
 */
export function releaseParameterName(appName: string, environment: string): string {
    return `/${appName}/${environment}/STAGECRAFT_RELEASE`;
}

/** The `probe` line of one smoke check: every value a single-quoted word. */
function probeLine(c: SmokeCheck): string {
    const arg = c.kind === "graphql" ? JSON.stringify({ query: c.query ?? "" }) : (c.bodyContains ?? "");
    return `  probe ${[c.name, c.kind, c.path, String(c.status), arg].map(shellQuote).join(" ")}`;
}

export function deployScript(input: DeployScriptInput): string {
    // Every value is assigned once, quoted, at the top; the rest of the script only reads the
    // variables, so no configured string is ever parsed as shell code.
    const values = [
        shellAssign("DEFAULT_APP_DIR", `/opt/${input.appName}`),
        shellAssign("REPOSITORY", input.repository ?? ""),
        shellAssign("PARAMETER_PATH", `/${input.appName}/${input.environment}`),
        shellAssign("REGION", input.region),
        shellAssign("APP_URL", `http://127.0.0.1:${input.port}`),
        shellAssign("HEALTH_URL", `http://127.0.0.1:${input.port}${input.healthPath}`),
        shellAssign("REF_PATTERN", REF_PATTERN),
        shellAssign("STATIC_BUCKET", input.staticBucket ?? ""),
        shellAssign("RELEASE_PARAMETER", input.release?.parameter ?? ""),
        shellAssign("TEMPLATE_TAG", input.release?.templateTag ?? ""),
    ];
    const probes = (input.smokeChecks ?? []).map(probeLine);
    return `#!/bin/bash
# stagecraft-deploy: deploy, roll back and report this host's app release.
${shellComment(`app ${input.appName}, environment ${input.environment}`)}
set -euo pipefail
umask 077

${values.join("\n")}
# The STAGECRAFT_* overrides exist for the tool's own tests; on the host the defaults apply.
APP_DIR=\${STAGECRAFT_APP_DIR:-$DEFAULT_APP_DIR}
SRC_DIR=$APP_DIR/src
SPA_DIR=$APP_DIR/spa
STATE_DIR=\${STAGECRAFT_STATE_DIR:-/var/lib/stagecraft}
STATE_FILE=$STATE_DIR/deploy_state
HEALTH_ATTEMPTS=\${STAGECRAFT_HEALTH_ATTEMPTS:-40}
HEALTH_INTERVAL=\${STAGECRAFT_HEALTH_INTERVAL:-3}
SMOKE_FILE=$STATE_DIR/smoke_result
SMOKE_ATTEMPTS=\${STAGECRAFT_SMOKE_ATTEMPTS:-3}
SMOKE_INTERVAL=\${STAGECRAFT_SMOKE_INTERVAL:-5}

log() { echo "[stagecraft-deploy] $*"; }
die() { log "error: $*" >&2; exit 1; }

state_get() { [ -f "$STATE_FILE" ] && grep -E "^$1=" "$STATE_FILE" | tail -n1 | cut -d= -f2- || true; }
state_write() {
  mkdir -p "$STATE_DIR"
  printf 'CURRENT_TAG=%s\\nCURRENT_REF=%s\\nPREVIOUS_TAG=%s\\nPREVIOUS_REF=%s\\nUPDATED_AT=%s\\n' \\
    "$1" "$2" "$3" "$4" "$(date -u +%Y-%m-%dT%H:%M:%SZ)" > "$STATE_FILE.tmp"
  mv "$STATE_FILE.tmp" "$STATE_FILE"
}

render_secrets() {
  # Every parameter under $PARAMETER_PATH becomes NAME=value in a root-only env file.
  # Every step is checked explicitly: callers run this inside conditionals, where set -e is off.
  local raw tmp
  raw=$(mktemp) && tmp=$(mktemp "$APP_DIR/app.env.XXXXXX") || return 1
  if ! aws ssm get-parameters-by-path --region "$REGION" --path "$PARAMETER_PATH" --recursive --with-decryption \\
      --query 'Parameters[].[Name,Value]' --output text > "$raw"; then
    rm -f "$raw" "$tmp"; log "cannot read parameters under $PARAMETER_PATH"; return 1
  fi
  while IFS=$'\\t' read -r name value; do
    [ -n "$name" ] && [ "$name" != "None" ] && [ "$name" != "$RELEASE_PARAMETER" ] && printf '%s=%s\\n' "\${name##*/}" "$value"
  done < "$raw" > "$tmp"
  rm -f "$raw"
  chmod 600 "$tmp" && mv "$tmp" "$APP_DIR/app.env"
}

set_tag() {
  # Tags are refs (REF_PATTERN) or commit SHAs: nothing sed or Compose would read as syntax.
  [[ "$1" =~ $REF_PATTERN ]] || { log "refusing image tag '$1'"; return 1; }
  sed -i "s|^APP_TAG=.*|APP_TAG=$1|" "$APP_DIR/.env"
}

compose_up() {
  (cd "$APP_DIR" && docker compose pull --quiet && docker compose up -d --remove-orphans)
}

healthy() {
  local _
  for _ in $(seq 1 "$HEALTH_ATTEMPTS"); do
    if curl -fsS --max-time 3 "$HEALTH_URL" > /dev/null; then return 0; fi
    sleep "$HEALTH_INTERVAL"
  done
  return 1
}

# Smoke checks (seed 004): each probe retries, then records ok/failed; any failure fails the release.
probe() {
  local name=$1 kind=$2 url=$APP_URL$3 want=$4 arg=$5 out code=000 result=failed _
  local -a post=()
  [ "$kind" = graphql ] && post=(-H 'Content-Type: application/json' --data-binary "$arg")
  out=$(mktemp) || { SMOKE_FAILED=1; return 0; }
  for _ in $(seq 1 "$SMOKE_ATTEMPTS"); do
    code=$(curl -sS -o "$out" -w '%{http_code}' --max-time 5 "\${post[@]}" "$url") || code=000
    if [ "$code" = "$want" ] && case $kind in
        graphql) [ "$(tr -d ' \\t\\r\\n' < "$out" | head -c1)" = "{" ] && ! grep -q '"errors"[[:space:]]*:' "$out" ;;
        *) [ -z "$arg" ] || grep -qF -- "$arg" "$out" ;;
      esac; then result=ok; break; fi
    sleep "$SMOKE_INTERVAL"
  done
  rm -f "$out"
  log "smoke $name ($kind $3): $result (HTTP $code)"
  echo "$name $result HTTP $code" >> "$SMOKE_FILE.tmp"
  [ "$result" = ok ] || SMOKE_FAILED=1
}

smoke_probes() {
  :
${probes.join("\n")}
}

smoke() {
  SMOKE_FAILED=0
  mkdir -p "$STATE_DIR" && printf 'SMOKE_TAG=%s\\nSMOKE_AT=%s\\n' "$1" "$(date -u +%Y-%m-%dT%H:%M:%SZ)" > "$SMOKE_FILE.tmp" || return 1
  smoke_probes
  echo "SMOKE_RESULT=$([ "$SMOKE_FAILED" = 0 ] && echo passed || echo failed)" >> "$SMOKE_FILE.tmp"
  mv "$SMOKE_FILE.tmp" "$SMOKE_FILE" && [ "$SMOKE_FAILED" = 0 ]
}

# A fleet records what it runs, so instances launched later boot it (see boot).
record_release() {
  [ -n "$RELEASE_PARAMETER" ] || return 0
  aws ssm put-parameter --region "$REGION" --name "$RELEASE_PARAMETER" --type String --overwrite \\
    --value "$1 $TEMPLATE_TAG" > /dev/null ||
    die "$1 runs, but recording it in $RELEASE_PARAMETER failed: instances launched later would boot another release"
}

resolve_tag() {
  local ref=$1
  if [ -z "$REPOSITORY" ]; then echo "$ref"; return; fi
  if [ ! -d "$SRC_DIR/.git" ]; then git clone --quiet -- "$REPOSITORY" "$SRC_DIR"; fi
  git -C "$SRC_DIR" fetch --quiet --tags --prune origin
  git -C "$SRC_DIR" -c advice.detachedHead=false checkout --quiet --detach "$ref" 2>/dev/null ||
    git -C "$SRC_DIR" -c advice.detachedHead=false checkout --quiet --detach "origin/$ref"
  git -C "$SRC_DIR" rev-parse HEAD
}

switch_to() {
  # Chained with && because callers test the result: set -e does not apply inside an if.
  set_tag "$1" && render_secrets && compose_up && healthy
}

sync_static() {
  # The SPA's files, uploaded to the static bucket by CI, mirrored for the proxy (world-readable, no extras).
  [ -n "$STATIC_BUCKET" ] || die "this host serves no SPA (stagecraft:spa is false)"
  (umask 022 && mkdir -p "$SPA_DIR" &&
    aws s3 sync --delete --only-show-errors --region "$REGION" "s3://$STATIC_BUCKET/" "$SPA_DIR/") ||
    die "cannot sync the SPA from s3://$STATIC_BUCKET/"
  log "SPA synced from s3://$STATIC_BUCKET/"
}

deploy_static() {
  # Before the app changes: a failed sync fails the deploy and leaves the running release alone.
  [ -z "$STATIC_BUCKET" ] || sync_static
}

cmd_deploy() {
  local ref=\${1:-}
  [[ "$ref" =~ $REF_PATTERN ]] || die "invalid ref '$ref' (allowed: $REF_PATTERN)"
  local tag previous_tag previous_ref
  tag=$(resolve_tag "$ref")
  previous_tag=$(state_get CURRENT_TAG)
  previous_ref=$(state_get CURRENT_REF)
  log "deploying $ref (image tag $tag); previous: \${previous_tag:-none}"
  deploy_static
  local failed="health check"
  if switch_to "$tag" && failed="smoke check" && smoke "$tag"; then
    state_write "$tag" "$ref" "$previous_tag" "$previous_ref"
    log "healthy: $HEALTH_URL"
    record_release "$tag"
    return 0
  fi
  log "$failed failed for $tag"
  if [ -n "$previous_tag" ]; then
    log "restoring $previous_tag"
    switch_to "$previous_tag" || log "previous release is unhealthy too"
  fi
  die "deploy of $ref failed"
}

cmd_rollback() {
  local current_tag current_ref previous_tag previous_ref
  current_tag=$(state_get CURRENT_TAG)
  current_ref=$(state_get CURRENT_REF)
  previous_tag=$(state_get PREVIOUS_TAG)
  previous_ref=$(state_get PREVIOUS_REF)
  [ -n "$previous_tag" ] || die "no previous release recorded in $STATE_FILE"
  log "rolling back from \${current_tag:-none} to $previous_tag"
  switch_to "$previous_tag" || die "rollback target $previous_tag is unhealthy"
  state_write "$previous_tag" "$previous_ref" "$current_tag" "$current_ref"
  log "healthy: $HEALTH_URL"
  record_release "$previous_tag"
}

cmd_boot() {
  local release='' base=''
  if [ -n "$RELEASE_PARAMETER" ]; then
    read -r release base < <(aws ssm get-parameter --region "$REGION" --name "$RELEASE_PARAMETER" \\
      --query Parameter.Value --output text 2>/dev/null || true) || true
  fi
  if [ "$base" = "$TEMPLATE_TAG" ] && [[ "$release" =~ $REF_PATTERN ]]; then
    log "booting the fleet's release $release (recorded in $RELEASE_PARAMETER)"
    cmd_deploy "$release"
  else
    cmd_deploy "$TEMPLATE_TAG"
  fi
}

cmd_status() {
  if [ -f "$STATE_FILE" ]; then cat "$STATE_FILE"; else log "nothing deployed yet"; fi
  if [ -f "$SMOKE_FILE" ]; then cat "$SMOKE_FILE"; fi
  (cd "$APP_DIR" && docker compose ps)
}

case "\${1:-}" in
  deploy) shift; cmd_deploy "$@" ;;
  rollback) cmd_rollback ;;
  status) cmd_status ;;
  sync-static) sync_static ;;
  boot) cmd_boot ;;
  *) echo "usage: $0 deploy <git-ref-or-tag> | rollback | status | boot | sync-static" >&2; exit 2 ;;
esac
`;
}
