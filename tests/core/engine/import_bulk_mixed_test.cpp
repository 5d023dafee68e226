// The bulk commit with known donors and review decisions (decision 0212) against the row-by-row
// commit (CommitOptions::row_by_row): a file mixing new donors, donors known by payer id and by
// email, donors a person chose in review (an existing one, or "create new"), rows still waiting
// for review, and the rows that stay on the one-by-one path (a donor with a recurring plan, a
// donor in a household, a recurring payment, a refund, a repeated line), committed both ways into
// two fresh databases, leaves the same donors, emails, payer links, gifts, allocations, soft
// credits, identities, plans, row outcomes, summaries and audit rows; with chunks of every size.
// A crash between chunks then resume adds nothing twice.
#include <sstream>

#include "import_support.hpp"
#include "store/import_repository.hpp"
#include "store/row_reader.hpp"
#include "support/import_tables.hpp"
#include "support/needs_fixtures.hpp"
#include "support/table_dump.hpp"

namespace steward {
namespace import_mixed_test {

using engine::imports::CommitOptions;
using testing::Line;
using testing::pay;

Line mixed_line(const std::string& id, long long amount, const std::string& name,
                const std::string& email, const std::string& payer) {
  Line l = pay(id, amount, name, email);
  l.payer = payer;
  l.fee = "25";
  return l;
}

// What both databases hold before the file: donors known by payer id (from an earlier import)
// and by email only, one with a recurring plan, one in a household, and two to choose in review.
struct MixedSeed {
  long long chosen = 0;
};

MixedSeed mixed_seed(store::Database& db, const store::Actor& actor) {
  MixedSeed seed;
  auto earlier = testing::stage_lines(
      db, actor, {mixed_line("ch_seed", 300, "Payer Known", "pk@example.org", "cus_known")});
  EXPECT_TRUE(earlier) << earlier.status().to_string();
  if (earlier) {
    EXPECT_TRUE(engine::imports::commit_import(db, actor, *earlier));
  }
  auto with_email = [&](const std::string& name, const std::string& email) {
    long long id = testing::make_person(db, name);
    EXPECT_TRUE(db.write(store::Actor{"test:seed", ""}, [&](store::Unit& u) -> Status {
      u.sql() << "INSERT INTO emails (constituent_id, email, kind, is_primary, created_at, "
                 "updated_at) VALUES (:c, :e, 'home', TRUE, '2026-01-01T00:00:00Z', "
                 "'2026-01-01T00:00:00Z')",
          soci::use(id), soci::use(email);
      return Status::ok();
    }));
    return id;
  };
  with_email("메일 아는분", "mk@example.org");
  long long planned = with_email("Plan Holder", "ph@example.org");
  testing::needs::PlanSpec plan;
  plan.constituent_id = planned;
  plan.amount_minor = 2500;
  plan.anchor_day = 1;
  plan.starts_on = "2026-01-01";
  testing::needs::make_plan(db, plan);
  long long member = with_email("Home Member", "hm@example.org");
  long long home = testing::make_household(db, "Member Household");
  testing::add_member(db, home, member, std::string("2020-01-01"));
  seed.chosen = testing::make_person(db, "Chosen Donor");
  testing::make_person(db, "Review Me");  // a name alone: review
  return seed;
}

// `tail`: seven more plain new donors after the mixed rows (longer runs of queued rows, chunks
// that hold only them); a commit one row per chunk gains nothing from them.
std::vector<Line> mixed_lines(bool tail) {
  std::vector<Line> l;
  l.push_back(mixed_line("ch_1", 1000, "New One", "n1@example.org", "cus_n1"));
  l.push_back(mixed_line("ch_2", 1100, "P. Known", "other@example.org", "cus_known"));  // payer
  l.push_back(mixed_line("ch_3", 1200, "김하나", "n3@example.org", "cus_n3"));
  l.push_back(mixed_line("ch_4", 1300, "메일 아는분", "MK@example.org", "cus_mk"));  // email, link
  l.push_back(mixed_line("ch_5", 1400, "Review Me", "", "cus_r1"));  // review: chosen donor
  l.push_back(mixed_line("ch_6", 1500, "New Six", "n6@example.org", ""));
  Line plan_payment = mixed_line("ch_7", 2500, "Plan Holder", "ph@example.org", "");
  plan_payment.date = "2026-03-02";
  l.push_back(plan_payment);  // a donor with a plan: one by one, attaches by donor window
  l.push_back(mixed_line("ch_8", 1600, "Home Member", "hm@example.org", ""));  // household
  l.push_back(mixed_line("ch_9", 1700, "Review Me", "", "cus_r2"));            // review: create new
  l.push_back(mixed_line("ch_10", 1800, "P Known", "", "cus_known"));          // payer again
  l.push_back(mixed_line("ch_11", 1900, "Review Me", "", "cus_r3"));           // left in review
  l.push_back(mixed_line("ch_1", 1000, "New One", "n1@example.org", "cus_n1"));  // repeated line
  l.push_back(mixed_line("ch_12", 2000, "이두리", "n12@example.org", "cus_n12"));
  Line sub = mixed_line("ch_13", 3000, "Sub Scriber", "sub@example.org", "cus_sub");
  sub.recurring = "sub_9";
  l.push_back(sub);
  l.push_back(
      mixed_line("ch_14", 2100, "메일 아는분", "mk@example.org", "cus_mk"));  // now by payer
  Line refund = pay("re_3", 200, "", "");
  refund.kind = "refund";
  refund.original = "ch_3";
  l.push_back(refund);
  for (int i = 15; tail && i < 22; ++i) {
    l.push_back(mixed_line("ch_" + std::to_string(i), 500 + i, "Tail " + std::to_string(i),
                           "t" + std::to_string(i) + "@example.org", "cus_t" + std::to_string(i)));
  }
  return l;
}

// Stages the file, records the two review decisions, commits.
Result<engine::imports::CommitSummary> mixed_import(store::Database& db, const store::Actor& actor,
                                                    const MixedSeed& seed, CommitOptions options,
                                                    bool tail = true) {
  auto id = testing::stage_lines(db, actor, mixed_lines(tail));
  if (!id) return id.status();
  auto first = engine::imports::decide_review(db, actor, *id, 5, {seed.chosen, false});
  if (!first) return first.status();
  auto second = engine::imports::decide_review(db, actor, *id, 9, {std::nullopt, true});
  if (!second) return second.status();
  return engine::imports::commit_import(db, actor, *id, options);
}

class ImportBulkMixedTest : public testing::ImportTest {};

TEST_P(ImportBulkMixedTest, KnownAndDecidedRowsInBulkLeaveWhatRowByRowLeaves) {
  for (int chunk_rows : {5000, 6, 1}) {
    SCOPED_TRACE("chunk_rows " + std::to_string(chunk_rows));
    auto reference = fresh_db();
    auto target = fresh_db();
    ASSERT_TRUE(reference && target);
    MixedSeed seed_ref = mixed_seed(reference->db(), actor());
    MixedSeed seed = mixed_seed(target->db(), actor());
    CommitOptions old_way;
    old_way.row_by_row = true;
    old_way.chunk_rows = chunk_rows;
    // One row per chunk is the slowest commit; the mixed rows alone cover it.
    const bool tail = chunk_rows != 1;
    auto expected = mixed_import(reference->db(), actor(), seed_ref, old_way, tail);
    ASSERT_TRUE(expected) << expected.status().to_string();
    CommitOptions bulk;
    bulk.chunk_rows = chunk_rows;
    auto done = mixed_import(target->db(), actor(), seed, bulk, tail);
    ASSERT_TRUE(done) << done.status().to_string();
    // New donors, the known ones by payer id and email, and both decisions go bulk.
    if (chunk_rows == 5000) {
      EXPECT_GE(done->bulk_rows, 14);
    }
    EXPECT_EQ(done->totals.gifts, expected->totals.gifts);
    EXPECT_EQ(done->totals.refunds, expected->totals.refunds);
    EXPECT_EQ(done->totals.duplicates, expected->totals.duplicates);
    EXPECT_EQ(done->totals.review, expected->totals.review);
    EXPECT_EQ(done->totals.donors_created, expected->totals.donors_created);
    EXPECT_EQ(done->totals.committed, expected->totals.committed);
    EXPECT_EQ(done->pending_review, 1);
    auto got = testing::import_tables(target->db());
    for (const auto& [name, text] : testing::import_tables(reference->db())) {
      EXPECT_EQ(got.at(name), text) << "table " << name << " differs";
    }
    // What a user sees: the known donors got their gifts, the decisions were followed.
    store::Database& t = target->db();
    EXPECT_EQ(testing::query_int(t,
                                 "SELECT COUNT(*) FROM gifts g JOIN constituents c ON c.id = "
                                 "g.constituent_id WHERE c.display_name = 'Payer Known'"),
              3);
    EXPECT_EQ(testing::query_int(t, "SELECT constituent_id FROM gifts WHERE external_id = 'ch_5'"),
              seed.chosen);
    EXPECT_EQ(testing::query_int(t,
                                 "SELECT COUNT(*) FROM constituent_external_ids WHERE "
                                 "external_id = 'cus_mk'"),
              1);
    EXPECT_EQ(testing::query_int(t,
                                 "SELECT COUNT(*) FROM gifts g JOIN constituents c ON c.id = "
                                 "g.constituent_id WHERE c.display_name = '메일 아는분'"),
              2);
    EXPECT_EQ(testing::query_int(t,
                                 "SELECT COUNT(*) FROM gifts WHERE recurring_plan_id IS NOT "
                                 "NULL"),
              2);
  }
}

TEST_P(ImportBulkMixedTest, ACrashBetweenMixedChunksThenResumeAddsNothingTwice) {
  auto reference = fresh_db();
  ASSERT_TRUE(reference);
  MixedSeed seed_ref = mixed_seed(reference->db(), actor());
  MixedSeed seed = mixed_seed(db(), actor());
  CommitOptions old_way;
  old_way.row_by_row = true;
  ASSERT_TRUE(mixed_import(reference->db(), actor(), seed_ref, old_way));

  CommitOptions crash;
  crash.chunk_rows = 4;
  crash.before_chunk_commit = [](int index) {
    return index == 2 ? Status::unavailable("simulated crash") : Status::ok();
  };
  auto failed = mixed_import(db(), actor(), seed, crash);
  ASSERT_FALSE(failed);
  EXPECT_EQ(failed.status().code(), StatusCode::kUnavailable);
  long long import_id = count("SELECT MAX(id) FROM imports");
  EXPECT_GT(gifts(), 1);  // the seed's gift and the first two chunks
  CommitOptions resume;
  resume.chunk_rows = 4;
  auto done = engine::imports::commit_import(db(), actor(), import_id, resume);
  ASSERT_TRUE(done) << done.status().to_string();
  auto again = engine::imports::commit_import(db(), actor(), import_id, resume);
  ASSERT_TRUE(again) << again.status().to_string();
  EXPECT_EQ(again->totals.gifts, 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM gifts"),
            count("SELECT COUNT(DISTINCT external_id) FROM gifts"));
  // Ids may differ after a rolled-back chunk (PostgreSQL sequences do not roll back): compare
  // gifts by identity, donors by name, outcomes by line.
  const char* by_identity =
      "SELECT g.external_id, g.amount_minor, g.status, g.refunded_minor, c.display_name, "
      "a.fund_id FROM gifts g JOIN constituents c ON c.id = g.constituent_id JOIN "
      "gift_allocations a ON a.gift_id = g.id ORDER BY g.external_id";
  EXPECT_EQ(testing::table_dump(db(), by_identity),
            testing::table_dump(reference->db(), by_identity));
  const char* donors =
      "SELECT c.display_name, COALESCE(s.lifetime_minor, 0), COALESCE(s.gift_count, 0), "
      "COALESCE(s.soft_credit_minor, 0) FROM constituents c LEFT JOIN giving_summaries s ON "
      "s.constituent_id = c.id ORDER BY c.display_name";
  EXPECT_EQ(testing::table_dump(db(), donors), testing::table_dump(reference->db(), donors));
  const char* outcomes =
      "SELECT import_id, seq, outcome, matched_by, decided_by, committed FROM import_rows "
      "ORDER BY import_id, seq";
  EXPECT_EQ(testing::table_dump(db(), outcomes), testing::table_dump(reference->db(), outcomes));
  const char* links =
      "SELECT x.external_id, c.display_name FROM constituent_external_ids x JOIN constituents c "
      "ON c.id = x.constituent_id ORDER BY x.external_id";
  EXPECT_EQ(testing::table_dump(db(), links), testing::table_dump(reference->db(), links));
}

STEWARD_INSTANTIATE_DATABASE_TEST(ImportBulkMixedTest);

}  // namespace import_mixed_test
}  // namespace steward
