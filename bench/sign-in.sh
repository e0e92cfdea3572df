#!/usr/bin/env bash
# Sign-in timing: does the time a refused sign-in takes tell whether the address has an account?
#
#   bash bench/sign-in.sh
#
# Publishes the portal in Release to bench/.out, starts it in Production mode on http://127.0.0.1:5090 against a
# demo database (cjp_bench_sign_in, with the demo accounts), and posts the sign-in form with a wrong password for:
# an address with no account, a real account (lockout turned off for it so it never locks), a locked-out account
# and an account that has no password yet. The requests take turns, one at a time, so each category sees the same
# machine load. Prints the median, 10th and 90th percentile times per category and each median's ratio to the
# real account's; raw times go to bench/results/<timestamp>-sign-in/. See bench/README.md.
#
# Environment: CJP_BENCH_PORT (5090), CJP_BENCH_SAMPLES (50 per category), CJP_BENCH_WARMUP_SAMPLES (5),
# CJP_PG_PORT (5433).
set -euo pipefail

# shellcheck source=scripts/lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/lib/common.sh"
# shellcheck source=scripts/lib/prereqs.sh
source "$CJP_ROOT/scripts/lib/prereqs.sh"
# shellcheck source=scripts/lib/postgres.sh
source "$CJP_ROOT/scripts/lib/postgres.sh"

cd "$CJP_ROOT"
port="${CJP_BENCH_PORT:-5090}"
base="http://127.0.0.1:$port"
samples="${CJP_BENCH_SAMPLES:-50}"
warmup="${CJP_BENCH_WARMUP_SAMPLES:-5}"
database=cjp_bench_sign_in
out="$CJP_ROOT/bench/.out"
results="$CJP_ROOT/bench/results/$(date -u +%Y%m%dT%H%M%SZ)-sign-in"

cjp_step "Checking prerequisites (bench)"
cjp_require_dotnet
cjp_require_node
cjp_ensure_packages postgresql-15 curl
if cjp_port_in_use "$port"; then
  cjp_die "port $port is already in use; stop that program or set CJP_BENCH_PORT."
fi
mkdir -p "$results"

