#!/usr/bin/env bash
# Cold start: how long after the published portal (./CjpPortal.Web) starts the first partnership page answers,
# against a bare `dotnet new web` app started the same way on the same machine, in the same run.
#
#   bash bench/coldstart.sh
#
# Publishes the portal in Release to bench/.out/coldstart/portal, migrates and seeds a demo database
# (cjp_bench) on this checkout's PostgreSQL cluster, creates a bare app with `dotnet new web` in
# bench/.out/coldstart/bare-src (its MapGet moved from / to /partnerships/falkirk, so both answer the
# same URL) and publishes it in Release. Then, run after run, alternately: start a fresh process, poll
# GET /partnerships/falkirk every ~20 ms with curl, stop the clock at the first 200, stop the process.
# Prints min/median/max for both and the ratio of the medians; per-run figures and logs go to
# bench/results/<timestamp>-coldstart/. See bench/README.md.
#
# Environment: CJP_COLDSTART_RUNS (7 counted runs of each), CJP_COLDSTART_WARMUP (1 uncounted run of
# each first), CJP_COLDSTART_PORT (5091), CJP_COLDSTART_PATH (/partnerships/falkirk),
# CJP_COLDSTART_TIMEOUT (60 s for one start), CJP_COLDSTART_NO_PUBLISH=1 (reuse the last publish),
# CJP_PG_PORT (5433).
set -euo pipefail

# shellcheck source=scripts/lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/lib/common.sh"
# shellcheck source=scripts/lib/prereqs.sh
source "$CJP_ROOT/scripts/lib/prereqs.sh"
# shellcheck source=scripts/lib/postgres.sh
source "$CJP_ROOT/scripts/lib/postgres.sh"

cd "$CJP_ROOT"
runs="${CJP_COLDSTART_RUNS:-7}"
warmup="${CJP_COLDSTART_WARMUP:-1}"
port="${CJP_COLDSTART_PORT:-5091}"
path="${CJP_COLDSTART_PATH:-/partnerships/falkirk}"
timeout="${CJP_COLDSTART_TIMEOUT:-60}"
base="http://127.0.0.1:$port"
out="$CJP_ROOT/bench/.out/coldstart"
results="$CJP_ROOT/bench/results/$(date -u +%Y%m%dT%H%M%SZ)-coldstart"

[[ "$runs" =~ ^[1-9][0-9]*$ ]] || cjp_die "CJP_COLDSTART_RUNS must be a positive whole number (got '$runs')"
[[ "$warmup" =~ ^[0-9]+$ ]] || cjp_die "CJP_COLDSTART_WARMUP must be a whole number (got '$warmup')"

cjp_prereqs run
cjp_ensure_packages curl
if cjp_port_in_use "$port"; then
  cjp_die "port $port is already in use; stop that program or set CJP_COLDSTART_PORT."
fi
mkdir -p "$results"
# Taken now: the source is published below, and may be edited while the runs go on.
revision="$(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet HEAD 2>/dev/null || echo ' (with uncommitted changes)')"

