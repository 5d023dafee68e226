# Sourced by scripts/run, scripts/test and scripts/fuzz.
#   steward_build ROOT [TARGET...]  configures and builds build/ (gcc Release, warnings as
#                                   errors, Ninja and ccache when present); every target when
#                                   none is named. scripts/run builds everything, as before.
#   steward_build_asan ROOT [TARGET...]
#                                   configures and builds build-asan/: clang, AddressSanitizer +
#                                   UndefinedBehaviorSanitizer (no vptr check), -O1 with line
#                                   tables only, a precompiled header (clang has no -O3 warning
#                                   trouble with it, decision 0180),
#                                   warnings as errors, and the libFuzzer targets (tests/fuzz).
#                                   scripts/test runs the C++ suites and the short fuzz runs here
#                                   (docs/decisions/0202-sanitizers-fuzzing-tidy-in-ci.md).

steward_build() {
  local root="$1"
  shift
  local generator=()
  # Paths relative to the checkout, so every clone shares one ccache.
  export CCACHE_BASEDIR="$root"
  command -v ninja >/dev/null 2>&1 && generator=(-G Ninja)
  if [[ ! -f "$root/build/CMakeCache.txt" ]]; then
    cmake -S "$root" -B "$root/build" "${generator[@]}" -DCMAKE_BUILD_TYPE=Release \
      -DSTEWARD_WERROR=ON >/dev/null
  fi
  local targets=()
  [[ $# -gt 0 ]] && targets=(--target "$@")
  cmake --build "$root/build" --parallel "$(nproc)" "${targets[@]}"
}

steward_build_asan() {
  local root="$1"
  shift
  local generator=()
  export CCACHE_BASEDIR="$root"
  command -v ninja >/dev/null 2>&1 && generator=(-G Ninja)
  if [[ ! -f "$root/build-asan/CMakeCache.txt" ]]; then
    CC=clang CXX=clang++ cmake -S "$root" -B "$root/build-asan" "${generator[@]}" \
      -DCMAKE_BUILD_TYPE=RelWithDebInfo \
      "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O1 -gline-tables-only" \
      "-DCMAKE_C_FLAGS_RELWITHDEBINFO=-O1 -gline-tables-only" \
      -DSTEWARD_WERROR=ON -DSTEWARD_SANITIZE=address,undefined -DSTEWARD_BUILD_FUZZ=ON \
      -DSTEWARD_PCH=ON >/dev/null
  fi
  # The build runs the test executables to list their tests (gtest_discover_tests).
  source "$root/tests/sanitizers/sanitize_env.sh"
  local targets=()
  [[ $# -gt 0 ]] && targets=(--target "$@")
  cmake --build "$root/build-asan" --parallel "$(nproc)" "${targets[@]}"
}
