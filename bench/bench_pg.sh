# Sourced by the benches that need PostgreSQL (import_bench.sh, report_bench.sh); needs $root.
# Uses the server STEWARD_BENCH_PG_URL names (the bench may create and drop its own database
# there), or starts a throw-away cluster (scripts/lib/postgres.sh) stopped when the bench exits.
# Sets server_url (the URL without its database) and defines psql_q (quiet, stops on error).
if [[ -z ${STEWARD_BENCH_PG_URL:-} ]]; then
  # shellcheck source=../scripts/lib/postgres.sh
  source "$root/scripts/lib/postgres.sh"
  trap steward_pg_stop EXIT
  steward_pg_start >/dev/null
  STEWARD_BENCH_PG_URL=$STEWARD_TEST_PG_URL
fi
server_url=${STEWARD_BENCH_PG_URL%/*}
psql_q() { psql -X -q -v ON_ERROR_STOP=1 "$@"; }
