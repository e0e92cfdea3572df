#!/usr/bin/env bash
# Run every test: unit, integration (PostgreSQL), browser (Chromium + axe-core) and mail tests.
#
#   bash scripts/test.sh [extra dotnet test arguments, e.g. --filter FullyQualifiedName~Directory]
#
# Installs missing Debian packages (chromium, python3-aiosmtpd, postgresql-15) when it can,
# starts this checkout's PostgreSQL cluster (127.0.0.1:${CJP_PG_PORT:-5433}), restores, builds
# the solution in Release, installs the test projects' npm packages (axe-core, ajv), then runs `dotnet test`.
# Test results (TRX) go to TestResults/. Exits with dotnet test's exit code.
#
# Environment: CJP_PG_PORT (default 5433); CI=true for CI behaviour (locked restore, hang
# timeout, cluster stopped at the end).
set -euo pipefail

# shellcheck source=scripts/lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
# shellcheck source=scripts/lib/prereqs.sh
source "$CJP_ROOT/scripts/lib/prereqs.sh"
# shellcheck source=scripts/lib/postgres.sh
source "$CJP_ROOT/scripts/lib/postgres.sh"

cd "$CJP_ROOT"
CONFIGURATION=Release
RESULTS_DIR="$CJP_ROOT/TestResults"

cjp_prereqs test

cjp_step "Starting PostgreSQL"
cjp_pg_start
if cjp_is_ci && [[ "$CJP_PG_STARTED" == 1 ]]; then
  # Leave the machine as we found it.
  trap 'cjp_pg_stop >/dev/null 2>&1 || true' EXIT
fi
export CJP_TEST_CONNECTION
CJP_TEST_CONNECTION="$(cjp_pg_connstr postgres)"

cjp_step "Restoring NuGet packages"
restore_args=()
if cjp_is_ci; then
  restore_args+=(--locked-mode) # packages.lock.json must be up to date
fi
dotnet restore CjpPortal.sln "${restore_args[@]}"

# npm packages the tests use: axe-core (browser tests), ajv (the integration tests' Open Referral schema checks).
for npm_dir in "$CJP_ROOT"/tests/*/; do
  npm_dir="${npm_dir%/}"
  [[ -f "$npm_dir/package.json" ]] || continue
  cjp_step "Installing the npm packages of ${npm_dir#"$CJP_ROOT"/}"
  if [[ -f "$npm_dir/package-lock.json" ]]; then
    (cd "$npm_dir" && npm ci --no-audit --no-fund)
  else
    cjp_warn "${npm_dir#"$CJP_ROOT"/} has no package-lock.json; running npm install (commit the lock file)"
    (cd "$npm_dir" && npm install --no-audit --no-fund)
  fi
done

cjp_step "Building ($CONFIGURATION)"
build_args=(-c "$CONFIGURATION" --no-restore)
if cjp_is_ci; then
  build_args+=(-p:ContinuousIntegrationBuild=true)
fi
dotnet build CjpPortal.sln "${build_args[@]}"

cjp_step "Running the tests"
cjp_info "CJP_TEST_CONNECTION=$CJP_TEST_CONNECTION"
rm -rf "$RESULTS_DIR"
test_args=(
  -c "$CONFIGURATION" --no-build
  --results-directory "$RESULTS_DIR"
  --logger "console;verbosity=normal"
  --logger "trx"
)
if cjp_is_ci; then
  test_args+=(--blame-hang-timeout 10m --blame-hang-dump-type mini)
fi
set +e
dotnet test CjpPortal.sln "${test_args[@]}" "$@"
status=$?
set -e

# One summary line over all test assemblies, from the TRX files.
shopt -s nullglob globstar
trx_files=("$RESULTS_DIR"/**/*.trx)
if ((status != 0)); then
  cjp_error "dotnet test exited with status $status"
fi
if ((${#trx_files[@]} > 0)); then
  summary="$({ grep -ho '<Counters [^>]*>' "${trx_files[@]}" || true; } | awk '
    function attr(name,   m) { return match($0, name "=\"[0-9]+\"") ? substr($0, RSTART + length(name) + 2, RLENGTH - length(name) - 3) + 0 : 0 }
    { p = attr("passed"); f = attr("failed") + attr("error") + attr("timeout") + attr("aborted")
      passed += p; failed += f; rest = attr("total") - p - f; if (rest > 0) skipped += rest }
    END { printf "%d passed, %d failed, %d skipped", passed, failed, skipped }')"
  bad_runs="$({ grep -lE '<ResultSummary outcome="(Failed|Aborted|Error|Timeout)"' "${trx_files[@]}" || true; } | wc -l)"
  echo
  echo "TRX results: $RESULTS_DIR"
  if ((bad_runs > 0)) && [[ "$summary" == *" 0 failed"* ]]; then
    echo "$bad_runs test run(s) failed or were aborted outside any test (see the output above)"
  fi
  echo "Tests: $summary"
fi
exit "$status"
