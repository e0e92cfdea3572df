#!/usr/bin/env bash
# Throughput benchmark: dynamic pages against a static file of the same size, same server.
#
#   bash bench/run.sh
#
# Publishes the portal in Release to bench/.out, migrates and seeds a demo database (cjp_bench)
# on this checkout's PostgreSQL cluster, starts the portal in Production mode on
# http://127.0.0.1:5090, then runs wrk against each page and against bench-static.html (a copy
# of /partnerships/falkirk written into the published wwwroot, so it has the same byte size).
# Prints requests/s, p95 and p99 latency and the dynamic/static requests/s ratio; raw output goes to
# bench/results/<timestamp>/. See bench/README.md.
#
# Environment: CJP_BENCH_PORT (5090), CJP_BENCH_DURATION (15s), CJP_BENCH_WARMUP (3s),
# CJP_BENCH_THREADS (2), CJP_BENCH_CONNECTIONS (32), CJP_BENCH_PAGES (space-separated paths),
# CJP_BENCH_NO_PUBLISH=1 (measure the last publish in bench/.out again),
# CJP_BENCH_SEED_SQL (an SQL file applied after migrate), CJP_BENCH_SIGN_IN (a demo account's e-mail) with
# CJP_BENCH_SIGNED_IN_PAGES (the pages, and their static copies, requested signed in as it), CJP_PG_PORT (5433).
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
duration="${CJP_BENCH_DURATION:-15s}"
warmup="${CJP_BENCH_WARMUP:-3s}"
threads="${CJP_BENCH_THREADS:-2}"
connections="${CJP_BENCH_CONNECTIONS:-32}"
read -r -a pages <<<"${CJP_BENCH_PAGES:-/partnerships/falkirk /directory}"
out="$CJP_ROOT/bench/.out"
results="$CJP_ROOT/bench/results/$(date -u +%Y%m%dT%H%M%SZ)"

if ! cjp_have wrk; then
  cjp_warn "wrk is not installed (apt-get install wrk); trying to install it"
fi
cjp_prereqs bench
cjp_have wrk || cjp_die "wrk is required: apt-get install wrk"
if cjp_port_in_use "$port"; then
  cjp_die "port $port is already in use; stop that program or set CJP_BENCH_PORT."
fi
mkdir -p "$results"

server_pid=""
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
  if [[ "$CJP_PG_STARTED" == 1 ]]; then
    cjp_pg_stop >/dev/null 2>&1 || true
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

cjp_step "Starting PostgreSQL"
cjp_pg_start
cjp_pg_drop_pre_baseline_db cjp_bench

if [[ "${CJP_BENCH_NO_PUBLISH:-}" == 1 && -x "$out/CjpPortal.Web" ]]; then
  cjp_info "CJP_BENCH_NO_PUBLISH=1: measuring the last publish in bench/.out again"
else
  cjp_step "Publishing the portal (Release) to bench/.out"
  rm -rf "$out"
  # As the Dockerfile publishes it (self-contained, composite ReadyToRun; a few minutes), started with its apphost.
  dotnet publish src/CjpPortal.Web/CjpPortal.Web.csproj -c Release -o "$out" -nologo -v quiet
fi

export ASPNETCORE_ENVIRONMENT=Production
export Portal__DemoMode=true
export Portal__DisableHttpsRedirection=true
# Production refuses to start without the address e-mailed links point at.
export Portal__BaseUrl="$base"
# CJP_BENCH_OUTPUT_CACHE=false measures the pages rendered on every request (no output cache).
export Portal__EnableOutputCache="${CJP_BENCH_OUTPUT_CACHE:-true}"
export ConnectionStrings__Default
ConnectionStrings__Default="$(cjp_pg_connstr cjp_bench)"

cjp_step "Migrating and seeding database cjp_bench (demo data)"
(cd "$out" && ./CjpPortal.Web migrate) >"$results/migrate.log" 2>&1 ||
  {
    tail -n 30 "$results/migrate.log" >&2
    cjp_die "the migrate command failed (log: $results/migrate.log)"
  }

