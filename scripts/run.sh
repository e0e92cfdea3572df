#!/usr/bin/env bash
# Run the portal locally with fictional demo data at http://localhost:5080.
#
#   bash scripts/run.sh [extra arguments for the app]
#
# Checks prerequisites (installing postgresql-15 if missing and possible), starts this
# checkout's PostgreSQL cluster (127.0.0.1:${CJP_PG_PORT:-5433}) and runs the web app in
# Development mode, which applies migrations and loads the demo data into database cjp_dev.
# Ctrl-C stops the app; the database keeps running (stop it: bash scripts/lib/postgres.sh stop).
#
# Environment: CJP_PORT (default 5080), CJP_PG_PORT (default 5433 or the next free port),
# CJP_DB (default cjp_dev).
set -euo pipefail

# shellcheck source=scripts/lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
# shellcheck source=scripts/lib/prereqs.sh
source "$CJP_ROOT/scripts/lib/prereqs.sh"
# shellcheck source=scripts/lib/postgres.sh
source "$CJP_ROOT/scripts/lib/postgres.sh"

cd "$CJP_ROOT"
port="${CJP_PORT:-5080}"
url="http://localhost:$port"

cjp_prereqs run
if cjp_port_in_use "$port"; then
  cjp_die "port $port is already in use (is the portal already running?)." \
    "Stop the other program, or choose another port: CJP_PORT=$((port + 1)) bash scripts/run.sh"
fi

cjp_step "Starting PostgreSQL"
cjp_pg_start
cjp_pg_drop_pre_baseline_db "${CJP_DB:-cjp_dev}"

export ASPNETCORE_ENVIRONMENT=Development
export Portal__DemoMode=true
export ConnectionStrings__Default
ConnectionStrings__Default="$(cjp_pg_connstr "${CJP_DB:-cjp_dev}")"

cjp_step "Starting the portal"
cat <<EOF

    CJP Portal (demo data) will be at:  ${url}

    The first build takes a minute; the app then migrates and seeds database ${CJP_DB:-cjp_dev}.
    Press Ctrl-C to stop.

EOF

# Say so again once the app answers (its own log is chatty).
if cjp_have curl; then
  (
    if cjp_wait_http "$url/health/ready" 600; then
      printf '\n%s==> The portal is up: %s%s\n\n' "$_CJP_BOLD" "$url" "$_CJP_RESET"
    fi
  ) &
  watcher=$!
  trap 'kill "$watcher" 2>/dev/null || true' EXIT
fi

# --no-launch-profile: the settings above apply, not Properties/launchSettings.json.
dotnet run --project src/CjpPortal.Web --no-launch-profile -- --urls "$url" "$@"
