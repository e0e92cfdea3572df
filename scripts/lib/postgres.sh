#!/usr/bin/env bash
# A private PostgreSQL 15 cluster for this checkout (development, tests, benchmarks).
#
#   bash scripts/lib/postgres.sh start|stop|status|env|psql [psql args...]
#
# or, from another script:  source scripts/lib/postgres.sh; cjp_pg_start
#
# Data lives in <repo>/.data/postgres (git-ignored); the unix socket and the server log in
# <repo>/.data/postgres-run. The server listens on 127.0.0.1 only, port ${CJP_PG_PORT:-5433},
# with trust authentication for local connections (superuser: postgres, no password).
# When running as root the cluster is owned by the `postgres` user (initdb refuses root);
# if that user cannot reach <repo>/.data, the data goes to /var/tmp/cjp-portal-<hash>/ instead.
#
# Environment:
#   CJP_PG_PORT      TCP port (default 5433, or the next free port if 5433 is taken)
#   CJP_PG_BINDIR    directory holding initdb/pg_ctl/postgres (default: PostgreSQL 15's)
#   CJP_PG_DATA_DIR  use this data directory instead of <repo>/.data/postgres
#
# This is a throw-away development cluster: fsync is off for speed. Don't keep anything
# precious in it.

# shellcheck source=scripts/lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

# An explicit CJP_PG_PORT is obeyed strictly; with the default, a busy port 5433 (another checkout's
# cluster, say) makes the scripts use the next free port, and a running cluster is reused on its port.
if [[ -n "${CJP_PG_PORT:-}" ]]; then _CJP_PG_PORT_EXPLICIT=1; else _CJP_PG_PORT_EXPLICIT=0; fi
CJP_PG_PORT="${CJP_PG_PORT:-5433}"
export CJP_PG_PORT
CJP_PG_USER=postgres # the database superuser's name
export CJP_PG_STARTED=0 # set to 1 when cjp_pg_start started the server itself

# Find the PostgreSQL server binaries; sets CJP_PG_BINDIR.
cjp_pg_find_bin() {
  local candidates=() dir exe
  [[ -n "${CJP_PG_BINDIR:-}" ]] && candidates+=("$CJP_PG_BINDIR")
  candidates+=(/usr/lib/postgresql/15/bin)
  if exe="$(command -v pg_ctl 2>/dev/null)"; then
    candidates+=("$(dirname "$(readlink -f "$exe")")")
  fi
  for dir in "${candidates[@]}"; do
    if [[ -x "$dir/initdb" && -x "$dir/pg_ctl" && -x "$dir/postgres" ]]; then
      CJP_PG_BINDIR="$dir"
      local version
      version="$("$dir/pg_ctl" --version | sed -E 's/^[^0-9]*([0-9]+).*/\1/')"
      if [[ "$version" != 15 ]]; then
        cjp_warn "using PostgreSQL $version from $dir; the project is developed and tested with PostgreSQL 15"
      fi
      return 0
    fi
  done
  cjp_die "PostgreSQL server binaries (initdb, pg_ctl, postgres) not found." \
    "Install PostgreSQL 15: apt-get install -y --no-install-recommends postgresql-15" \
    "(or set CJP_PG_BINDIR to the directory that holds them)."
}

# Find a client tool (pg_isready, psql): next to the server binaries, else on PATH.
_cjp_pg_tool() {
  if [[ -x "$CJP_PG_BINDIR/$1" ]]; then
    printf '%s\n' "$CJP_PG_BINDIR/$1"
  elif cjp_have "$1"; then
    command -v "$1"
  else
    cjp_die "$1 not found; install postgresql-client-15."
  fi
}

# Who owns the cluster's files and runs the server.
_cjp_pg_owner() {
  if cjp_is_root; then echo postgres; else id -un; fi
}

# Run a command as the cluster owner, from / (the owner may not be able to enter the cwd).
_cjp_pg_as_owner() {
  (
    cd /
    # The server must not inherit the start/stop lock.
    if [[ -n "${_CJP_PG_LOCK_FD:-}" ]]; then exec {_CJP_PG_LOCK_FD}>&-; fi
    if cjp_is_root; then
      exec runuser -u postgres -- "$@"
    else
      exec "$@"
    fi
  )
}

