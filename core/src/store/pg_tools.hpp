// PostgreSQL's own tools for `steward backup` and `steward restore`: pg_dump in its custom format
// and pg_restore, run as child processes (Debian's postgresql-client). The connection settings
// come from the database URL; the password travels in the child's environment (PGPASSWORD),
// never on its command line.
#pragma once

#include <string>

#include "steward/sdk/result.hpp"

namespace steward::store {

// pg_dump --format=custom of the whole database into `file`. Errors: kUnavailable with
// pg_dump's own message (bad password, server down, pg_dump missing).
Status pg_dump_to(const std::string& url, const std::string& file);

// pg_restore of `file` into the (empty) database, in one transaction, stopping at the first
// error, without owners or privileges from the source. Errors: kUnavailable with pg_restore's
// message; nothing is restored then.
Status pg_restore_from(const std::string& url, const std::string& file);

}  // namespace steward::store
