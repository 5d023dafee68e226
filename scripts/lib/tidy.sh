# Sourced by scripts/test: clang-tidy (the checks in .clang-tidy) on the .cpp files that differ
# from the commit in .ci/tidy-base (committed or not), or on every file when STEWARD_TIDY_ALL=1;
# skipped with a message when that commit is not in the clone (a shallow clone).
# Uses the compilation database of BUILD_DIR (build-asan when scripts/test builds it, else build),
# made per-file by scripts/lib/tidy_db.py since a unity build lists its batches. Every finding is
# an error.
#   steward_tidy ROOT [BUILD_DIR]
steward_tidy() {
  local root="$1"
  local build="${2:-$root/build-asan}"
  local db="$build/tidy"
  python3 "$root/scripts/lib/tidy_db.py" "$build" "$db" >/dev/null || return 1
  local files=()
  if [[ "${STEWARD_TIDY_ALL:-0}" == 1 ]]; then
    mapfile -t files < <(python3 -c 'import json,sys; [print(e["file"]) for e in json.load(open(sys.argv[1]))]' \
      "$db/compile_commands.json" | grep -E '/(core|plugins)/.*\.cpp$' | grep -v '/build')
  else
    local base
    base=$(tr -d '[:space:]' <"$root/.ci/tidy-base")
    if ! git -C "$root" cat-file -e "$base^{commit}" 2>/dev/null; then
      # A shallow clone: checking every file instead would take hours on a small machine.
      echo "steward_tidy: base commit $base (.ci/tidy-base) is not in this clone (shallow?);" \
        "skipped. Fetch the history, or run with STEWARD_TIDY_ALL=1 to check every file." >&2
      return 0
    fi
    local f
    while IFS= read -r f; do
      [[ -f "$root/$f" ]] && files+=("$root/$f")
    done < <(git -C "$root" diff --name-only --diff-filter=ACMR "$base" -- \
      'core/*.cpp' 'plugins/*.cpp' 'tests/*.cpp')
  fi
  if [[ ${#files[@]} -eq 0 ]]; then
    echo "steward_tidy: no changed .cpp files since $(cat "$root/.ci/tidy-base")"
    return 0
  fi
  echo "steward_tidy: clang-tidy on ${#files[@]} file(s)"
  # gcc-only warning flags (build/ is gcc) are not clang-tidy findings.
  run-clang-tidy -quiet -p "$db" -j "$(nproc)" -extra-arg=-Wno-unknown-warning-option \
    "${files[@]}" >"$db/tidy.log" 2>&1 || {
    grep -E 'warning:|error:' "$db/tidy.log" | sort -u >&2
    echo "steward_tidy: findings above (full log: $db/tidy.log)" >&2
    return 1
  }
  echo "steward_tidy: clean"
}