# Create a directory owned by the cluster owner with the given mode.
_cjp_pg_mkdir() {
  local dir="$1" mode="$2" owner
  owner="$(_cjp_pg_owner)"
  if [[ -d "$dir" ]] && [[ "$(stat -c %U "$dir")" != "$owner" ]]; then
    cjp_die "$dir belongs to user $(stat -c %U "$dir"), but this script would run the server as $owner." \
      "Run as root (the cluster is then run by the postgres user), or use another data directory (CJP_PG_DATA_DIR)."
  fi
  if cjp_is_root; then
    install -d -m "$mode" -o postgres -g postgres "$dir"
  else
    mkdir -p "$dir"
    chmod "$mode" "$dir"
  fi
}

# Work out where the cluster lives; sets CJP_PG_DATA, CJP_PG_RUN (socket dir) and CJP_PG_LOG.
cjp_pg_layout() {
  local base
  if cjp_is_root && ! id postgres >/dev/null 2>&1; then
    cjp_die "running as root, but there is no 'postgres' user to own the cluster (initdb refuses root)." \
      "Install PostgreSQL 15 (apt-get install -y --no-install-recommends postgresql-15), which creates it."
  fi
  if [[ -n "${CJP_PG_DATA_DIR:-}" ]]; then
    CJP_PG_DATA="$CJP_PG_DATA_DIR"
    base="$(dirname "$CJP_PG_DATA")"
    CJP_PG_RUN="$base/$(basename "$CJP_PG_DATA")-run"
  else
    base="$CJP_ROOT/.data"
    mkdir -p "$base"
    if cjp_is_root && ! runuser -u postgres -- test -x "$base" 2>/dev/null; then
      local fallback
      fallback="/var/tmp/cjp-portal-$(cjp_hash "$CJP_ROOT")"
      if [[ -z "${_CJP_PG_FALLBACK_NOTED:-}" ]]; then
        cjp_info "note: the postgres user cannot reach $base (directory permissions);"
        cjp_info "      keeping this checkout's cluster in $fallback instead."
        _CJP_PG_FALLBACK_NOTED=1
      fi
      base="$fallback"
      install -d -m 755 "$base"
    fi
    CJP_PG_DATA="$base/postgres"
    CJP_PG_RUN="$base/postgres-run"
  fi
  # A unix socket path must fit in 107 bytes; fall back to a short directory if it wouldn't.
  if ((${#CJP_PG_RUN} + ${#CJP_PG_PORT} + 12 > 100)); then
    CJP_PG_RUN="/tmp/cjp-pg-$(cjp_hash "$CJP_PG_DATA")"
  fi
  CJP_PG_LOG="$CJP_PG_RUN/postgres.log"
  export CJP_PG_DATA CJP_PG_RUN CJP_PG_LOG
}

# PID of this checkout's running server, or nothing. A postmaster.pid whose process is gone, or
# belongs to some other program (PIDs are reused after a crash or container restart), is stale.
_cjp_pg_running_pid() {
  local pidfile="$CJP_PG_DATA/postmaster.pid" pid cwd
  [[ -f "$pidfile" ]] || return 0
  pid="$(head -n 1 "$pidfile" 2>/dev/null || true)"
  [[ "$pid" =~ ^[0-9]+$ ]] || return 0
  [[ -d "/proc/$pid" ]] || return 0
  # A killed server may linger as a zombie until its parent reaps it.
  [[ "$(sed -E 's/^.*\) ([A-Za-z]).*$/\1/' "/proc/$pid/stat" 2>/dev/null)" != Z ]] || return 0
  # The postmaster's working directory is its data directory.
  cwd="$(readlink "/proc/$pid/cwd" 2>/dev/null || true)"
  if [[ -n "$cwd" ]]; then
    [[ "$cwd" == "$(readlink -f "$CJP_PG_DATA")" ]] && echo "$pid"
  elif [[ "$(cat "/proc/$pid/comm" 2>/dev/null)" == postgres ]]; then
    echo "$pid" # can't see its directory (another user's process): assume it is ours
  fi
  return 0
}

# Port the running server was started with (line 4 of postmaster.pid).
_cjp_pg_running_port() {
  sed -n 4p "$CJP_PG_DATA/postmaster.pid" 2>/dev/null || true
}

_cjp_pg_initdb() {
  if [[ -d "$CJP_PG_DATA" ]] && [[ -n "$(ls -A "$CJP_PG_DATA" 2>/dev/null)" ]]; then
    cjp_die "$CJP_PG_DATA is not empty but holds no PostgreSQL cluster (no PG_VERSION)." \
      "Move it away or delete it, then try again."
  fi
  cjp_info "creating a new cluster in $CJP_PG_DATA"
  _cjp_pg_mkdir "$CJP_PG_DATA" 700
  local locale=C
  if locale -a 2>/dev/null | grep -qiE '^C\.utf-?8$'; then
    locale=C.UTF-8
  fi
  if ! _cjp_pg_as_owner "$CJP_PG_BINDIR/initdb" -D "$CJP_PG_DATA" -U "$CJP_PG_USER" \
    --auth=trust --encoding=UTF8 --locale="$locale" --no-instructions >"$CJP_PG_RUN/initdb.log" 2>&1; then
    cat "$CJP_PG_RUN/initdb.log" >&2
    cjp_die "initdb failed (output above)."
  fi
  # Local connections only, no password.
  _cjp_pg_as_owner tee "$CJP_PG_DATA/pg_hba.conf" >/dev/null <<'EOF'
# CJP Portal development cluster: trust local connections only.
# TYPE  DATABASE  USER  ADDRESS        METHOD
local   all       all                  trust
host    all       all   127.0.0.1/32   trust
host    all       all   ::1/128        trust
EOF
  printf "\n# CJP Portal settings, rewritten at each start by scripts/lib/postgres.sh\ninclude_if_exists 'cjp-portal.conf'\n" |
    _cjp_pg_as_owner tee -a "$CJP_PG_DATA/postgresql.conf" >/dev/null
}

_cjp_pg_write_conf() {
  local sockdir="${CJP_PG_RUN//\'/\'\'}"
  _cjp_pg_as_owner tee "$CJP_PG_DATA/cjp-portal.conf" >/dev/null <<EOF
# Written by scripts/lib/postgres.sh at each start; edits are lost.
port = $CJP_PG_PORT
listen_addresses = '127.0.0.1'
unix_socket_directories = '$sockdir'
max_connections = 200
# A throw-away development and test cluster: trade durability for speed.
fsync = off
synchronous_commit = off
full_page_writes = off
EOF
}

_cjp_pg_wait_ready() {
  local isready waited=0
  isready="$(_cjp_pg_tool pg_isready)"
  until "$isready" -q -h 127.0.0.1 -p "$CJP_PG_PORT" -U "$CJP_PG_USER" -d postgres -t 2; do
    if ((waited >= 60)); then
      tail -n 30 "$CJP_PG_LOG" >&2 2>/dev/null || true
      cjp_die "PostgreSQL did not become ready on 127.0.0.1:$CJP_PG_PORT within 60s (log: $CJP_PG_LOG)."
    fi
    sleep 1
    waited=$((waited + 1))
  done
}

# Serialise start/stop between scripts running at the same time in this checkout.
_cjp_pg_lock() {
  _CJP_PG_LOCK_FD=""
  cjp_have flock || return 0
  exec {_CJP_PG_LOCK_FD}>>"$CJP_PG_RUN/.cjp-lock"
  flock -w 120 "$_CJP_PG_LOCK_FD" || cjp_die "timed out waiting for another script to start or stop the cluster"
}
_cjp_pg_unlock() {
  if [[ -n "${_CJP_PG_LOCK_FD:-}" ]]; then
    exec {_CJP_PG_LOCK_FD}>&-
    _CJP_PG_LOCK_FD=""
  fi
}

# With the default port, use the port this checkout's running cluster already has.
_cjp_pg_adopt_running_port() {
  if [[ "$_CJP_PG_PORT_EXPLICIT" == 0 && -n "$(_cjp_pg_running_pid)" ]]; then
    CJP_PG_PORT="$(_cjp_pg_running_port)"
  fi
}

# Start this checkout's cluster if it isn't running; wait until it accepts connections.
cjp_pg_start() {
  cjp_pg_find_bin
  cjp_pg_layout
  _cjp_pg_mkdir "$CJP_PG_RUN" 755
  _cjp_pg_lock
  _cjp_pg_start_locked
  _cjp_pg_unlock
}

_cjp_pg_start_locked() {
  if [[ -d "$CJP_PG_DATA" ]]; then
    _cjp_pg_mkdir "$CJP_PG_DATA" 700 # checks the owner
  fi
  if [[ ! -f "$CJP_PG_DATA/PG_VERSION" ]]; then
    _cjp_pg_initdb
  fi
  local data_version bin_version
  data_version="$(cat "$CJP_PG_DATA/PG_VERSION")"
  bin_version="$("$CJP_PG_BINDIR/pg_ctl" --version | sed -E 's/^[^0-9]*([0-9]+).*/\1/')"
  if [[ "$data_version" != "$bin_version" ]]; then
    cjp_die "$CJP_PG_DATA holds a PostgreSQL $data_version cluster but the binaries in $CJP_PG_BINDIR are version $bin_version." \
      "Install postgresql-$data_version, or delete $CJP_PG_DATA to start afresh."
  fi

  local pid
  pid="$(_cjp_pg_running_pid)"
  if [[ -n "$pid" ]]; then
    local running_port
    running_port="$(_cjp_pg_running_port)"
    if [[ "$running_port" != "$CJP_PG_PORT" && "$_CJP_PG_PORT_EXPLICIT" == 0 ]]; then
      CJP_PG_PORT="$running_port"
    elif [[ "$running_port" != "$CJP_PG_PORT" ]]; then
      cjp_die "this checkout's cluster ($CJP_PG_DATA) is already running on port $running_port, not $CJP_PG_PORT." \
        "Use CJP_PG_PORT=$running_port, or stop it first: bash scripts/lib/postgres.sh stop"
    fi
    _cjp_pg_wait_ready
    cjp_ok "PostgreSQL already running on 127.0.0.1:$CJP_PG_PORT (PID $pid, data $CJP_PG_DATA)"
    return 0
  fi

  # Not running. Clear lock files left behind by a crash (their PIDs may have been reused).
  if [[ -f "$CJP_PG_DATA/postmaster.pid" ]]; then
    cjp_info "removing stale $CJP_PG_DATA/postmaster.pid (its server is not running)"
    rm -f "$CJP_PG_DATA/postmaster.pid"
  fi

  if cjp_port_in_use "$CJP_PG_PORT"; then
    local what="another program"
    if [[ "$_CJP_PG_PORT_EXPLICIT" == 0 ]]; then
      local free=$((CJP_PG_PORT + 1))
      while cjp_port_in_use "$free" && ((free < CJP_PG_PORT + 50)); do free=$((free + 1)); done
      if ! cjp_port_in_use "$free"; then
        cjp_info "port $CJP_PG_PORT is taken (another checkout's cluster?); using port $free for this one"
        cjp_info "(set CJP_PG_PORT to choose the port yourself)"
        CJP_PG_PORT="$free"
      fi
    fi
  fi
  if cjp_port_in_use "$CJP_PG_PORT"; then
    local what="another program"
    if "$(_cjp_pg_tool pg_isready)" -q -h 127.0.0.1 -p "$CJP_PG_PORT" -t 2; then
      what="another PostgreSQL server (not this checkout's cluster in $CJP_PG_DATA)"
    fi
    local free=$((CJP_PG_PORT + 1))
    while cjp_port_in_use "$free" && ((free < CJP_PG_PORT + 50)); do free=$((free + 1)); done
    cjp_die "port $CJP_PG_PORT on 127.0.0.1 is already used by $what." \
      "Choose another port for this checkout's cluster, e.g.: export CJP_PG_PORT=$free"
  fi

  rm -f "$CJP_PG_RUN/.s.PGSQL.$CJP_PG_PORT" "$CJP_PG_RUN/.s.PGSQL.$CJP_PG_PORT.lock"
  _cjp_pg_write_conf
  cjp_info "starting PostgreSQL on 127.0.0.1:$CJP_PG_PORT (data $CJP_PG_DATA, log $CJP_PG_LOG)"
  if ! _cjp_pg_as_owner "$CJP_PG_BINDIR/pg_ctl" -D "$CJP_PG_DATA" -l "$CJP_PG_LOG" -w -t 60 -s start; then
    tail -n 30 "$CJP_PG_LOG" >&2 2>/dev/null || true
    cjp_die "PostgreSQL failed to start (log above: $CJP_PG_LOG)."
  fi
  _cjp_pg_wait_ready
  CJP_PG_STARTED=1
  cjp_ok "PostgreSQL ready on 127.0.0.1:$CJP_PG_PORT"
}

# Stop this checkout's cluster if it is running.
cjp_pg_stop() {
  cjp_pg_find_bin
  cjp_pg_layout
  if [[ ! -f "$CJP_PG_DATA/PG_VERSION" ]]; then
    cjp_info "no cluster in $CJP_PG_DATA; nothing to stop"
    return 0
  fi
  local pid
  pid="$(_cjp_pg_running_pid)"
  if [[ -z "$pid" ]]; then
    cjp_info "PostgreSQL ($CJP_PG_DATA) is not running"
    return 0
  fi
  cjp_info "stopping PostgreSQL (PID $pid, data $CJP_PG_DATA)"
  [[ -d "$CJP_PG_RUN" ]] && _cjp_pg_lock
  if ! _cjp_pg_as_owner "$CJP_PG_BINDIR/pg_ctl" -D "$CJP_PG_DATA" -m fast -w -t 60 -s stop; then
    cjp_die "pg_ctl stop failed; see $CJP_PG_LOG"
  fi
  _cjp_pg_unlock
  cjp_ok "PostgreSQL stopped"
}

cjp_pg_status() {
  cjp_pg_find_bin
  cjp_pg_layout
  _cjp_pg_adopt_running_port
  local pid
  pid="$(_cjp_pg_running_pid)"
  echo "data:    $CJP_PG_DATA$([[ -f "$CJP_PG_DATA/PG_VERSION" ]] || echo ' (not created yet)')"
  echo "sockets: $CJP_PG_RUN"
  echo "log:     $CJP_PG_LOG"
  if [[ -n "$pid" ]]; then
    echo "state:   running (PID $pid) on 127.0.0.1:$(_cjp_pg_running_port)"
  else
    echo "state:   stopped"
    return 3
  fi
}

# Drops database $1 if the hand-written migrations that one generated baseline (InitialSchema) replaced built it: its
# history table has their "MigrationId" column, and the baseline cannot be applied on top. Such a database holds demo
# data only, which the portal seeds again when it migrates.
cjp_pg_drop_pre_baseline_db() {
  local db="$1" psql old
  psql="$(_cjp_pg_tool psql)"
  old="$("$psql" -h 127.0.0.1 -p "$CJP_PG_PORT" -U "$CJP_PG_USER" -d "$db" -Atqc \
    "SELECT 1 FROM information_schema.columns WHERE table_name = '__ef_migrations_history' AND column_name = 'MigrationId'" 2>/dev/null || true)"
  if [[ "$old" == 1 ]]; then
    cjp_warn "database $db was built by the old hand-written migrations; dropping it so the generated baseline can rebuild it (demo data is seeded again)"
    "$psql" -h 127.0.0.1 -p "$CJP_PG_PORT" -U "$CJP_PG_USER" -d postgres -qc "DROP DATABASE \"$db\" WITH (FORCE)"
  fi
}

# Npgsql connection string for a database on this cluster.
cjp_pg_connstr() {
  printf 'Host=127.0.0.1;Port=%s;Username=%s;Database=%s\n' "$CJP_PG_PORT" "$CJP_PG_USER" "$1"
}

_cjp_pg_main() {
  local cmd="${1:-}"
  [[ $# -gt 0 ]] && shift
  case "$cmd" in
    start) cjp_pg_start ;;
    stop) cjp_pg_stop ;;
    restart) cjp_pg_stop && cjp_pg_start ;;
    status) cjp_pg_status ;;
    env)
      cjp_pg_find_bin
      cjp_pg_layout
      _cjp_pg_adopt_running_port
      echo "export CJP_PG_PORT=$CJP_PG_PORT"
      echo "export CJP_TEST_CONNECTION='$(cjp_pg_connstr postgres)'"
      echo "export ConnectionStrings__Default='$(cjp_pg_connstr cjp_dev)'"
      ;;
    psql)
      cjp_pg_find_bin
      cjp_pg_layout
      _cjp_pg_adopt_running_port
      exec "$(_cjp_pg_tool psql)" -h 127.0.0.1 -p "$CJP_PG_PORT" -U "$CJP_PG_USER" "$@"
      ;;
    *)
      echo "usage: bash scripts/lib/postgres.sh start|stop|restart|status|env|psql [psql args]" >&2
      echo "       (port: CJP_PG_PORT, default 5433 or the next free one)" >&2
      return 2
      ;;
  esac
}

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
  set -euo pipefail
  _cjp_pg_main "$@"
fi