if [[ -n "${CJP_BENCH_SEED_SQL:-}" ]]; then
  cjp_step "Loading $CJP_BENCH_SEED_SQL into cjp_bench"
  "$(_cjp_pg_tool psql)" -h 127.0.0.1 -p "$CJP_PG_PORT" -U "$CJP_PG_USER" -d cjp_bench -v ON_ERROR_STOP=1 -q \
    -f "$CJP_BENCH_SEED_SQL" >"$results/seed.log" 2>&1 ||
    {
      cat "$results/seed.log" >&2
      cjp_die "loading $CJP_BENCH_SEED_SQL failed"
    }
  # The seed deletes the previous run's rows and inserts its own: vacuumed now, the run measures the steady state (no
  # dead rows for index scans to step over, visibility map set) rather than whenever autovacuum gets to the tables.
  "$(_cjp_pg_tool psql)" -h 127.0.0.1 -p "$CJP_PG_PORT" -U "$CJP_PG_USER" -d cjp_bench -v ON_ERROR_STOP=1 -q \
    -c "VACUUM ANALYZE" >>"$results/seed.log" 2>&1 || cjp_die "VACUUM ANALYZE after the seed failed (log: $results/seed.log)"
fi

cjp_step "Starting the portal on $base"
# wwwroot must exist at start-up for the static file added below to be served.
mkdir -p "$out/wwwroot"
rm -f "$out"/wwwroot/bench-static-*.html
(cd "$out" && exec ./CjpPortal.Web --urls "$base") >"$results/server.log" 2>&1 &
server_pid=$!
if ! cjp_wait_http "$base/health/ready" 120 "$server_pid"; then
  tail -n 30 "$results/server.log" >&2
  cjp_die "the portal did not become ready at $base/health/ready (log: $results/server.log)"
fi
cjp_ok "ready (PID $server_pid)"

# Signed-in pages: sign in once through the real pages and send the same cookies with every request.
cookie=""
read -r -a signed_in_pages <<<"${CJP_BENCH_SIGNED_IN_PAGES:-}"
if [[ -n "${CJP_BENCH_SIGN_IN:-}" ]]; then
  cjp_step "Signing in as $CJP_BENCH_SIGN_IN"
  cookie="$(/usr/bin/python3 "$CJP_ROOT/bench/lib/sign-in.py" "$base" "$CJP_BENCH_SIGN_IN" "$results/migrate.log" "$results/server.log")" ||
    cjp_die "could not sign in as $CJP_BENCH_SIGN_IN"
fi
# auth_for PATH -> sets auth: the Cookie header arguments for PATH (empty for anonymous pages)
auth_for() {
  auth=()
  local page
  for page in "${signed_in_pages[@]}"; do
    if [[ -n "$cookie" && "$page" == "$1" ]]; then
      auth=(-H "Cookie: $cookie")
    fi
  done
}

# The static file: a copy of the reference page, so it has exactly the same size.
# A static copy of each page, byte for byte, served by the same server: the baseline for that page.
declare -A static_of
i=0
for path in "${pages[@]}"; do
  i=$((i + 1))
  name="bench-static-$i.html"
  auth_for "$path"
  status="$(curl -sS "${auth[@]}" -o "$results/reference-$i.html" -w '%{http_code}' "$base$path")"
  if [[ "$status" != 200 ]]; then
    cjp_die "GET $path answered $status, not 200; is the page there (and public)?"
  fi
  cp "$results/reference-$i.html" "$out/wwwroot/$name"
  static_size="$(wc -c <"$out/wwwroot/$name")"
  read -r status served_size < <(curl -sS -o /dev/null -w '%{http_code} %{size_download}\n' "$base/$name")
  if [[ "$status" != 200 || "$served_size" != "$static_size" ]]; then
    cjp_die "GET /$name answered $status with $served_size bytes; expected 200 with $static_size bytes." \
      "The portal should serve files from its wwwroot (UseStaticFiles)."
  fi
  static_of[$path]="/$name"
  # The static copy is requested the way its page is, so both carry the same headers.
  if [[ -n "$cookie" ]] && [[ " ${signed_in_pages[*]} " == *" $path "* ]]; then
    signed_in_pages+=("/$name")
  fi