server_pid=""
work=""
cleanup() {
  if [[ -n "$server_pid" ]] && kill -0 "$server_pid" 2>/dev/null; then
    cjp_info "stopping the portal (PID $server_pid)"
    kill -TERM "$server_pid" 2>/dev/null || true
    local _
    for _ in $(seq 1 20); do
      kill -0 "$server_pid" 2>/dev/null || break
      sleep 0.5
    done
    kill -KILL "$server_pid" 2>/dev/null || true
  fi
  [[ -n "$work" ]] && rm -rf "$work"
  if [[ "$CJP_PG_STARTED" == 1 ]]; then
    cjp_pg_stop >/dev/null 2>&1 || true
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

cjp_step "Starting PostgreSQL"
cjp_pg_start
psql_bench() {
  "$(_cjp_pg_tool psql)" -h 127.0.0.1 -p "$CJP_PG_PORT" -U "$CJP_PG_USER" -v ON_ERROR_STOP=1 -qAt "$@"
}

cjp_step "Publishing the portal (Release) to bench/.out"
rm -rf "$out"
# As the Dockerfile publishes it (self-contained, composite ReadyToRun; a few minutes), started with its apphost.
dotnet publish src/CjpPortal.Web/CjpPortal.Web.csproj -c Release -o "$out" -nologo -v quiet

export ASPNETCORE_ENVIRONMENT=Production
export Portal__DemoMode=true
export Portal__DisableHttpsRedirection=true
export Portal__BaseUrl="$base"
# Migrating at start-up also creates the demo accounts, whose addresses are used below.
export Portal__MigrateOnStartup=true
# The sign-in rate limit (10 posts a minute per address) would refuse most of the samples.
export Portal__AccountFormPostsPerMinute=1000000
export ConnectionStrings__Default
ConnectionStrings__Default="$(cjp_pg_connstr "$database")"

cjp_step "Starting the portal on $base (database $database)"
(cd "$out" && exec ./CjpPortal.Web --urls "$base") >"$results/server.log" 2>&1 &
server_pid=$!
if ! cjp_wait_http "$base/health/ready" 180 "$server_pid"; then
  tail -n 30 "$results/server.log" >&2
  cjp_die "the portal did not become ready at $base/health/ready (log: $results/server.log)"
fi
cjp_ok "ready (PID $server_pid)"

known=admin@example.org
locked=cjs.staff@example.org
no_password=coordinator@example.org
unknown="nobody-$(date +%s)@example.org"
# The real account never locks however many wrong passwords it gets; the locked one stays locked for the run; the
# third loses its password, as an invited account that has not been set up yet.
accounts="$(psql_bench -d "$database" -c "
  UPDATE users SET lockout_enabled = false, lockout_end = NULL, access_failed_count = 0 WHERE normalized_email = upper('$known');
  UPDATE users SET lockout_enabled = true, lockout_end = now() + interval '1 day' WHERE normalized_email = upper('$locked');
  UPDATE users SET password_hash = NULL, lockout_enabled = false WHERE normalized_email = upper('$no_password');
  SELECT count(*) FROM users WHERE normalized_email IN (upper('$known'), upper('$locked'), upper('$no_password'));")"
if [[ "$accounts" != 3 ]]; then
  cjp_die "expected the 3 demo accounts in $database, found $accounts (log: $results/server.log)"
fi

work="$(mktemp -d)"
jar="$work/cookies"
form="$(curl -sS -c "$jar" "$base/account/sign-in")"
token="$(printf '%s' "$form" | sed -n 's/.*name="__RequestVerificationToken"[^>]*value="\([^"]*\)".*/\1/p' | head -n 1)"
[[ -n "$token" ]] || cjp_die "no antiforgery token on $base/account/sign-in"

# sign_in EMAIL -> prints "STATUS SECONDS"
sign_in() {
  curl -sS -o /dev/null -b "$jar" -w '%{http_code} %{time_total}\n' \
    --data-urlencode "Email=$1" \
    --data-urlencode "Password=certainly not the password" \
    --data-urlencode "__RequestVerificationToken=$token" \
    "$base/account/sign-in"
}

names=(unknown known locked no-password)
declare -A email_of=([unknown]="$unknown" [known]="$known" [locked]="$locked" [no-password]="$no_password")
declare -A label_of=(
  [unknown]="address with no account"
  [known]="real account, wrong password"
  [locked]="locked-out account"
  [no-password]="account without a password yet"
)

cjp_step "Warming up ($warmup sign-ins per category)"
for _ in $(seq 1 "$warmup"); do
  for name in "${names[@]}"; do
    sign_in "${email_of[$name]}" >/dev/null
  done
done

cjp_step "Measuring ($samples sign-ins per category, taking turns)"
errors=0
for _ in $(seq 1 "$samples"); do
  for name in "${names[@]}"; do
    read -r status seconds < <(sign_in "${email_of[$name]}")
    # A refused sign-in re-renders the form with 400; anything else means the numbers measure something else.
    if [[ "$status" != 400 ]]; then
      errors=$((errors + 1))
    fi
    printf '%s %s %s\n' "$name" "$status" "$seconds" >>"$results/samples.txt"
  done
done

# percentile NAME P -> milliseconds (nearest rank)
percentile() {
  awk -v n="$1" '$1 == n { print $3 * 1000 }' "$results/samples.txt" | sort -n |
    awk -v p="$2" '{ v[NR] = $1 } END { r = int(p * NR + 0.999999); if (r < 1) r = 1; printf "%.1f", v[r] }'
}

declare -A median_of
for name in "${names[@]}"; do
  median_of[$name]="$(percentile "$name" 0.5)"
done

{
  echo "CJP Portal sign-in timing, $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
  echo "$samples wrong-password sign-ins per category, one at a time, curl and server on the same machine ($(nproc) cores)"
  echo
  printf '%-34s %10s %8s %8s %10s\n' category 'median ms' 'p10 ms' 'p90 ms' 'vs real'
  for name in "${names[@]}"; do
    printf '%-34s %10s %8s %8s %10s\n' "${label_of[$name]}" "${median_of[$name]}" \
      "$(percentile "$name" 0.1)" "$(percentile "$name" 0.9)" \
      "$(awk -v a="${median_of[$name]}" -v b="${median_of[known]}" 'BEGIN { printf (b > 0 ? "%.2f" : "n/a"), a / (b > 0 ? b : 1) }')"
  done
  echo
  echo "median ratio, no account / real account: $(awk -v a="${median_of[unknown]}" -v b="${median_of[known]}" 'BEGIN { printf "%.2f", a / b }')"
  echo "responses other than 400: $errors"
} | tee "$results/summary.txt"

echo
cjp_ok "raw times, server log and summary: ${results#"$CJP_ROOT"/}/"
if [[ "$errors" != 0 ]]; then
  cjp_warn "$errors responses were not 400; the numbers are not comparable"
fi
