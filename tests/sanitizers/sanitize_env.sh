# Sourced (bash): run-time options for programs built with STEWARD_SANITIZE / STEWARD_BUILD_FUZZ
# (build-asan). Every report aborts with a non-zero exit; leaks are checked at exit; known
# third-party findings are suppressed from the commented files beside this one. A variable the
# caller already set is kept.
steward_sanitizers_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:halt_on_error=1:check_initialization_order=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1:suppressions=$steward_sanitizers_dir/ubsan.supp}"
export LSAN_OPTIONS="${LSAN_OPTIONS:-suppressions=$steward_sanitizers_dir/lsan.supp:print_suppressions=0}"