done

to_ms() {
  awk -v v="$1" 'BEGIN {
    n = v + 0; u = v; sub(/^[0-9.]+/, "", u)
    if (u == "us") n /= 1000; else if (u == "s") n *= 1000; else if (u == "m") n *= 60000
    printf "%.2f", n }'
}

# run_wrk PATH NAME -> sets rps, p95, p99, errors
run_wrk() {
  local path="$1" raw="$results/wrk-$2.txt"
  auth_for "$path"
  cjp_info "warm-up $warmup: $path"
  wrk -t"$threads" -c"$connections" -d"$warmup" "${auth[@]}" "$base$path" >/dev/null
  cjp_info "measure $duration: $path"
  # Signed in: a script that takes the renewed session cookie, as a browser would (see bench/lib/signed-in.lua).
  local script="$CJP_ROOT/bench/lib/p95.lua"
  if [[ ${#auth[@]} -gt 0 ]]; then
    script="$CJP_ROOT/bench/lib/signed-in.lua"
  fi
  wrk -t"$threads" -c"$connections" -d"$duration" --latency -s "$script" "${auth[@]}" "$base$path" >"$raw"
  rps="$(awk '/^Requests\/sec:/ { print $2 }' "$raw")"
  p95="$(awk '$1 == "p95-us:" { printf "%.2f", $2 / 1000 }' "$raw")"
  p99="$(to_ms "$(awk '$1 == "99%" { print $2 }' "$raw")")"
  errors="$(awk '/Non-2xx or 3xx responses:/ { n += $NF } /Socket errors:/ { for (i = 4; i <= NF; i += 2) n += $i + 0 } END { print n + 0 }' "$raw")"
}

cjp_step "Benchmarking (wrk -t$threads -c$connections -d$duration --latency)"
declare -A page_rps page_p95 page_p99 page_err page_size
measured=()
for path in "${pages[@]}"; do
  measured+=("$path" "${static_of[$path]}")
done
for path in "${measured[@]}"; do
  run_wrk "$path" "$(printf '%s' "$path" | tr -c 'A-Za-z0-9_-' '_' | sed 's/^_*//')"
  page_rps[$path]="$rps"
  page_p95[$path]="$p95"
  page_p99[$path]="$p99"
  page_err[$path]="$errors"
  auth_for "$path"
  page_size[$path]="$(curl -sS "${auth[@]}" "$base$path" | wc -c)"
done

{
  echo "CJP Portal benchmark, $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
  echo "wrk -t$threads -c$connections -d$duration --latency, $(nproc) cores, server and wrk on the same machine"
  echo "output cache: ${Portal__EnableOutputCache}; signed in as ${CJP_BENCH_SIGN_IN:-nobody} for: ${signed_in_pages[*]:-none}; seed: ${CJP_BENCH_SEED_SQL:-demo data}"
  echo
  printf '%-28s %8s %12s %10s %10s %10s %8s\n' page bytes 'req/s' 'p95 ms' 'p99 ms' 'vs static' errors
  for path in "${measured[@]}"; do
    static="${static_of[$path]:-$path}"
    printf '%-28s %8s %12s %10s %10s %10s %8s\n' "$path" "${page_size[$path]}" "${page_rps[$path]}" "${page_p95[$path]}" "${page_p99[$path]}" \
      "$(awk -v a="${page_rps[$path]}" -v b="${page_rps[$static]}" 'BEGIN { printf (b > 0 ? "%.3f" : "n/a"), a / (b > 0 ? b : 1) }')" \
      "${page_err[$path]}"
  done
} | tee "$results/summary.txt"

echo
cjp_ok "raw wrk output, logs and summary: ${results#"$CJP_ROOT"/}/"
for path in "${pages[@]}"; do
  if [[ "${page_err[$path]}" != 0 ]]; then
    cjp_warn "$path had ${page_err[$path]} errors or non-2xx responses; its numbers are not comparable"
  fi
done
