#!/usr/bin/env bash
# Report benchmark (issues 8 and 10): the retention report, LYBUNT and a 36-month giving trend by
# fund on a PostgreSQL database of N constituents (`steward demo generate`; 1,000,000 constituents
# over 9 years is about 10 million gifts), each measured side by side, in one run, with the best
# hand-written SQL for the same answer:
#   steward    `steward reports run ID --format json --output FILE`, minus the process start
#              (`steward reports params ID`, which opens the database and loads the same plugin)
#   baseline   the hand-written SQL below through psql (`\timing`): base tables, real dates,
#              PostgreSQL's own aggregates (median included), the rows written to a file
# Each figure is the median of three runs after one warm-up run. Targets: every report under 1 s
# and within 1.5x of its baseline. Prints each figure, its target and the ratio; exits 1 when a
# target is missed (2 when it could not run).
#
#   bench/report_bench.sh [STEWARD_BIN]
# Environment: REPORT_BENCH_CONSTITUENTS (default 1000000), REPORT_BENCH_YEARS (9),
# REPORT_BENCH_SEED (1), STEWARD_BENCH_PG_URL (a PostgreSQL server the bench may create the
# database REPORT_BENCH_DB, default steward_report_bench, on; default: a throw-away cluster from
# scripts/lib/postgres.sh).
# The generated database is kept and reused while its size and seed match (on the throw-away
# cluster it goes with the cluster).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
bin=${1:-$root/build-bench/bin/steward}
people=${REPORT_BENCH_CONSTITUENTS:-1000000}
years=${REPORT_BENCH_YEARS:-9}
seed=${REPORT_BENCH_SEED:-1}
today=2026-06-30  # the generated history ends here, so every run asks the same questions
work=$root/var/bench/report
mkdir -p "$work"
[[ -x $bin ]] || { echo "report_bench: $bin is not built" >&2; exit 2; }

