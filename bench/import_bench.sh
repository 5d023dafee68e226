#!/usr/bin/env bash
# Import benchmark (issues 6 and 10): a synthetic Stripe payments export of N rows
# (`steward demo generate-file`), measured side by side in one run:
#   baseline   psql \copy of the same file into a bare table (24 text columns)
#   pg         `steward import FILE` into an empty PostgreSQL database (stage + match + commit)
#   pg again   the same file re-imported: must add nothing, at least as fast
#   sqlite     the same into an empty SQLite file, and again
#   memory     peak RSS of each import process (/usr/bin/time -v)
# Targets: PostgreSQL >= 100,000 rows/s and within 2x of \copy; SQLite >= 200,000 rows/s;
# re-import >= first import's rows/s and no new gift; peak RSS < 200 MB. Prints each figure, its
# target and the ratio; exits 1 when a target is missed (2 when it could not run).
#
#   bench/import_bench.sh [STEWARD_BIN]
# Environment: IMPORT_BENCH_ROWS (default 1000000; 100000 for a quick run), IMPORT_BENCH_SEED (1),
# STEWARD_BENCH_PG_URL (a PostgreSQL server the bench may create/drop the database
# steward_import_bench on; default: a throw-away cluster from scripts/lib/postgres.sh),
# IMPORT_BENCH_KEEP=1 keeps the work directory var/bench/import-*.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
bin=${1:-$root/build-bench/bin/steward}
rows=${IMPORT_BENCH_ROWS:-1000000}
seed=${IMPORT_BENCH_SEED:-1}
work=$root/var/bench
mkdir -p "$work"
file=$work/stripe-$rows-$seed.csv
[[ -x $bin ]] || { echo "import_bench: $bin is not built" >&2; exit 2; }
[[ -x /usr/bin/time ]] || { echo "import_bench: /usr/bin/time is missing (apt-get install time)" >&2; exit 2; }

# --- PostgreSQL: a database of our own --------------------------------------------------------
# shellcheck source=bench_pg.sh
source "$root/bench/bench_pg.sh"
pg_url=$server_url/steward_import_bench
fresh_pg() {
  psql_q "$server_url/postgres" -c "DROP DATABASE IF EXISTS steward_import_bench" \
    -c "CREATE DATABASE steward_import_bench" >/dev/null
}
funds_sql="INSERT INTO funds (code, name) VALUES ('GEN', 'General Fund'), ('SAFE', 'Safe Houses'),
  ('MED', 'Medical Support'), ('EDU', 'Education'), ('RESCUE', 'Rescue');"

now() { date +%s.%N; }
install_plugins() {  # LABEL DATABASE: the built-in importers, as `steward serve` installs them
  rm -rf "$work/plugins-$1" && mkdir -p "$work/plugins-$1" && chmod 755 "$work/plugins-$1"
  "$bin" --database "$2" --plugin-dir "$work/plugins-$1" plugins install-bundled >/dev/null
}
# run_import LABEL DATABASE -> sets secs, rss_mb, gifts_out; output in $work/LABEL.out
run_import() {
  local label=$1 database=$2
  local t0 t1
  t0=$(now)
  /usr/bin/time -v -o "$work/$label.time" "$bin" --database "$database" \
    --plugin-dir "$work/plugins-${label%_again}" import "$file" --default-fund GEN --json >"$work/$label.out" 2>"$work/$label.err" || {
    echo "import_bench: $label import failed:" >&2
    tail -n 20 "$work/$label.err" >&2
    exit 2
  }
  t1=$(now)
  secs=$(echo "$t1 - $t0" | bc -l)
  rss_mb=$(awk -F: '/Maximum resident set size/ {printf "%.1f", $2 / 1024}' "$work/$label.time")
}

# --- the file --------------------------------------------------------------------------------
if [[ ! -s $file ]]; then
  "$bin" demo generate-file --format stripe --rows "$rows" --seed "$seed" --out "$file.tmp" >&2
  mv "$file.tmp" "$file"
fi
bytes=$(stat -c %s "$file")
echo "import_bench: $rows Stripe payments, $((bytes / 1048576)) MiB, seed $seed; $(nproc) cores"

