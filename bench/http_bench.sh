#!/usr/bin/env bash
# HTTP benchmark (issue 10): wrk against `steward serve` (Release) and, as the baseline in the same
# run, nginx serving the very same JSON bytes as a static file. Two requests are measured: one
# constituent's page JSON and a quick search. Targets: steward >= 0.5 x nginx's requests/s,
# p99 latency under 10 ms, zero errors. Exits non-zero when a target is missed.
#
#   bench/http_bench.sh [STEWARD_BIN]
# Environment: HTTP_BENCH_CONSTITUENTS (default 1000000), HTTP_BENCH_SECONDS (30),
# HTTP_BENCH_CONNECTIONS (64), HTTP_BENCH_THREADS (2). The generated database is kept in
# var/bench/ and reused by later runs (generating a million constituents takes a while).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
bin=${1:-$root/build-bench/bin/steward}
constituents=${HTTP_BENCH_CONSTITUENTS:-1000000}
seconds=${HTTP_BENCH_SECONDS:-30}
connections=${HTTP_BENCH_CONNECTIONS:-64}
threads=${HTTP_BENCH_THREADS:-2}
work=$root/var/bench
db=$work/http-$constituents.db
mkdir -p "$work"

for tool in wrk nginx curl; do
  command -v "$tool" >/dev/null || PATH=$PATH:/usr/sbin command -v "$tool" >/dev/null || {
    echo "http_bench: $tool is missing (apt-get install wrk nginx-light curl)" >&2
    exit 2
  }
done
export PATH=$PATH:/usr/sbin

if [[ ! -f $db.ready ]]; then
  rm -f "$db" "$db-wal" "$db-shm"
  "$bin" --database "$db" migrate >/dev/null
  echo "http_bench: generating $constituents constituents into $db (once)"
  "$bin" --database "$db" demo generate --constituents "$constituents" --years 5 --seed 1 \
    --today 2026-06-30 >/dev/null
  touch "$db.ready"
fi
"$bin" --database "$db" migrate >/dev/null  # a database kept from an older build

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
steward_port=$(free_port)
nginx_port=$(free_port)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  [[ -f $work/nginx/nginx.pid ]] && kill "$(cat "$work/nginx/nginx.pid")" 2>/dev/null || true
}
trap cleanup EXIT

# An analyst's read-only API token (the bench user; created once).
if ! "$bin" --database "$db" users list 2>/dev/null | grep -q $'^bench\t'; then
  # A password of its own (not a one-time one, which would block the token until changed).
  head -c 24 /dev/urandom | base64 | "$bin" --database "$db" users add bench --role analyst \
    --password-stdin >/dev/null
fi
token=$("$bin" --database "$db" users token-create bench "http bench" --scope read |
  sed -n 's/^token [0-9]*: //p')

STEWARD_JOBS_ENABLED=false "$bin" --database "$db" serve --listen "127.0.0.1:$steward_port" \
  >"$work/steward.log" 2>&1 &
pids+=($!)
for _ in $(seq 100); do
  curl -fs "http://127.0.0.1:$steward_port/healthz" >/dev/null && break
  sleep 0.1
done

id=$(( constituents / 2 ))
page="/api/v1/constituents/$id"
search="/api/v1/constituents?q=kim&limit=25"

mkdir -p "$work/nginx/www/api/v1" "$work/nginx/tmp"
auth=(-H "Authorization: Bearer $token")
curl -fs "${auth[@]}" "http://127.0.0.1:$steward_port$page" >"$work/nginx/www/page.json"
curl -fs "${auth[@]}" "http://127.0.0.1:$steward_port$search" >"$work/nginx/www/search.json"
cat >"$work/nginx/nginx.conf" <<NGINX
worker_processes $threads;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $work/nginx/tmp;
  proxy_temp_path $work/nginx/tmp;
  fastcgi_temp_path $work/nginx/tmp;
  uwsgi_temp_path $work/nginx/tmp;
  scgi_temp_path $work/nginx/tmp;
  default_type application/json;
  server {
    listen 127.0.0.1:$nginx_port;
    root $work/nginx/www;
  }
}
NGINX
nginx -c "$work/nginx/nginx.conf"

# wrk --latency prints "Requests/sec: N" and a latency distribution with a "99%" line.
run_wrk() {  # url [header]
  local out
  if [[ $# -gt 1 ]]; then
    out=$(wrk -t"$threads" -c"$connections" -d"${seconds}s" --latency -H "$2" "$1")
  else
    out=$(wrk -t"$threads" -c"$connections" -d"${seconds}s" --latency "$1")
  fi
  local rps p99 errors
  rps=$(awk '/^Requests\/sec:/ {print $2}' <<<"$out")
  p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
  errors=$(awk '/Non-2xx|Socket errors/ {n++} END {print n+0}' <<<"$out")
  echo "$rps $p99 $errors"
}
to_ms() {  # "1.23ms" | "850.00us" | "1.02s" -> milliseconds
  awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n += 0; else if (v ~ /s$/) n *= 1000; printf "%.2f", n }'
}

status=0
echo "http_bench: $constituents constituents, wrk -t$threads -c$connections -d${seconds}s, $(nproc) cores"
printf '%-10s %14s %14s %8s %12s %12s %8s\n' request steward_rps nginx_rps ratio steward_p99 nginx_p99 errors
for name in page search; do
  path=$page
  [[ $name == search ]] && path=$search
  read -r s_rps s_p99 s_err < <(run_wrk "http://127.0.0.1:$steward_port$path" "Authorization: Bearer $token")
  read -r n_rps n_p99 _ < <(run_wrk "http://127.0.0.1:$nginx_port/$name.json")
  ratio=$(awk -v a="$s_rps" -v b="$n_rps" 'BEGIN { printf "%.2f", a / b }')
  s_ms=$(to_ms "$s_p99")
  n_ms=$(to_ms "$n_p99")
  printf '%-10s %14s %14s %8s %10sms %10sms %8s\n' "$name" "$s_rps" "$n_rps" "$ratio" "$s_ms" "$n_ms" "$s_err"
  awk -v r="$ratio" 'BEGIN { exit !(r >= 0.5) }' || { echo "  MISSED: ratio $ratio < 0.5"; status=1; }
  awk -v p="$s_ms" 'BEGIN { exit !(p < 10) }' || { echo "  MISSED: p99 ${s_ms} ms >= 10 ms"; status=1; }
  [[ $s_err == 0 ]] || { echo "  MISSED: errors or non-2xx answers"; status=1; }
done
exit $status