app_pid=""
stop_app() {
  if [[ -n "$app_pid" ]] && kill -0 "$app_pid" 2>/dev/null; then
    kill -TERM "$app_pid" 2>/dev/null || true
    local _
    for _ in $(seq 1 100); do
      kill -0 "$app_pid" 2>/dev/null || break
      sleep 0.1
    done
    kill -KILL "$app_pid" 2>/dev/null || true
  fi
  if [[ -n "$app_pid" ]]; then
    wait "$app_pid" 2>/dev/null || true
  fi
  app_pid=""
}
cleanup() {
  stop_app
  if [[ "$CJP_PG_STARTED" == 1 ]]; then
    cjp_pg_stop >/dev/null 2>&1 || true
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

cjp_step "Starting PostgreSQL"
cjp_pg_start

if [[ "${CJP_COLDSTART_NO_PUBLISH:-}" == 1 && -x "$out/portal/CjpPortal.Web" && -f "$out/bare/ColdStartBare.dll" ]]; then
  cjp_step "Reusing the last publish in bench/.out/coldstart (CJP_COLDSTART_NO_PUBLISH=1)"
else
  rm -rf "$out"
  mkdir -p "$out"

  cjp_step "Publishing the portal (Release) to bench/.out/coldstart/portal"
  # As the Dockerfile publishes it: self-contained, one composite ReadyToRun image (CjpPortal.Web.csproj), started
  # with its apphost. This takes a few minutes: the runtime is compiled too.
  dotnet publish src/CjpPortal.Web/CjpPortal.Web.csproj -c Release -o "$out/portal" -nologo -v quiet

  cjp_step "Creating and publishing a bare app (dotnet new web, Release) to bench/.out/coldstart/bare"
  bare_src="$out/bare-src"
  mkdir -p "$bare_src"
  # Empty MSBuild and NuGet files stop the search upwards, so the bare app is built as `dotnet new web`
  # makes it, not with this repository's analyzers, central package versions and lock files.
  for file in Directory.Build.props Directory.Build.targets Directory.Packages.props; do
    echo '<Project />' >"$bare_src/$file"
  done
  dotnet new web -n ColdStartBare -o "$bare_src" --no-restore >"$results/bare-new.log" 2>&1 ||
    {
      cat "$results/bare-new.log" >&2
      cjp_die "dotnet new web failed"
    }
  # The template maps "/"; the same URL as the portal's page keeps the two polling loops identical.
  sed -i 's|MapGet("/",|MapGet("'"$path"'",|' "$bare_src/Program.cs"
  grep -qF "MapGet(\"$path\"" "$bare_src/Program.cs" ||
    cjp_die "could not point the bare app's MapGet at $path; see $bare_src/Program.cs"
  dotnet publish "$bare_src/ColdStartBare.csproj" -c Release -o "$out/bare" -p:UseAppHost=false -nologo -v quiet
fi

export ASPNETCORE_ENVIRONMENT=Production
export Portal__DemoMode=true
export Portal__DisableHttpsRedirection=true
# Production refuses to start without the address e-mailed links point at.
export Portal__BaseUrl="$base"
export ConnectionStrings__Default
ConnectionStrings__Default="$(cjp_pg_connstr cjp_bench)"

cjp_step "Migrating and seeding database cjp_bench (demo data)"
cjp_pg_drop_pre_baseline_db cjp_bench
(cd "$out/portal" && ./CjpPortal.Web migrate) >"$results/migrate.log" 2>&1 ||
  {
    tail -n 30 "$results/migrate.log" >&2
    cjp_die "the migrate command failed (log: $results/migrate.log)"
  }

now_ns() { date +%s%N; }

# start_once NAME DIR LOG COMMAND... -> sets elapsed_ms; fails if the app exits or does not answer 200 in time.
start_once() {
  local name="$1" dir="$2" log="$3" page="$results/$1-page.html" status started deadline
  shift 3
  if cjp_port_in_use "$port"; then
    cjp_die "port $port is still in use before starting $name; is an earlier process still running?"
  fi
  started="$(now_ns)"
  (cd "$dir" && exec "$@" --urls "$base") >"$log" 2>&1 &
  app_pid=$!
  deadline=$((started + timeout * 1000000000))
  while :; do
    status="$(curl -s -o "$page" -w '%{http_code}' --max-time "$timeout" "$base$path" 2>/dev/null || true)"
    if [[ "$status" == 200 ]]; then
      elapsed_ms=$((($(now_ns) - started) / 1000000))
      break
    fi
    if ! kill -0 "$app_pid" 2>/dev/null; then
      tail -n 30 "$log" >&2
      cjp_die "$name exited before answering $path (log: $log)"
    fi
    if (($(now_ns) > deadline)); then
      tail -n 30 "$log" >&2
      cjp_die "$name did not answer $path with 200 within ${timeout}s (last status $status; log: $log)"
    fi
    # Anything but "connection refused" means the server is up: a 4xx/5xx will not turn into a 200.
    if [[ "$status" != 000 ]]; then
      tail -n 30 "$log" >&2
      cjp_die "$name answered $path with $status, not 200 (log: $log)"
    fi
    sleep 0.02
  done
  stop_app
}

declare -a portal_ms=() bare_ms=()
echo "run,app,ms" >"$results/runs.csv"
total=$((warmup + runs))
cjp_step "Measuring: $warmup warm-up and $runs counted starts of each, alternating (GET $path, every ~20 ms)"
for i in $(seq 1 "$total"); do
  label="run $((i - warmup))"
  ((i <= warmup)) && label="warm-up $i"
  # Alternate which goes first, so neither always follows the other's exit.
  order=(bare portal)
  ((i % 2 == 0)) && order=(portal bare)
  line="$label:"
  for app in "${order[@]}"; do
    if [[ "$app" == portal ]]; then
      start_once portal "$out/portal" "$results/portal-$i.log" ./CjpPortal.Web
    else
      start_once bare "$out/bare" "$results/bare-$i.log" dotnet ColdStartBare.dll
    fi
    line+=" $app ${elapsed_ms} ms"
    if ((i > warmup)); then
      echo "$((i - warmup)),$app,$elapsed_ms" >>"$results/runs.csv"
      if [[ "$app" == portal ]]; then portal_ms+=("$elapsed_ms"); else bare_ms+=("$elapsed_ms"); fi
    fi
  done
  cjp_info "$line"
done

grep -q 'Falkirk' "$results/portal-page.html" ||
  cjp_die "the portal's $path answered 200 without the word Falkirk; see $results/portal-page.html"

# stats MS... -> "min median max" (median of an even count: the mean of the middle two)
stats() {
  printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END {
    m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
    printf "%d %d %d\n", v[1], m, v[NR] }'
}
read -r p_min p_med p_max < <(stats "${portal_ms[@]}")
read -r b_min b_med b_max < <(stats "${bare_ms[@]}")
# The runs alternate, so run k of each is a pair taken moments apart; their ratios' median is less
# sensitive to the machine's speed drifting during the run than the ratio of the two medians.
pair_median="$(awk -F, 'NR > 1 { ms[$1, $2] = $3; n = ($1 + 0 > n ? $1 + 0 : n) } END {
  for (k = 1; k <= n; k++) print ms[k, "portal"] / ms[k, "bare"] }' "$results/runs.csv" | sort -g | awk '{ v[NR] = $1 } END {
  printf "%.2f", (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }')"

{
  echo "CJP Portal cold start, $(date -u '+%Y-%m-%d %H:%M UTC'), commit $revision"
  echo "process start until the first 200 from GET $path; $runs runs of each after $warmup warm-up, alternating;"
  echo "$(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); dotnet $(dotnet --version)"
  echo
  printf '%-34s %8s %8s %8s\n' '' 'min ms' 'median' 'max ms'
  printf '%-34s %8s %8s %8s\n' 'portal (./CjpPortal.Web)' "$p_min" "$p_med" "$p_max"
  printf '%-34s %8s %8s %8s\n' 'bare app (dotnet new web)' "$b_min" "$b_med" "$b_max"
  echo
  echo "ratio of medians (portal / bare): $(awk -v a="$p_med" -v b="$b_med" 'BEGIN { printf "%.2f", a / b }')x"
  echo "median of per-run ratios:         ${pair_median}x"
} | tee "$results/summary.txt"

echo
cjp_ok "per-run figures, logs and summary: ${results#"$CJP_ROOT"/}/"
