#!/usr/bin/env bash
# Plans and dashboard benchmark: /national/dashboard (signed in as the demo CJS staff account) and the public
# /participation-statements, over 30 partnerships x 10 reporting years of annual returns and 3 plans each
# (bench/seed/plans-returns.sql), each beside a static file of the same size on the same server. Goal: p95 under
# 20 ms on the 2-core machine. A wrapper around bench/run.sh (same settings; see bench/README.md).
#
#   bash bench/plans.sh
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
export CJP_BENCH_SEED_SQL="$here/seed/plans-returns.sql"
export CJP_BENCH_SIGN_IN="${CJP_BENCH_SIGN_IN:-cjs.staff@example.org}"
export CJP_BENCH_SIGNED_IN_PAGES="/national/dashboard"
export CJP_BENCH_PAGES="${CJP_BENCH_PAGES:-/national/dashboard /participation-statements}"
# Dynamic pages reach their steady speed only once the JIT has recompiled the hot code with its profile (tiered
# compilation), about 20 s of load on this machine; a 3 s warm-up measured the start of that instead.
export CJP_BENCH_WARMUP="${CJP_BENCH_WARMUP:-20s}"
exec bash "$here/run.sh"
