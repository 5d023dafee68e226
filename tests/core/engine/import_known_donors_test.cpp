// Known donors in the bulk commit (decision 0222): whether each donor a chunk's payments are
// matched to can take a plain gift (alive, in no household, no recurring plan) is asked once per
// chunk for all of them, not once per donor. A chunk mixing new donors, donors known by payer id
// and by email, and a known donor who gets a recurring plan half-way through the chunk (so their
// next payment must go the one-by-one way and attach to the plan) leaves what the row-by-row
// commit leaves; importing the file again adds nothing.
#include "import_support.hpp"
#include "support/import_tables.hpp"
#include "support/table_dump.hpp"

namespace steward {
namespace import_known_donors_test {

using engine::imports::CommitOptions;
using testing::Line;
using testing::pay;

Line known_line(const std::string& id, long long amount, const std::string& name,
                const std::string& email, const std::string& payer) {
  Line l = pay(id, amount, name, email);
  l.payer = payer;
  return l;
}

Result<engine::imports::CommitSummary> known_import(store::Database& db, const store::Actor& actor,
                                                    const std::vector<Line>& lines,
                                                    CommitOptions options = {}) {
  auto id = testing::stage_lines(db, actor, lines);
  if (!id) return id.status();
  return engine::imports::commit_import(db, actor, *id, options);
}

// Three donors from an earlier import: Ahn and Baek known by payer id, Cho by email too.
void known_seed(store::Database& db, const store::Actor& actor) {
  auto done = known_import(db, actor,
                           {known_line("ch_s1", 1000, "Ahn Known", "ahn@example.org", "cus_a"),
                            known_line("ch_s2", 1000, "백 알려진", "baek@example.org", "cus_b"),
                            known_line("ch_s3", 1000, "Cho Known", "cho@example.org", "cus_c")});
  ASSERT_TRUE(done) << done.status().to_string();
}

std::vector<Line> known_file() {
  std::vector<Line> l;
  l.push_back(known_line("ch_1", 1100, "New One", "n1@example.org", "cus_n1"));
  l.push_back(known_line("ch_2", 1200, "Ahn Known", "ahn@example.org", "cus_a"));    // payer id
  l.push_back(known_line("ch_3", 1300, "백 알려진", "BAEK@example.org", "cus_b2"));  // email
  Line sub = known_line("ch_4", 2500, "Cho Known", "cho@example.org", "cus_c");
  sub.recurring = "sub_cho";
  sub.date = "2026-01-05";
  l.push_back(sub);  // Cho gets a monthly plan: from here on not plain
  l.push_back(known_line("ch_5", 1400, "새 후원자", "n5@example.org", "cus_n5"));
  Line next = known_line("ch_6", 2500, "Cho Known", "cho@example.org", "cus_c");
  next.date = "2026-02-05";
  l.push_back(next);  // the plan's next payment, without a reference: attaches by donor window
  l.push_back(known_line("ch_7", 1500, "Ahn Known", "ahn@example.org", "cus_a"));
  return l;
}

class ImportKnownDonorsTest : public testing::ImportTest {};

TEST_P(ImportKnownDonorsTest, AChunkOfKnownAndNewDonorsLeavesWhatRowByRowLeaves) {
  auto reference = fresh_db();
  ASSERT_TRUE(reference);
  known_seed(reference->db(), actor());
  known_seed(db(), actor());
  CommitOptions old_way;
  old_way.row_by_row = true;
  auto expected = known_import(reference->db(), actor(), known_file(), old_way);
  ASSERT_TRUE(expected) << expected.status().to_string();
  auto done = known_import(db(), actor(), known_file());
  ASSERT_TRUE(done) << done.status().to_string();
  EXPECT_EQ(done->totals.gifts, 7);
  EXPECT_EQ(done->totals.donors_created, 2);
  EXPECT_EQ(done->totals.gifts, expected->totals.gifts);
  EXPECT_EQ(done->totals.donors_created, expected->totals.donors_created);
  // The two new donors, Ahn twice and Baek go bulk; Cho's two payments go one by one.
  EXPECT_EQ(done->bulk_rows, 5);
  auto got = testing::import_tables(db());
  for (const auto& [name, text] : testing::import_tables(reference->db())) {
    EXPECT_EQ(got.at(name), text) << "table " << name << " differs";
  }
  // What a user sees: Ahn has three gifts, Baek two (and a second payer id), and both of Cho's
  // payments in this file belong to the plan the first one created.
  EXPECT_EQ(count("SELECT COUNT(*) FROM gifts g JOIN constituents c ON c.id = g.constituent_id "
                  "WHERE c.display_name = 'Ahn Known'"),
            3);
  EXPECT_EQ(count("SELECT COUNT(*) FROM gifts g JOIN constituents c ON c.id = g.constituent_id "
                  "WHERE c.last_name = '백'"),
            2);
  EXPECT_EQ(count("SELECT COUNT(*) FROM constituent_external_ids WHERE external_id = 'cus_b2'"), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM gifts WHERE external_id IN ('ch_4', 'ch_6') AND "
                  "recurring_plan_id IS NOT NULL"),
            2);
}

TEST_P(ImportKnownDonorsTest, ImportingTheSameFileAgainAddsNothing) {
  known_seed(db(), actor());
  auto first = known_import(db(), actor(), known_file());
  ASSERT_TRUE(first) << first.status().to_string();
  long long gifts_before = gifts();
  long long donors_before = count("SELECT COUNT(*) FROM constituents");
  std::string audit_before =
      testing::table_dump(db(), "SELECT COUNT(*) FROM audit_events WHERE entity_type <> 'import'");
  auto again = known_import(db(), actor(), known_file());
  ASSERT_TRUE(again) << again.status().to_string();
  EXPECT_EQ(again->totals.gifts, 0);
  EXPECT_EQ(again->totals.donors_created, 0);
  EXPECT_EQ(again->totals.duplicates, 7);
  EXPECT_EQ(gifts(), gifts_before);
  EXPECT_EQ(count("SELECT COUNT(*) FROM constituents"), donors_before);
  // Nothing about a donor or gift was written, so nothing about one was audited.
  EXPECT_EQ(
      testing::table_dump(db(), "SELECT COUNT(*) FROM audit_events WHERE entity_type <> 'import'"),
      audit_before);
}

STEWARD_INSTANTIATE_DATABASE_TEST(ImportKnownDonorsTest);

}  // namespace import_known_donors_test
}  // namespace steward
