// The bulk import commit (decision 0200) against the row-by-row commit it replaces: the same
// file, committed both ways into two fresh databases, leaves the same donors, emails, payer
// links, gifts, allocations, identities, row outcomes, giving summaries and audit rows; the
// summaries equal a full rebuild; a crash between chunks then resume adds nothing twice.
#include <sstream>

#include "import_support.hpp"
#include "store/giving_summary_repository.hpp"
#include "store/import_repository.hpp"
#include "store/row_reader.hpp"
#include "support/table_dump.hpp"

namespace steward {
namespace {

using engine::imports::CommitOptions;
using testing::Line;
using testing::pay;

struct BulkTestSnapshot {
  std::map<std::string, std::string> tables;
};

BulkTestSnapshot bulk_test_snapshot(store::Database& db) {
  BulkTestSnapshot s;
  auto put = [&](const char* name, const std::string& sql) {
    s.tables[name] = testing::table_dump(db, sql);
  };
  put("constituents",
      "SELECT id, kind, first_name, last_name, display_name, sort_name, donor_source, name_key, "
      "display_name_key, name_keys_ready, version FROM constituents ORDER BY id");
  put("emails", "SELECT id, constituent_id, email, kind, is_primary FROM emails ORDER BY id");
  put("addresses", "SELECT constituent_id, line1, postal_code FROM addresses ORDER BY id");
  put("payer_ids",
      "SELECT source, external_id, constituent_id FROM constituent_external_ids "
      "ORDER BY source, external_id");
  put("gifts",
      "SELECT id, constituent_id, received_on, amount_minor, currency, base_amount_minor, "
      "base_currency, exchange_rate, fee_minor, refunded_minor, base_refunded_minor, "
      "payment_method, status, source, external_id, request_hash, campaign_id, appeal_id, "
      "recurring_plan_id, anonymous, notes, created_by, version FROM gifts ORDER BY id");
  put("allocations",
      "SELECT gift_id, fund_id, amount_minor, refunded_minor FROM gift_allocations "
      "ORDER BY gift_id, id");
  put("soft_credits",
      "SELECT gift_id, constituent_id, amount_minor, role FROM soft_credits ORDER BY gift_id, id");
  put("identities",
      "SELECT source, external_id, kind, gift_id, import_id FROM payment_identities "
      "ORDER BY source, external_id, kind");
  put("plans", "SELECT id, constituent_id, amount_minor, status FROM recurring_plans ORDER BY id");
  put("rows",
      "SELECT seq, outcome, constituent_id, create_donor, decided_by, matched_by, fund_id, "
      "gift_id, message, committed FROM import_rows ORDER BY seq");
  put("summaries",
      "SELECT constituent_id, first_gift_on, first_gift_minor, last_gift_on, last_gift_minor, "
      "largest_gift_minor, gift_count, lifetime_minor, soft_credit_count, soft_credit_minor "
      "FROM giving_summaries ORDER BY constituent_id");
  put("by_year",
      "SELECT constituent_id, fiscal_year, gift_count, total_minor, soft_credit_minor "
      "FROM giving_by_year ORDER BY constituent_id, fiscal_year");
  put("search", "SELECT constituent_id, doc FROM constituent_search ORDER BY constituent_id");
  s.tables["audit"] = testing::audit_dump_without_times(db);
  return s;
}

void bulk_test_expect_same(const BulkTestSnapshot& bulk, const BulkTestSnapshot& row_by_row) {
  for (const auto& [name, text] : row_by_row.tables) {
    EXPECT_EQ(bulk.tables.at(name), text) << "table " << name << " differs";
  }
}

// Before the file: a known donor with an email, in a household; the fund the hints name.
void bulk_test_seed(store::Database& db) {
  long long known = testing::make_person(db, "Known Donor");
  long long home = testing::make_household(db, "Donor Household");
  testing::add_member(db, home, known, std::string("2020-01-01"));
  auto ok = db.write(store::Actor{"test:seed", ""}, [&](store::Unit& u) -> Status {
    u.sql() << "INSERT INTO emails (constituent_id, email, kind, is_primary, created_at, "
               "updated_at) VALUES (:c, 'known@example.org', 'home', TRUE, "
               "'2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')",
        soci::use(known);
    return Status::ok();
  });
  ASSERT_TRUE(ok) << ok.to_string();
  testing::make_fund(db, "MED");
}

// A file mixing common rows with every kind of uncommon one.
std::vector<Line> bulk_test_lines() {
  std::vector<Line> lines;
  for (int i = 0; i < 12; ++i) {
    Line l = pay("ch_" + std::to_string(i), 1000 + i * 100,
                 i % 3 == 0 ? "김민지" + std::to_string(i) : "Jane Doe" + std::to_string(i),
                 "donor" + std::to_string(i) + "@example.org");
    l.payer = "cus_" + std::to_string(i);
    l.fee = "30";
    l.description = i % 4 == 0 ? "for medical care" : "";
    l.fund_hint = i % 5 == 0 ? "MED" : "";
    l.date = "2026-0" + std::to_string(1 + i % 9) + "-1" + std::to_string(i % 9);
    lines.push_back(l);
  }
  Line repeat = pay("ch_r1", 700, "김민지0", "donor0@example.org");  // same payer: known by then
  repeat.payer = "cus_0";
  lines.insert(lines.begin() + 3, repeat);
  Line same_email = pay("ch_e1", 800, "Other Name", "DONOR1@example.org ");
  lines.insert(lines.begin() + 5, same_email);
  lines.push_back(pay("ch_known", 900, "Known Donor", "known@example.org"));  // household
  lines.push_back(pay("ch_name", 950, "Jane Doe2", ""));  // the name of a donor of this file
  Line with_address = pay("ch_addr", 1200, "박서준", "seojun@example.org");
  with_address.line1 = "1 Main St";
  with_address.postal = "04524";
  lines.push_back(with_address);
  Line recurring = pay("ch_sub1", 2000, "이하은", "haeun@example.org");
  recurring.recurring = "sub_1";
  lines.push_back(recurring);
  Line recurring2 = recurring;
  recurring2.id = "ch_sub2";
  recurring2.date = "2026-02-05";
  lines.push_back(recurring2);
  Line foreign = pay("ch_krw", 50000, "최지우", "jiwoo@example.org");
  foreign.currency = "KRW";
  foreign.converted = "3700 USD";
  lines.push_back(foreign);
  lines.push_back(pay("ch_bad_email", 1500, "No Mail", "not an email"));
  lines.push_back(pay("ch_2", 1200, "Jane Doe2", "donor2@example.org"));  // repeats a line
  Line refund = pay("re_1", 400, "", "");
  refund.kind = "refund";
  refund.original = "ch_4";
  lines.push_back(refund);
  for (int i = 12; i < 20; ++i) {
    lines.push_back(pay("ch_" + std::to_string(i), 500 + i, "Tail Person" + std::to_string(i),
                        "tail" + std::to_string(i) + "@example.org"));
  }
  return lines;
}

Result<engine::imports::CommitSummary> bulk_test_import(store::Database& db,
                                                        const store::Actor& actor,
                                                        const std::vector<Line>& lines,
                                                        CommitOptions options) {
  testing::TempFile file("payments.txt", testing::lines_file(lines));
  engine::imports::StageOptions stage;
  stage.path = file.path();
  stage.plugin_id = testing::kLinesPluginId;
  stage.default_fund_code = "GEN";
  auto importer = testing::lines_importer();
  auto preview = engine::imports::stage_import(db, actor, *importer, stage);
  if (!preview) return preview.status();
  return engine::imports::commit_import(db, actor, preview->import_id, options);
}

class ImportBulkCommitTest : public testing::ImportTest {
 protected:
  // A second fresh database of the same backend, seeded the same way, for the row-by-row run.
  std::unique_ptr<testing::TestDatabase> reference_db() {
    std::string why;
    auto other = testing::TestDatabase::create(GetParam(), why);
    EXPECT_TRUE(other) << why;
    if (!other) return other;
    other->migrate();
    testing::make_fund(other->db(), "GEN");
    bulk_test_seed(other->db());
    return other;
  }
};

TEST_P(ImportBulkCommitTest, BulkCommitLeavesWhatRowByRowLeaves) {
  bulk_test_seed(db());
  std::vector<Line> lines = bulk_test_lines();
  for (int chunk_rows : {5000, 4}) {
    SCOPED_TRACE("chunk_rows " + std::to_string(chunk_rows));
    auto other = reference_db();
    ASSERT_TRUE(other);
    CommitOptions old_way;
    old_way.row_by_row = true;
    old_way.chunk_rows = chunk_rows;
    auto reference = bulk_test_import(other->db(), actor(), lines, old_way);
    ASSERT_TRUE(reference) << reference.status().to_string();
    EXPECT_EQ(reference->bulk_rows, 0);

    std::unique_ptr<testing::TestDatabase> fresh;
    store::Database* target = &db();
    if (chunk_rows != 5000) {  // the second round in a database of its own
      fresh = reference_db();
      ASSERT_TRUE(fresh);
      target = &fresh->db();
    }
    CommitOptions bulk;
    bulk.chunk_rows = chunk_rows;
    auto done = bulk_test_import(*target, actor(), lines, bulk);
    ASSERT_TRUE(done) << done.status().to_string();
    EXPECT_GT(done->bulk_rows, 10);
    EXPECT_EQ(done->totals.gifts, reference->totals.gifts);
    EXPECT_EQ(done->totals.refunds, reference->totals.refunds);
    EXPECT_EQ(done->totals.duplicates, reference->totals.duplicates);
    EXPECT_EQ(done->totals.review, reference->totals.review);
    EXPECT_EQ(done->totals.errors, reference->totals.errors);
    EXPECT_EQ(done->totals.donors_created, reference->totals.donors_created);
    EXPECT_EQ(done->totals.committed, reference->totals.committed);
    bulk_test_expect_same(bulk_test_snapshot(*target), bulk_test_snapshot(other->db()));
  }
  // The Hangul names round-trip through the bulk path.
  EXPECT_EQ(count("SELECT COUNT(*) FROM constituents WHERE display_name = '김민지3' AND "
                  "last_name = '김' AND first_name = '민지3'"),
            1);
}

TEST_P(ImportBulkCommitTest, SummariesAfterABulkChunkEqualAFullRebuild) {
  bulk_test_seed(db());
  CommitOptions bulk;
  bulk.chunk_rows = 7;
  auto done = bulk_test_import(db(), actor(), bulk_test_lines(), bulk);
  ASSERT_TRUE(done) << done.status().to_string();
  ASSERT_GT(done->bulk_rows, 0);
  const char* summaries =
      "SELECT constituent_id, first_gift_on, first_gift_minor, last_gift_on, last_gift_minor, "
      "largest_gift_minor, gift_count, lifetime_minor, soft_credit_count, soft_credit_minor "
      "FROM giving_summaries ORDER BY constituent_id";
  const char* years =
      "SELECT constituent_id, fiscal_year, gift_count, total_minor, soft_credit_minor "
      "FROM giving_by_year ORDER BY constituent_id, fiscal_year";
  std::string before = testing::table_dump(db(), summaries) + testing::table_dump(db(), years);
  EXPECT_GT(count("SELECT COUNT(*) FROM giving_summaries"), 20);
  // The household gets the known donor's gift.
  EXPECT_EQ(count("SELECT COUNT(*) FROM giving_summaries s JOIN constituents c ON c.id = "
                  "s.constituent_id WHERE c.kind = 'household' AND s.lifetime_minor = 900"),
            1);
  ASSERT_TRUE(db().write(actor(), [](store::Unit& u) { return store::giving::rebuild_all(u); }));
  EXPECT_EQ(before, testing::table_dump(db(), summaries) + testing::table_dump(db(), years));
}

TEST_P(ImportBulkCommitTest, ACrashBetweenBulkChunksThenResumeAddsNothingTwice) {
  bulk_test_seed(db());
  std::vector<Line> lines = bulk_test_lines();
  auto other = reference_db();
  ASSERT_TRUE(other);
  CommitOptions old_way;
  old_way.row_by_row = true;
  old_way.chunk_rows = 5;
  ASSERT_TRUE(bulk_test_import(other->db(), actor(), lines, old_way));

  CommitOptions crash;
  crash.chunk_rows = 5;
  crash.before_chunk_commit = [](int index) {
    return index == 2 ? Status::unavailable("simulated crash") : Status::ok();
  };
  auto failed = bulk_test_import(db(), actor(), lines, crash);
  ASSERT_FALSE(failed);
  EXPECT_EQ(failed.status().code(), StatusCode::kUnavailable);
  long long in_before_resume = gifts();  // two chunks are in, the third rolled back
  EXPECT_GT(in_before_resume, 0);
  EXPECT_LT(in_before_resume, testing::query_int(other->db(), "SELECT COUNT(*) FROM gifts"));
  long long import_id = count("SELECT MAX(id) FROM imports");
  CommitOptions resume;
  resume.chunk_rows = 5;
  auto done = engine::imports::commit_import(db(), actor(), import_id, resume);
  ASSERT_TRUE(done) << done.status().to_string();
  auto again = engine::imports::commit_import(db(), actor(), import_id, resume);
  ASSERT_TRUE(again) << again.status().to_string();
  EXPECT_EQ(again->totals.gifts, 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM gifts"),
            count("SELECT COUNT(DISTINCT external_id) FROM gifts"));
  BulkTestSnapshot resumed = bulk_test_snapshot(db());
  BulkTestSnapshot reference = bulk_test_snapshot(other->db());
  // Ids may differ after a rolled-back chunk (PostgreSQL sequences do not roll back), so compare
  // what a user sees: gifts by identity, donors by name, outcomes by line.
  const char* by_identity =
      "SELECT g.external_id, g.amount_minor, g.status, g.refunded_minor, c.display_name, "
      "a.fund_id FROM gifts g JOIN constituents c ON c.id = g.constituent_id JOIN "
      "gift_allocations a ON a.gift_id = g.id ORDER BY g.external_id";
  EXPECT_EQ(testing::table_dump(db(), by_identity), testing::table_dump(other->db(), by_identity));
  const char* donors =
      "SELECT c.display_name, COALESCE(s.lifetime_minor, 0), COALESCE(s.gift_count, 0) FROM "
      "constituents c LEFT JOIN giving_summaries s ON s.constituent_id = c.id "
      "ORDER BY c.display_name";
  EXPECT_EQ(testing::table_dump(db(), donors), testing::table_dump(other->db(), donors));
  const char* outcomes = "SELECT seq, outcome, matched_by, committed FROM import_rows ORDER BY seq";
  EXPECT_EQ(testing::table_dump(db(), outcomes), testing::table_dump(other->db(), outcomes));
  EXPECT_EQ(resumed.tables["identities"].size(), reference.tables["identities"].size());
}

STEWARD_INSTANTIATE_DATABASE_TEST(ImportBulkCommitTest);

}  // namespace
}  // namespace steward
