#!/usr/bin/env bash
# Demo benchmark: `steward demo load` (the demo organisation: 500 constituents, about 2,000 gifts,
# plans, tasks, interactions) into an empty, migrated database, on SQLite and on PostgreSQL.
# Target: each under 10 s, so `scripts/run --demo` is ready at once. This timing used to be a
# unit test (DemoLoaderTest); speed is checked here, never in a timed unit test.
#
#   bench/demo_bench.sh [STEWARD_BIN]
# Environment: STEWARD_BENCH_PG_URL (see bench_pg.sh). Exits 1 when a target is missed, 2 when
# it could not run.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
bin=${1:-$root/build-bench/bin/steward}
[[ -x $bin ]] || { echo "demo_bench: $bin is not built" >&2; exit 2; }
work=$(mktemp -d)
cleanup_work() { rm -rf "$work"; }
# shellcheck source=bench_pg.sh
source "$root/bench/bench_pg.sh"
trap 'cleanup_work; declare -F steward_pg_stop >/dev/null && steward_pg_stop' EXIT
pg_url=$server_url/steward_demo_bench
PGOPTIONS="-c client_min_messages=warning" psql_q "$server_url/postgres" -c "DROP DATABASE IF EXISTS steward_demo_bench" \
  -c "CREATE DATABASE steward_demo_bench" >/dev/null

status=0
measure() {  # NAME DATABASE_URL
  "$bin" --database "$2" migrate >/dev/null
  local started ended seconds
  started=$(date +%s.%N)
  "$bin" --database "$2" demo load >/dev/null
  ended=$(date +%s.%N)
  seconds=$(awk -v a="$started" -v b="$ended" 'BEGIN { printf "%.2f", b - a }')
  local verdict=met
  awk -v s="$seconds" 'BEGIN { exit !(s < 10) }' || { verdict=MISSED; status=1; }
  printf '%-10s demo load %6.2f s   target < 10 s   %s\n' "$1" "$seconds" "$verdict"
}
measure sqlite "sqlite:$work/demo.db"
measure postgresql "$pg_url"
PGOPTIONS="-c client_min_messages=warning" psql_q "$server_url/postgres" -c "DROP DATABASE IF EXISTS steward_demo_bench" >/dev/null
exit $status
