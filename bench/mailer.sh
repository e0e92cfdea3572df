#!/usr/bin/env bash
# Mail throughput: 10,000 queued messages delivered by the outbox dispatcher into aiosmtpd on this machine
# (messages/s, and the time until the outbox is empty), beside a bare MailKit sender (one connection, the same
# messages) sending 10,000 to the same server in the same run. The ratio dispatcher/bare is the figure (goal >= 0.5).
#
#   bash bench/mailer.sh
#
# Builds bench/mailer (a small console driver referencing Core) in Release, starts this checkout's PostgreSQL cluster
# and aiosmtpd (python3-aiosmtpd, Maildir handler) on a free port, and runs the driver: per run, queue N rows (not
# timed), time SendDueAsync until the outbox is empty, and time the bare sender; the two alternate which goes first.
# Prints each run and the medians; the CSV and aiosmtpd's log go to bench/results/<timestamp>-mailer/.
#
# Environment: CJP_MAILER_MESSAGES (10000), CJP_MAILER_RUNS (3), CJP_MAILER_BATCH (the dispatcher's batch size, 50 as
# configured by default), CJP_MAILER_MODE (unset: N queued rows; fanout: one broadcast to N confirmed subscribers,
# expanded by the fan-out job while the dispatcher sends), CJP_PG_PORT (5433).
set -euo pipefail

# shellcheck source=scripts/lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/lib/common.sh"
# shellcheck source=scripts/lib/prereqs.sh
source "$CJP_ROOT/scripts/lib/prereqs.sh"
# shellcheck source=scripts/lib/postgres.sh
source "$CJP_ROOT/scripts/lib/postgres.sh"

cd "$CJP_ROOT"
messages="${CJP_MAILER_MESSAGES:-10000}"
runs="${CJP_MAILER_RUNS:-3}"
[[ "$messages" =~ ^[1-9][0-9]*$ ]] || cjp_die "CJP_MAILER_MESSAGES must be a positive whole number (got '$messages')"
[[ "$runs" =~ ^[1-9][0-9]*$ ]] || cjp_die "CJP_MAILER_RUNS must be a positive whole number (got '$runs')"
results="$CJP_ROOT/bench/results/$(date -u +%Y%m%dT%H%M%SZ)-mailer"
maildir="$(mktemp -d /tmp/cjp-mailer-bench.XXXXXX)"

cjp_prereqs run
cjp_ensure_packages python3-aiosmtpd
mkdir -p "$results"

smtp_pid=""
cleanup() {
  if [[ -n "$smtp_pid" ]] && kill -0 "$smtp_pid" 2>/dev/null; then
    kill -TERM "$smtp_pid" 2>/dev/null || true
    wait "$smtp_pid" 2>/dev/null || true
  fi
  rm -rf "$maildir"
  if [[ "$CJP_PG_STARTED" == 1 ]]; then
    cjp_pg_stop >/dev/null 2>&1 || true
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

cjp_step "Starting PostgreSQL"
cjp_pg_start

cjp_step "Building the driver (bench/mailer, Release)"
dotnet build bench/mailer/MailerBench.csproj -c Release -o bench/.out/mailer --nologo -v quiet >"$results/build.log" 2>&1 \
  || { cat "$results/build.log"; cjp_die "the driver did not build"; }

port="$(/usr/bin/python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
cjp_step "Starting aiosmtpd on 127.0.0.1:$port (Maildir $maildir)"
/usr/bin/python3 -m aiosmtpd -n -l "127.0.0.1:$port" -c aiosmtpd.handlers.Mailbox "$maildir/Maildir" >"$results/aiosmtpd.log" 2>&1 &
smtp_pid=$!
for _ in $(seq 1 200); do
  (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break
  sleep 0.1
done

cjp_step "Sending $messages messages per sender, $runs runs"
db=cjp_bench_mailer
"$(_cjp_pg_tool psql)" -h 127.0.0.1 -p "$CJP_PG_PORT" -U "$CJP_PG_USER" -d postgres -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)"
dotnet bench/.out/mailer/MailerBench.dll "$(cjp_pg_connstr "$db")" "$port" "$messages" "$runs" | tee "$results/runs.csv"

received="$(find "$maildir/Maildir/new" -type f | wc -l)"
expected=$((2 * messages * runs))
[[ "$received" == "$expected" ]] || cjp_die "aiosmtpd saved $received messages, expected $expected"

{
  echo "revision: $(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet HEAD 2>/dev/null || echo ' (with uncommitted changes)')"
  echo "messages per sender and run: $messages; runs: $runs; saved by aiosmtpd: $received"
  awk -F, 'NR > 1 { rate[$2] = rate[$2] " " $5; secs[$2] = secs[$2] " " $4 }
    function median(list,   n, a, i, j, t) { n = split(list, a, " "); for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] + 0 < a[i] + 0) { t = a[i]; a[i] = a[j]; a[j] = t }; return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2 }
    END {
      d = median(rate["dispatcher"]); b = median(rate["bare"])
      printf "dispatcher: median %.1f messages/s, median %.2f s until the outbox was empty\n", d, median(secs["dispatcher"])
      printf "bare MailKit: median %.1f messages/s\n", b
      printf "ratio dispatcher/bare: %.2f (goal >= 0.5)\n", d / b
    }' "$results/runs.csv"
} | tee "$results/summary.txt"
