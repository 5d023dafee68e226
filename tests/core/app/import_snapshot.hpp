// What an import left in a database, as sorted lines of text with no database ids (ids differ
// between backends and after a crash: PostgreSQL does not give back the ids of a rolled-back
// transaction). For comparing a crashed-and-resumed import with a clean one, and SQLite with
// PostgreSQL. Also the `steward` child-process helpers of those tests.
#pragma once

#include <fstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "engine/import_file_generator.hpp"
#include "store/database.hpp"
#include "support/cli_run.hpp"
#include "support/test_database.hpp"

namespace steward::testing {

struct ImportSnapshot {
  std::vector<std::string> gifts;        // external id, amounts, status, date, donor, fund
  std::vector<std::string> donors;       // names, emails, payer ids
  std::vector<std::string> allocations;  // gift external id, fund, amounts
  std::vector<std::string> outcomes;     // seq, line, outcome, committed, matched_by
  std::vector<std::string> identities;   // source, external id, kind, gift external id
  long long duplicate_gifts = 0;         // (source, external_id) recorded more than once
  long long gift_audits_missing = 0;     // gifts with no "create" audit event
};

inline std::vector<std::string> text_rows(store::Database& db, const std::string& sql) {
  std::vector<std::string> out;
  Status s = db.read([&](store::Unit& u) {
    soci::rowset<std::string> rs = (u.sql().prepare << sql);
    for (const auto& r : rs) out.push_back(r);
    return Status::ok();
  });
  EXPECT_TRUE(s.is_ok()) << s.to_string() << "\n" << sql;
  return out;
}

inline ImportSnapshot snapshot(store::Database& db) {
  ImportSnapshot s;
  s.gifts = text_rows(
      db,
      "SELECT g.source || '|' || g.external_id || '|' || CAST(g.amount_minor AS TEXT) || '|' || "
      "CAST(g.refunded_minor AS TEXT) || '|' || CAST(g.fee_minor AS TEXT) || '|' || g.status || "
      "'|' || CAST(g.received_on AS TEXT) || '|' || g.currency || '|' || c.display_name || '|' "
      "|| COALESCE(g.notes, '') FROM gifts g JOIN constituents c ON c.id = g.constituent_id "
      "ORDER BY g.source, g.external_id");
  s.donors = text_rows(
      db,
      "SELECT c.display_name || '|' || COALESCE(c.first_name, '') || '|' || c.last_name || '|' "
      "|| COALESCE((SELECT MIN(e.email) FROM emails e WHERE "
      "e.constituent_id = c.id), '') || '|' || COALESCE((SELECT MIN(x.external_id) FROM "
      "constituent_external_ids x WHERE x.constituent_id = c.id), '') || '|' || "
      "CAST((SELECT COUNT(*) FROM gifts g WHERE g.constituent_id = c.id) AS TEXT) FROM "
      "constituents c ORDER BY 1");
  s.allocations = text_rows(
      db,
      "SELECT g.external_id || '|' || f.code || '|' || CAST(a.amount_minor AS TEXT) || '|' || "
      "CAST(a.refunded_minor AS TEXT) FROM gift_allocations a JOIN gifts g ON g.id = a.gift_id "
      "JOIN funds f ON f.id = a.fund_id ORDER BY 1");
  s.outcomes = text_rows(
      db,
      "SELECT CAST(r.seq AS TEXT) || '|' || CAST(r.line AS TEXT) || '|' || r.outcome || '|' || "
      "CAST(r.committed AS TEXT) || '|' || COALESCE(r.matched_by, '') || '|' || "
      "COALESCE(r.identity, '') || '|' || COALESCE(g.external_id, '') || '|' || "
      "COALESCE(f.code, '') FROM import_rows r LEFT JOIN gifts g ON g.id = r.gift_id LEFT JOIN "
      "funds f ON f.id = r.fund_id ORDER BY r.import_id, r.seq");
  s.identities =
      text_rows(db,
                "SELECT p.source || '|' || p.external_id || '|' || p.kind || '|' || "
                "COALESCE(g.external_id, '') FROM payment_identities p LEFT JOIN gifts g ON g.id = "
                "p.gift_id ORDER BY 1");
  s.duplicate_gifts = query_int(db,
                                "SELECT COUNT(*) FROM (SELECT source, external_id FROM gifts "
                                "GROUP BY source, external_id HAVING COUNT(*) > 1) d");
  s.gift_audits_missing =
      query_int(db,
                "SELECT COUNT(*) FROM gifts g WHERE NOT EXISTS (SELECT 1 FROM audit_events a WHERE "
                "a.entity_type = 'gift' AND a.entity_id = g.id AND a.action = 'create')");
  return s;
}

// Compares two snapshots field by field (first difference of each list is reported).
inline void expect_same(const ImportSnapshot& want, const ImportSnapshot& got,
                        const std::string& what) {
  auto same = [&](const std::vector<std::string>& a, const std::vector<std::string>& b,
                  const char* name) {
    EXPECT_EQ(a.size(), b.size()) << what << ": " << name;
    for (std::size_t i = 0; i < a.size() && i < b.size(); ++i) {
      if (a[i] != b[i]) {
        ADD_FAILURE() << what << ": " << name << " differ at " << i << ":\n  " << a[i] << "\n  "
                      << b[i];
        return;
      }
    }
  };
  same(want.gifts, got.gifts, "gifts");
  same(want.donors, got.donors, "donors");
  same(want.allocations, got.allocations, "allocations");
  same(want.outcomes, got.outcomes, "row outcomes");
  same(want.identities, got.identities, "payment identities");
  EXPECT_EQ(got.duplicate_gifts, 0) << what;
  EXPECT_EQ(got.gift_audits_missing, 0) << what;
}

// A fresh migrated database with the funds the generated files name, and the built-in
// importers installed for the command line in `plugin_dir`.
inline std::unique_ptr<TestDatabase> import_database(TestBackend backend,
                                                     const std::string& plugin_dir) {
  std::string why;
  auto t = TestDatabase::create(backend, why);
  if (!t) return t;
  t->migrate();
  Status s = t->db().write({}, [](store::Unit& u) {
    for (const auto& f : engine::kGeneratedFunds) {
      std::string code = f.code, name = f.name;
      u.sql() << "INSERT INTO funds (code, name) VALUES (:c, :n)", soci::use(code), soci::use(name);
    }
    return Status::ok();
  });
  EXPECT_TRUE(s.is_ok()) << s.to_string();
  CommandRun install =
      run_command(std::string(STEWARD_BIN) + " --database " + shell_quote(t->url()) +
                  " --plugin-dir " + shell_quote(plugin_dir) + " plugins install-bundled");
  EXPECT_EQ(install.exit_code, 0) << install.output;
  return t;
}

inline std::string write_generated_file(const std::string& path, long long rows,
                                        std::uint64_t seed) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  engine::ImportFileOptions options;
  options.rows = rows;
  options.seed = seed;
  auto written = engine::write_import_file(out, options);
  EXPECT_TRUE(written) << written.status().to_string();
  return path;
}

}  // namespace steward::testing
