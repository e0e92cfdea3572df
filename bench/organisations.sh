#!/usr/bin/env bash
# Organisation search and Open Referral UK benchmark: /organisations searched by words + theme + area, and
# /api/openreferral/v3/services?search=<words>, over 5,000 published organisations and 15,000 services
# (bench/seed/organisations.sql), each beside a static file of the same size on the same server. Neither is served
# from the output cache, so every request runs the search. Goal: p95 under 15 ms on the 2-core machine at 8
# connections. A wrapper around bench/run.sh (same settings; see bench/README.md).
#
#   bash bench/organisations.sh                          # wrk -t2 -c8
#   CJP_BENCH_CONNECTIONS=32 bash bench/organisations.sh # as plans.sh
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
export CJP_BENCH_SEED_SQL="$here/seed/organisations.sql"
export CJP_BENCH_CONNECTIONS="${CJP_BENCH_CONNECTIONS:-8}"
# Words that match many listings by full-text search, a theme and a council area (Falkirk) that narrow them.
export CJP_BENCH_PAGES="${CJP_BENCH_PAGES:-/organisations?q=mentoring+families&theme=mental-health&area=S12000014 /api/openreferral/v3/services?search=peer+support}"
# Dynamic pages reach their steady speed only once the JIT has recompiled the hot code with its profile (tiered
# compilation), about 20 s of load on this machine; a 3 s warm-up measured the start of that instead.
export CJP_BENCH_WARMUP="${CJP_BENCH_WARMUP:-20s}"
exec bash "$here/run.sh"
