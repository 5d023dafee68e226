// STEWARD_NO_SANITIZE_VPTR: turns UndefinedBehaviorSanitizer's vptr check off for one function.
// For the few functions that static_cast a SOCI session backend to its concrete class to reach
// the native connection (PGconn*, sqlite3*): libsoci_postgresql and libsoci_sqlite3 export no
// typeinfo for their session classes (hence static_cast, not dynamic_cast), and the vptr check
// needs that typeinfo, so with it no sanitized executable links (build-asan,
// docs/decisions/0210-sanitized-build-findings.md). The cast itself is sound: each site has
// checked the backend's name first. No effect on builds without the sanitizer.
#pragma once

#if defined(__clang__) || defined(__GNUC__)
#define STEWARD_NO_SANITIZE_VPTR __attribute__((no_sanitize("vptr")))
#else
#define STEWARD_NO_SANITIZE_VPTR
#endif
