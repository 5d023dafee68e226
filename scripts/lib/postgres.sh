# Sourced by scripts/test: starts a throw-away PostgreSQL 15 cluster on a free loopback port and
# exports STEWARD_TEST_PG_URL. The cluster is stopped and deleted by steward_pg_stop (the test
# script calls it from its EXIT trap, so also on failure or Ctrl-C).
STEWARD_PG_DIR=""
STEWARD_PG_BIN=""

steward_pg_as_owner() {
  if [[ $(id -u) -eq 0 ]]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

steward_pg_port_free() {
  ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

steward_pg_start() {
  STEWARD_PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  if [[ -z "$STEWARD_PG_BIN" || ! -x "$STEWARD_PG_BIN/initdb" ]]; then
    echo "scripts/test: PostgreSQL server binaries not found (scripts/deps installs postgresql)" >&2
    return 1
  fi
  STEWARD_PG_DIR=$(mktemp -d /tmp/steward-pg.XXXXXX)
  chmod 755 "$STEWARD_PG_DIR"
  [[ $(id -u) -eq 0 ]] && chown postgres "$STEWARD_PG_DIR"
  local port
  for _ in $(seq 1 50); do
    port=$((20000 + RANDOM % 40000))
    steward_pg_port_free "$port" && break
  done
  steward_pg_as_owner "$STEWARD_PG_BIN/initdb" -D "$STEWARD_PG_DIR/data" -U postgres -A trust \
    -E UTF8 --locale=C.UTF-8 >"$STEWARD_PG_DIR/initdb.log" 2>&1 || {
    cat "$STEWARD_PG_DIR/initdb.log" >&2
    return 1
  }
  steward_pg_as_owner "$STEWARD_PG_BIN/pg_ctl" -D "$STEWARD_PG_DIR/data" -w -t 60 \
    -l "$STEWARD_PG_DIR/server.log" \
    -o "-p $port -k $STEWARD_PG_DIR -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
    start >/dev/null || {
    cat "$STEWARD_PG_DIR/server.log" >&2
    return 1
  }
  steward_pg_as_owner "$STEWARD_PG_BIN/psql" -h 127.0.0.1 -p "$port" -U postgres -q \
    -c "CREATE DATABASE steward_test" >/dev/null
  export STEWARD_TEST_PG_URL="postgresql://postgres@127.0.0.1:$port/steward_test"
  export STEWARD_TEST_PG_PORT="$port"
  echo "scripts/test: PostgreSQL $("$STEWARD_PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$port"
}

steward_pg_stop() {
  if [[ -n "$STEWARD_PG_DIR" && -d "$STEWARD_PG_DIR/data" ]]; then
    steward_pg_as_owner "$STEWARD_PG_BIN/pg_ctl" -D "$STEWARD_PG_DIR/data" -m immediate stop \
      >/dev/null 2>&1 || true
  fi
  [[ -n "$STEWARD_PG_DIR" ]] && rm -rf "$STEWARD_PG_DIR"
  STEWARD_PG_DIR=""
}