# --- baseline: \copy into a bare table ---------------------------------------------------------
fresh_pg
cols=$(head -n 1 "$file" | tr ',' '\n' | awk '{printf "%sc%d text", (NR>1?", ":""), NR}')
psql_q "$pg_url" -c "CREATE TABLE bare ($cols)"
t0=$(now)
psql_q "$pg_url" -c "\\copy bare FROM '$file' WITH (FORMAT csv, HEADER true)"
copy_secs=$(echo "$(now) - $t0" | bc -l)
copied=$(psql -X -At "$pg_url" -c "SELECT COUNT(*) FROM bare")
[[ $copied -eq $rows ]] || { echo "import_bench: \\copy loaded $copied rows, not $rows" >&2; exit 2; }
psql_q "$pg_url" -c "DROP TABLE bare"

# --- PostgreSQL ---------------------------------------------------------------------------------
"$bin" --database "$pg_url" migrate >/dev/null
psql_q "$pg_url" -c "$funds_sql"
install_plugins pg "$pg_url"
run_import pg "$pg_url"; pg_secs=$secs; pg_rss=$rss_mb
pg_gifts=$(psql -X -At "$pg_url" -c "SELECT COUNT(*) FROM gifts")
run_import pg_again "$pg_url"; pg2_secs=$secs; pg2_rss=$rss_mb
pg_gifts2=$(psql -X -At "$pg_url" -c "SELECT COUNT(*) FROM gifts")

# --- SQLite --------------------------------------------------------------------------------------
sqlite_db=$work/import-bench-$rows.db
rm -f "$sqlite_db" "$sqlite_db-wal" "$sqlite_db-shm"
"$bin" --database "$sqlite_db" migrate >/dev/null
sqlite3 "$sqlite_db" "$funds_sql"
install_plugins sqlite "$sqlite_db"
run_import sqlite "$sqlite_db"; sq_secs=$secs; sq_rss=$rss_mb
sq_gifts=$(sqlite3 "$sqlite_db" "SELECT COUNT(*) FROM gifts")
run_import sqlite_again "$sqlite_db"; sq2_secs=$secs; sq2_rss=$rss_mb
sq_gifts2=$(sqlite3 "$sqlite_db" "SELECT COUNT(*) FROM gifts")
[[ ${IMPORT_BENCH_KEEP:-0} == 1 ]] || rm -f "$sqlite_db" "$sqlite_db-wal" "$sqlite_db-shm"

# --- figures ---------------------------------------------------------------------------------
status=0
rate() { echo "$rows / $1" | bc -l; }
check() {  # NAME VALUE OP TARGET UNIT
  local name=$1 value=$2 op=$3 target=$4 unit=$5 ok
  ok=$(echo "$value $op $target" | bc -l)
  printf '  %-34s %14.1f %-7s target %s %s  %s\n' "$name" "$value" "$unit" "$op" "$target" \
    "$([[ $ok == 1 ]] && echo ok || echo MISSED)"
  [[ $ok == 1 ]] || status=1
}
copy_rate=$(rate "$copy_secs")
pg_rate=$(rate "$pg_secs"); pg2_rate=$(rate "$pg2_secs")
sq_rate=$(rate "$sq_secs"); sq2_rate=$(rate "$sq2_secs")
printf '  %-34s %14.1f rows/s (%.2f s)\n' "psql \\copy (baseline)" "$copy_rate" "$copy_secs"
printf '  %-34s %14.2f s\n' "steward import, PostgreSQL" "$pg_secs"
check "  PostgreSQL rows/s" "$pg_rate" ">=" 100000 rows/s
check "  PostgreSQL time / \\copy time" "$(echo "$pg_secs / $copy_secs" | bc -l)" "<=" 2 x
check "  re-import rows/s / first" "$(echo "$pg2_rate / $pg_rate" | bc -l)" ">=" 1 x
check "  re-import new gifts" "$((pg_gifts2 - pg_gifts))" "==" 0 gifts
check "  peak RSS (first, re-import)" "$(echo "if ($pg_rss > $pg2_rss) $pg_rss else $pg2_rss" | bc -l)" "<" 200 MB
printf '  %-34s %14.2f s\n' "steward import, SQLite" "$sq_secs"
check "  SQLite rows/s" "$sq_rate" ">=" 200000 rows/s
check "  re-import rows/s / first" "$(echo "$sq2_rate / $sq_rate" | bc -l)" ">=" 1 x
check "  re-import new gifts" "$((sq_gifts2 - sq_gifts))" "==" 0 gifts
check "  peak RSS (first, re-import)" "$(echo "if ($sq_rss > $sq2_rss) $sq_rss else $sq2_rss" | bc -l)" "<" 200 MB
echo "  gifts: PostgreSQL $pg_gifts, SQLite $sq_gifts (file $rows charges)"
[[ $pg_gifts == "$sq_gifts" ]] || { echo "  MISSED: the backends disagree on the gift count"; status=1; }
exit $status
