# Sourced by scripts/run and scripts/test: configures and builds Steward in build/ (Release,
# warnings as errors, Ninja and ccache when present).
steward_build() {
  local root="$1"
  local generator=()
  # Paths relative to the checkout, so every clone shares one ccache.
  export CCACHE_BASEDIR="$root"
  command -v ninja >/dev/null 2>&1 && generator=(-G Ninja)
  if [[ ! -f "$root/build/CMakeCache.txt" ]]; then
    cmake -S "$root" -B "$root/build" "${generator[@]}" -DCMAKE_BUILD_TYPE=Release \
      -DSTEWARD_WERROR=ON >/dev/null
  fi
  cmake --build "$root/build" --parallel "$(nproc)"
}
