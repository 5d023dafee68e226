# Sourced by scripts/run and scripts/test: builds the web UI (ui-web/) and runs its tests.
#   steward_ui_build ROOT   npm ci (only when node_modules is missing or package-lock.json
#                           changed since the last install), then npm run build -> ui-web/dist
#   steward_ui_unit ROOT    the Vitest suite
#   steward_ui_e2e ROOT     the end-to-end suite in headless Chromium against a real
#                           `steward serve` on a throw-away SQLite database with the demo loaded
# Each returns non-zero on failure.

steward_ui_build() {
  local ui="$1/ui-web"
  [[ -f "$ui/package.json" ]] || return 0
  local stamp="$ui/node_modules/.steward-lock-sha"
  local want
  want=$(sha256sum "$ui/package-lock.json" | cut -d' ' -f1)
  if [[ ! -d "$ui/node_modules" || ! -f "$stamp" || "$(cat "$stamp")" != "$want" ]]; then
    echo "steward_ui_build: installing the locked dependencies (npm ci)"
    (cd "$ui" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error) || return 1
    echo "$want" >"$stamp"
  fi
  (cd "$ui" && npm run --silent build >/dev/null) || {
    echo "steward_ui_build: npm run build failed (run it in ui-web/ to see why)" >&2
    return 1
  }
  echo "steward_ui_build: ui-web/dist built"
}

steward_ui_unit() {
  (cd "$1/ui-web" && npx vitest run --reporter=dot)
}

steward_ui_free_port() {
  local port
  for _ in $(seq 1 50); do
    port=$((20000 + RANDOM % 40000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return 0
    fi
  done
  return 1
}

steward_ui_e2e() {
  local root="$1"
  local dir port pid status=0 password
  dir=$(mktemp -d /tmp/steward-e2e.XXXXXX)
  port=$(steward_ui_free_port) || { echo "steward_ui_e2e: no free port" >&2; return 1; }
  local steward=("$root/build/bin/steward" --database "sqlite:$dir/steward.db")
  "${steward[@]}" migrate >/dev/null || return 1
  "${steward[@]}" demo load >/dev/null || return 1
  # A known admin with a one-time password: the suite signs in and makes the forced change.
  password=$("${steward[@]}" users add e2eadmin --role admin --display-name "E2E 관리자" |
    sed -n 's/.*one-time password: //p')
  [[ -n "$password" ]] || { echo "steward_ui_e2e: could not create the admin" >&2; return 1; }
  # A viewer without the restricted grant (a throw-away password on a throw-away database).
  local viewer_password="viewer-e2e-lantern-river-$RANDOM"
  "${steward[@]}" users add e2eviewer --role viewer --password-stdin \
    <<<"$viewer_password" >/dev/null || return 1
  # A throw-away plugin directory: the suite uploads a fixture plugin when one is built.
  mkdir -p "$dir/plugins"
  STEWARD_UI_DIR="$root/ui-web/dist" STEWARD_PLUGIN_DIR="$dir/plugins" \
    "${steward[@]}" serve --listen "127.0.0.1:$port" \
    >"$dir/serve.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 100); do
    curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break
    sleep 0.1
  done
  (cd "$root/ui-web" && STEWARD_E2E_URL="http://127.0.0.1:$port" STEWARD_E2E_USER=e2eadmin \
    STEWARD_E2E_PASSWORD="$password" STEWARD_E2E_VIEWER=e2eviewer \
    STEWARD_E2E_VIEWER_PASSWORD="$viewer_password" timeout 300 node e2e/run.mjs) || status=1
  kill "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
  if [[ $status -ne 0 ]]; then
    echo "steward_ui_e2e: failed; server log: $dir/serve.log, screenshots: ui-web/e2e-artifacts/" >&2
  else
    rm -rf "$dir"
  fi
  return $status
}