# shellcheck source=bench_pg.sh
source "$root/bench/bench_pg.sh"
dbname=${REPORT_BENCH_DB:-steward_report_bench}
db=$server_url/$dbname
now() { date +%s.%N; }
median() { sort -g | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'; }

# --- the database: generated once per size and seed --------------------------------------------
want="$people constituents, $years years, seed $seed, to $today"
have=$(psql -X -At "$db" -c "SELECT note FROM report_bench_meta" 2>/dev/null || true)
# The database records the plugins installed into $work/plugins: without that folder, start over.
[[ -d $work/plugins ]] || have=""
if [[ "$have" != "$want" ]]; then
  echo "report_bench: generating $want (this takes a while)"
  psql_q "$server_url/postgres" -c "DROP DATABASE IF EXISTS \"$dbname\"" \
    -c "CREATE DATABASE \"$dbname\"" >/dev/null
  rm -rf "$work/plugins" && mkdir -p "$work/plugins" && chmod 755 "$work/plugins"
  t0=$(now)
  "$bin" --database "$db" migrate >/dev/null
  "$bin" --database "$db" demo generate --constituents "$people" --years "$years" --seed "$seed" \
    --today "$today" >"$work/generate.out"
  psql_q "$db" -c "VACUUM ANALYZE" \
    -c "CREATE TABLE report_bench_meta (note text)" \
    -c "INSERT INTO report_bench_meta VALUES ('$want')"
  echo "report_bench: generated in $(printf '%.0f' "$(echo "$(now) - $t0" | bc -l)") s"
fi
"$bin" --database "$db" migrate >/dev/null  # a kept database gets this binary's views
"$bin" --database "$db" --plugin-dir "$work/plugins" plugins install-bundled >/dev/null
gifts=$(psql -X -At "$db" -c "SELECT count(*) FROM gifts")
echo "report_bench: $want: $gifts gifts; $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg)"

# --- the hand-written SQL -----------------------------------------------------------------------
# A counted gift, as the analytics views define it (migrations/*/0011_analytics_views.sql).
counted="g.deleted_at IS NULL AND g.status IN ('completed', 'partially_refunded')
  AND g.amount_minor > g.refunded_minor AND g.base_amount_minor > g.base_refunded_minor"
net="(g.base_amount_minor - g.base_refunded_minor)"

# Retention, FY2025 (P2) against FY2024 (P1), calendar fiscal years, individuals: the FEP groups.
retention_sql="
WITH d AS (
  SELECT g.constituent_id, MIN(g.received_on) AS first_on,
         SUM($net) FILTER (WHERE g.received_on BETWEEN '2024-01-01' AND '2024-12-31') AS p1,
         SUM($net) FILTER (WHERE g.received_on BETWEEN '2025-01-01' AND '2025-12-31') AS p2
    FROM gifts g
   WHERE $counted AND g.received_on <= '2025-12-31'
   GROUP BY g.constituent_id
  HAVING MAX(g.received_on) >= '2024-01-01')
SELECT CASE WHEN p2 IS NOT NULL AND first_on >= '2025-01-01' THEN 'new'
            WHEN p1 IS NOT NULL AND p2 IS NOT NULL AND p2 > p1 THEN 'upgraded'
            WHEN p1 IS NOT NULL AND p2 IS NOT NULL AND p2 = p1 THEN 'same'
            WHEN p1 IS NOT NULL AND p2 IS NOT NULL THEN 'downgraded'
            WHEN p2 IS NOT NULL THEN 'recaptured'
            WHEN first_on >= '2024-01-01' THEN 'lapsed new'
            ELSE 'lapsed repeat' END AS grp,
       COUNT(*), COALESCE(SUM(p1), 0), COALESCE(SUM(p2), 0)
  FROM d GROUP BY 1 ORDER BY 1"

# LYBUNT as of 2026-06-30: gave in 2025, nothing in 2026; last gift, lifetime, permissions.
lybunt_sql="
WITH a AS (
  SELECT g.constituent_id, MAX(g.received_on) AS last_on, SUM($net) AS lifetime,
         COUNT(*) AS gifts,
         SUM($net) FILTER (WHERE g.received_on BETWEEN '2025-01-01' AND '2025-12-31') AS last_year
    FROM gifts g
   WHERE $counted AND g.received_on <= '$today'
   GROUP BY g.constituent_id
  HAVING COUNT(*) FILTER (WHERE g.received_on >= '2026-01-01') = 0
     AND SUM($net) FILTER (WHERE g.received_on BETWEEN '2025-01-01' AND '2025-12-31') > 0)
SELECT a.constituent_id, c.display_name, a.last_on,
       (SELECT $net FROM gifts g WHERE g.constituent_id = a.constituent_id AND $counted
          AND g.received_on <= '$today' ORDER BY g.received_on DESC, g.id DESC LIMIT 1),
       a.last_year, a.lifetime, a.gifts, c.do_not_solicit, c.do_not_email, c.do_not_mail,
       c.do_not_call,
       EXISTS (SELECT 1 FROM emails e WHERE e.constituent_id = c.id AND e.is_primary
                 AND e.unsubscribed_at IS NULL),
       EXISTS (SELECT 1 FROM addresses ad WHERE ad.constituent_id = c.id AND ad.is_primary
                 AND NOT ad.undeliverable)
  FROM a JOIN constituents c ON c.id = a.constituent_id
 WHERE c.deleted_at IS NULL AND c.merged_into_id IS NULL
 ORDER BY a.last_year DESC, a.lifetime DESC, a.constituent_id"

# Giving trend by fund and month, 2023-07..2026-06 and the 12 months before for the comparison:
# total, gifts, donors, average and median per month and fund.
anet="(a.amount_minor - a.refunded_minor) * $net / (g.amount_minor - g.refunded_minor)"
trend_sql="
SELECT date_trunc('month', g.received_on)::date AS month, a.fund_id, f.name,
       SUM($anet) AS total, COUNT(DISTINCT a.gift_id) AS gifts,
       COUNT(DISTINCT g.constituent_id) AS donors, AVG($anet)::bigint AS average,
       percentile_disc(0.5) WITHIN GROUP (ORDER BY $anet) AS median
  FROM gift_allocations a JOIN gifts g ON g.id = a.gift_id LEFT JOIN funds f ON f.id = a.fund_id
 WHERE $counted AND a.amount_minor > a.refunded_minor
   AND g.received_on BETWEEN '2022-07-01' AND '$today'
 GROUP BY 1, 2, 3 ORDER BY 1, 2"

# --- measuring ----------------------------------------------------------------------------------
baseline() {  # NAME SQL -> median milliseconds of three runs after a warm-up
  local name=$1 sql=$2 i
  for i in 0 1 2 3; do
    psql -X -v ON_ERROR_STOP=1 "$db" -o "$work/$name.sql.out" -c '\timing on' -c "$sql" \
      | awk '/^Time:/ {print $2}' >"$work/$name.sql.t$i"
  done
  cat "$work/$name".sql.t[123] | median
}
run_times() {  # LABEL ARGS... -> median seconds of three runs after a warm-up
  local label=$1 i t0
  shift
  for i in 0 1 2 3; do
    t0=$(now)
    "$bin" --database "$db" --plugin-dir "$work/plugins" "$@" >/dev/null ||
      { echo "report_bench: steward $* failed" >&2; exit 2; }
    echo "$(now) - $t0" | bc -l >"$work/$label.t$i"
  done
  cat "$work/$label".t[123] | median
}

status=0
check() {  # NAME PLUGIN BASELINE_SQL PARAMS...
  local name=$1 plugin=$2 sql=$3
  shift 3
  local params=() p
  for p in "$@"; do params+=(--param "$p"); done
  local base_ms start_s run_s ms ratio verdict="ok"
  base_ms=$(baseline "$name" "$sql")
  start_s=$(run_times "$name.start" reports params "$plugin")
  run_s=$(run_times "$name.run" reports run "$plugin" "${params[@]}" --format json \
    --output "$work/$name.json")
  ms=$(echo "($run_s - $start_s) * 1000" | bc -l)
  ratio=$(echo "$ms / $base_ms" | bc -l)
  if (($(echo "$ms >= 1000 || $ratio > 1.5" | bc -l))); then
    verdict="MISSED"
    status=1
  fi
  printf '%-10s steward %8.0f ms (run %.2f s - start %.2f s)  SQL %8.0f ms  ratio %5.2f  target < 1000 ms and <= 1.5: %s\n' \
    "$name" "$ms" "$run_s" "$start_s" "$base_ms" "$ratio" "$verdict"
}

check retention org.steward.report.retention "$retention_sql" fiscal_year=2025 \
  fiscal_year_start_month=1 as_of="$today" counting=individual
check lybunt org.steward.report.lybunt "$lybunt_sql" as_of="$today" fiscal_year_start_month=1 \
  comparison=full_year counting=individual include_soft_credits=false
check trend org.steward.report.giving-trends "$trend_sql" from=2023-07-01 to="$today" \
  grain=month group_by=fund compare_last_year=true as_of="$today" fiscal_year_start_month=1
exit $status
