// `steward backup FILE [--encrypt]` and `steward restore FILE`: a consistent copy of the whole
// database (SQLite: the online backup API, safe while Steward runs; PostgreSQL: pg_dump's custom
// format), optionally encrypted with a passphrase (app/backup_file.hpp), and its restore into a
// fresh, empty database of the same kind.
//
// The passphrase comes from STEWARD_BACKUP_PASSPHRASE, else from the first line of stdin. At
// least 12 characters. Backups hold every donor's data: files are mode 0600, and each backup is
// recorded in the audit trail (who, when, which file, encrypted or not).
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>

#include <fmt/format.h>

#include "app/backup_file.hpp"
#include "app/cmd_helpers.hpp"
#include "domain/date.hpp"
#include "store/audit.hpp"
#include "store/database_url.hpp"
#include "store/pg_tools.hpp"
#include "store/sqlite_copy.hpp"

namespace steward::app {
namespace {

namespace fs = std::filesystem;

std::string read_passphrase() {
  if (const char* env = std::getenv("STEWARD_BACKUP_PASSPHRASE"); env && *env) return env;
  std::string line;
  std::getline(std::cin, line);
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

// A private temporary file next to `near` (same file system), removed when this goes away.
struct TempFile {
  explicit TempFile(const fs::path& near) {
    fs::path dir = near.parent_path().empty() ? fs::path(".") : near.parent_path();
    std::string tmpl = (dir / ".steward-backup-XXXXXX").string();
    int fd = ::mkstemp(tmpl.data());
    if (fd < 0) stop(Status::unavailable("cannot create a temporary file in " + dir.string()));
    ::close(fd);
    path = tmpl;
  }
  ~TempFile() {
    std::error_code ec;
    fs::remove(path, ec);
  }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
  fs::path path;
};

int schema_version(store::Database& db) {
  auto v = db.read([](store::Unit& u) -> Result<int> {
    int n = 0;
    soci::indicator ind = soci::i_null;
    u.sql() << "SELECT MAX(version) FROM schema_migrations", soci::into(n, ind);
    return ind == soci::i_ok ? n : 0;
  });
  return v ? *v : 0;
}

void backup(Context& ctx, const std::string& file, bool encrypt) {
  std::optional<std::string> passphrase;
  if (encrypt) {
    passphrase = read_passphrase();
    if (passphrase->size() < 12) {
      stop(Status::invalid_field("passphrase", "must be at least 12 characters"));
    }
  }
  auto& db = open_database(ctx);
  const fs::path out(file);
  TempFile payload(out);
  BackupHeader header;
  header.created_at = domain::utc_now_iso();
  header.steward_version = STEWARD_VERSION;
  header.schema_version = schema_version(db);
  if (db.is_postgresql()) {
    header.backend = "postgresql";
    header.format = "pg_dump-custom";
    if (Status s = store::pg_dump_to(db.url(), payload.path.string()); !s) stop(s);
  } else {
    header.backend = "sqlite";
    header.format = "sqlite3";
    if (Status s = store::sqlite_copy(*store::sqlite_path_of(db.url()), payload.path.string()); !s)
      stop(s);
  }
  if (Status s = write_backup_file(payload.path, out, header, passphrase); !s) stop(s);
  auto size = fs::file_size(out);
  Status audited = db.write(ctx.actor(), [&](store::Unit& u) {
    store::record_audit(u, "backup", "database", 0, nullptr,
                        {{"file", fs::absolute(out).string()},
                         {"bytes", size},
                         {"encrypted", encrypt},
                         {"schema_version", header.schema_version}});
    return Status::ok();
  });
  if (!audited) stop(audited);
  std::cout << fmt::format("backup written to {} ({} bytes, {}, {})\n", file, size, header.backend,
                           encrypt ? "encrypted" : "not encrypted");
}

// Refuses a target that already holds anything: restore builds a fresh database.
void require_empty_target(Context& ctx, bool postgresql) {
  if (!postgresql) {
    std::string path = *store::sqlite_path_of(ctx.config.database);
    std::error_code ec;
    if (path.empty()) stop(Status::invalid_field("database", "the SQLite URL names no file"));
    if (fs::exists(path, ec) && fs::file_size(path, ec) > 0) {
      stop(Status::conflict("the database " + path +
                            " already exists; restore into a new database file"));
    }
    return;
  }
  auto& db = open_database(ctx);
  auto tables = db.read([](store::Unit& u) -> Result<long long> {
    long long n = 0;
    u.sql() << "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = "
               "current_schema()",
        soci::into(n);
    return n;
  });
  if (!tables) stop(tables.status());
  if (*tables > 0) {
    stop(
        Status::conflict("the target database already has tables; restore into a new, empty "
                         "database (createdb)"));
  }
}

void restore(Context& ctx, const std::string& file) {
  const bool postgresql = store::is_postgresql_url(ctx.config.database);
  if (!postgresql && !store::sqlite_path_of(ctx.config.database)) {
    stop(Status::invalid_field("database", "unsupported database URL"));
  }
  require_empty_target(ctx, postgresql);
  fs::path near = postgresql ? fs::temp_directory_path() / "x"
                             : fs::path(*store::sqlite_path_of(ctx.config.database));
  TempFile payload(near);
  // Read the header first: only an encrypted backup asks for a passphrase.
  auto probe = read_backup_file(file, payload.path, std::nullopt);
  std::optional<std::string> passphrase;
  if (!probe && probe.status().message().find("encrypted") != std::string::npos) {
    passphrase = read_passphrase();
    probe = read_backup_file(file, payload.path, passphrase);
  }
  if (!probe) stop(probe.status());
  const BackupHeader& header = *probe;
  if (header.backend != (postgresql ? "postgresql" : "sqlite")) {
    stop(Status::invalid_field("database", "this is a backup of a " + header.backend +
                                               " database; restore it into a " + header.backend +
                                               " database"));
  }
  if (postgresql) {
    if (Status s = store::pg_restore_from(ctx.config.database, payload.path.string()); !s) stop(s);
  } else {
    if (Status s = store::sqlite_integrity_check(payload.path.string()); !s) stop(s);
    std::string target = *store::sqlite_path_of(ctx.config.database);
    if (Status s = store::sqlite_copy(payload.path.string(), target); !s) stop(s);
  }
  auto& db = open_database(ctx);
  Status audited = db.write(ctx.actor(), [&](store::Unit& u) {
    store::record_audit(u, "restore", "database", 0, nullptr,
                        {{"file", fs::absolute(file).string()},
                         {"backup_created_at", header.created_at},
                         {"schema_version", header.schema_version}});
    return Status::ok();
  });
  if (!audited) {
    std::cerr << "warning: restored, but the restore could not be audited: " << audited.message()
              << "\n";
  }
  std::cout << fmt::format("restored the backup of {} (schema version {}) into {}\n",
                           header.created_at, header.schema_version,
                           store::redact_url(ctx.config.database));
}

}  // namespace

void add_backup_commands(CLI::App& app, Context& ctx) {
  {
    auto* cmd = app.add_subcommand(
        "backup", "Write a consistent backup of the whole database to FILE (mode 0600)");
    auto file = std::make_shared<std::string>();
    auto encrypt = std::make_shared<bool>(false);
    cmd->add_option("file", *file, "the backup file to write")->required();
    cmd->add_flag("--encrypt", *encrypt,
                  "encrypt with a passphrase (STEWARD_BACKUP_PASSPHRASE, else the first line of "
                  "stdin)");
    cmd->callback([&ctx, file, encrypt] { backup(ctx, *file, *encrypt); });
  }
  {
    auto* cmd = app.add_subcommand("restore",
                                   "Restore a backup FILE into a new, empty database (--database)");
    auto file = std::make_shared<std::string>();
    cmd->add_option("file", *file, "the backup file to read")->required();
    cmd->callback([&ctx, file] { restore(ctx, *file); });
  }
}

}  // namespace steward::app
