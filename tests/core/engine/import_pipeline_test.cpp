// The import pipeline end to end on SQLite and PostgreSQL: exactly once (double and overlapping
// imports), crash mid-commit then resume, dry runs, bad lines.
#include <set>

#include "engine/import_detect.hpp"
#include "import_support.hpp"
#include "store/import_repository.hpp"

namespace steward {
namespace {

using engine::imports::CommitOptions;
using engine::imports::StageOptions;
using testing::Line;
using testing::pay;

class ImportPipelineTest : public testing::ImportTest {};

TEST_P(ImportPipelineTest, PreviewWritesNoGiftsAndCommitCreatesDonorsOnce) {
  std::vector<Line> lines = {pay("ch_1", 5000, "김민지", "minji@example.org"),
                             pay("ch_2", 2500, "Jane Doe", "jane@example.org"),
                             pay("ch_3", 1000, "김민지", "minji@example.org")};
  auto preview = stage(lines);
  ASSERT_TRUE(preview) << preview.status().to_string();
  EXPECT_EQ(preview->status, "previewed");
  EXPECT_EQ(preview->counts["new_gift"], 3);
  EXPECT_EQ(preview->progress.new_donors, 2);  // 김민지's second gift reuses her new record
  ASSERT_EQ(preview->samples["new_gift"].size(), 3u);
  EXPECT_NE(preview->samples["new_gift"][0].summary.find("김민지"), std::string::npos);
  EXPECT_EQ(gifts(), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM constituents"), 0);

  auto done = engine::imports::commit_import(db(), actor(), preview->import_id);
  ASSERT_TRUE(done) << done.status().to_string();
  EXPECT_EQ(done->status, "committed");
  EXPECT_EQ(done->totals.gifts, 3);
  EXPECT_EQ(done->totals.donors_created, 2);
  EXPECT_EQ(gifts(), 3);
  EXPECT_EQ(count("SELECT COUNT(*) FROM constituents"), 2);
  EXPECT_EQ(count("SELECT COUNT(*) FROM constituents WHERE display_name = '김민지' AND "
                  "last_name = '김' AND first_name = '민지'"),
            1);
  EXPECT_EQ(count("SELECT SUM(amount_minor) FROM gifts g JOIN constituents c ON c.id = "
                  "g.constituent_id WHERE c.display_name = '김민지'"),
            6000);
  EXPECT_EQ(count("SELECT COUNT(*) FROM gifts WHERE source = 'lines' AND external_id = 'ch_2'"), 1);
  EXPECT_GE(count("SELECT COUNT(*) FROM audit_events WHERE entity_type = 'import' AND action = "
                  "'commit_chunk'"),
            1);
}

TEST_P(ImportPipelineTest, TheSameFileTwiceAddsNothing) {
  std::vector<Line> lines = {pay("ch_1", 5000, "Jane Doe", "jane@example.org"),
                             pay("ch_2", 2500, "John Roe", "john@example.org")};
  import(lines);
  ASSERT_EQ(gifts(), 2);
  auto again = stage(lines);
  ASSERT_TRUE(again) << again.status().to_string();
  EXPECT_EQ(again->counts["duplicate"], 2);
  EXPECT_EQ(again->counts.count("new_gift"), 0u);
  auto done = engine::imports::commit_import(db(), actor(), again->import_id);
  ASSERT_TRUE(done) << done.status().to_string();
  EXPECT_EQ(done->totals.gifts, 0);
  EXPECT_EQ(done->totals.duplicates, 2);
  EXPECT_EQ(gifts(), 2);
  EXPECT_EQ(count("SELECT COUNT(*) FROM constituents"), 2);
}

TEST_P(ImportPipelineTest, AnOverlappingFileAddsOnlyTheNewLines) {
  import({pay("ch_1", 100, "A Person", "a@example.org"),
          pay("ch_2", 200, "B Person", "b@example.org"),
          pay("ch_3", 300, "C Person", "c@example.org")});
  auto done = import({pay("ch_2", 200, "B Person", "b@example.org"),
                      pay("ch_3", 300, "C Person", "c@example.org"),
                      pay("ch_4", 400, "D Person", "d@example.org"),
                      pay("ch_5", 500, "A Person", "a@example.org")});
  EXPECT_EQ(done.totals.gifts, 2);
  EXPECT_EQ(done.totals.duplicates, 2);
  EXPECT_EQ(gifts(), 5);
  EXPECT_EQ(count("SELECT SUM(amount_minor) FROM gifts"), 1500);
  EXPECT_EQ(count("SELECT COUNT(*) FROM constituents"), 4);  // A matched by email
}

TEST_P(ImportPipelineTest, LinesWithoutIdsAreIdentifiedByContentAndOccurrence) {
  Line a = pay("", 1000, "Jane Doe", "jane@example.org");
  std::vector<Line> first = {a, a};  // two equal gifts on one day stay two gifts
  import(first);
  EXPECT_EQ(gifts(), 2);
  Line b = pay("", 2000, "Jane Doe", "jane@example.org");
  import({a, a, b});
  EXPECT_EQ(gifts(), 3);
}

TEST_P(ImportPipelineTest, ACrashMidCommitResumesWithoutDuplicatesOrGaps) {
  std::vector<Line> lines;
  for (int i = 1; i <= 10; ++i) {
    lines.push_back(pay("ch_" + std::to_string(i), 100 * i, "Donor " + std::to_string(i),
                        "d" + std::to_string(i) + "@example.org"));
  }
  auto preview = stage(lines);
  ASSERT_TRUE(preview) << preview.status().to_string();
  CommitOptions crash;
  crash.chunk_rows = 3;
  crash.before_chunk_commit = [](int index) {
    return index == 1 ? Status::unavailable("simulated crash") : Status::ok();
  };
  auto failed = engine::imports::commit_import(db(), actor(), preview->import_id, crash);
  ASSERT_FALSE(failed);
  EXPECT_EQ(failed.status().code(), StatusCode::kUnavailable);
  EXPECT_EQ(gifts(), 3);  // the first chunk is in, the second rolled back
  auto state =
      db().read([&](store::Unit& u) { return store::imports::get(u, preview->import_id); });
  ASSERT_TRUE(state);
  EXPECT_EQ(state->status, "committing");
  EXPECT_EQ(state->rows_committed, 3);

  CommitOptions resume;
  resume.chunk_rows = 3;
  auto done = engine::imports::commit_import(db(), actor(), preview->import_id, resume);
  ASSERT_TRUE(done) << done.status().to_string();
  EXPECT_EQ(done->totals.gifts, 7);
  EXPECT_EQ(gifts(), 10);
  EXPECT_EQ(count("SELECT SUM(amount_minor) FROM gifts"), 5500);
  EXPECT_EQ(count("SELECT COUNT(DISTINCT external_id) FROM gifts"), 10);
  EXPECT_EQ(count("SELECT COUNT(*) FROM constituents"), 10);
  // Resuming a finished import changes nothing.
  auto again = engine::imports::commit_import(db(), actor(), preview->import_id, resume);
  ASSERT_TRUE(again) << again.status().to_string();
  EXPECT_EQ(again->totals.gifts, 0);
  EXPECT_EQ(gifts(), 10);
}

std::map<std::string, long long> table_counts(store::Database& db) {
  return db
      .read([&](store::Unit& u) -> Result<std::map<std::string, long long>> {
        std::vector<std::string> tables;
        std::string sql = u.is_postgresql()
                              ? "SELECT table_name FROM information_schema.tables WHERE "
                                "table_schema = current_schema() AND table_type = 'BASE TABLE'"
                              : "SELECT name FROM sqlite_master WHERE type = 'table' AND name "
                                "NOT LIKE 'sqlite_%'";
        soci::rowset<std::string> rs = (u.sql().prepare << sql);
        for (const std::string& t : rs) tables.push_back(t);
        std::map<std::string, long long> out;
        for (const std::string& t : tables) {
          long long n = 0;
          u.sql() << "SELECT COUNT(*) FROM " + t, soci::into(n);
          out[t] = n;
        }
        return out;
      })
      .value();
}

TEST_P(ImportPipelineTest, ADryRunWritesNothingAnywhere) {
  testing::make_person(db(), "Existing Person");
  Line bogus;
  bogus.kind = "bogus";
  auto before = table_counts(db());
  ASSERT_GT(before.size(), 20u);
  StageOptions options;
  options.dry_run = true;
  auto preview = stage({pay("ch_1", 5000, "김민지", "minji@example.org"),
                        pay("ch_1", 5000, "김민지", "minji@example.org"), bogus},
                       options);
  ASSERT_TRUE(preview) << preview.status().to_string();
  EXPECT_EQ(preview->import_id, 0);
  EXPECT_EQ(preview->status, "dry_run");
  EXPECT_EQ(preview->counts["new_gift"], 1);
  EXPECT_EQ(preview->counts["duplicate"], 1);
  EXPECT_EQ(preview->counts["error"], 1);
  EXPECT_EQ(preview->samples["error"].at(0).line, 4);
  EXPECT_EQ(table_counts(db()), before);
}

TEST_P(ImportPipelineTest, BadLinesAreRecordedWithTheirLineAndReadingGoesOn) {
  std::string text = testing::lines_file({pay("ch_1", 100, "A Person", "a@example.org")});
  text += "payment|ch_2|\n";
  Line bad_date = pay("ch_3", 100, "B", "b@example.org");
  bad_date.date = "2026-13-45";
  text += bad_date.text() + "\n";
  text += pay("ch_4", 400, "C", "c@example.org").text();
  auto preview = stage_text(text);
  ASSERT_TRUE(preview) << preview.status().to_string();
  EXPECT_EQ(preview->counts["new_gift"], 2);
  ASSERT_EQ(preview->counts["error"], 2);
  std::set<long long> lines;
  for (const auto& row : preview->samples["error"]) lines.insert(row.line);
  EXPECT_EQ(lines, (std::set<long long>{3, 4}));
  EXPECT_NE(preview->samples["error"][1].message.find("date"), std::string::npos);
}

TEST_P(ImportPipelineTest, RowsAnImporterSkipsOnPurposeAreCountedApartFromErrors) {
  std::string text = testing::lines_file({pay("ch_1", 100, "A Person", "a@example.org")});
  Line pending = pay("ch_2", 100, "B", "b@example.org");
  pending.kind = "skip";
  pending.description = "pending: the money has not arrived yet";
  text += pending.text() + "\n";
  auto preview = stage_text(text);
  ASSERT_TRUE(preview) << preview.status().to_string();
  EXPECT_EQ(preview->counts["new_gift"], 1);
  EXPECT_EQ(preview->counts["skipped"], 1);
  EXPECT_EQ(preview->counts["error"], 0);
  ASSERT_EQ(preview->samples["skipped"].size(), 1u);
  EXPECT_NE(preview->samples["skipped"][0].message.find("pending"), std::string::npos);
}

TEST_P(ImportPipelineTest, BadOptionsNameTheFieldAndWriteNothing) {
  StageOptions bad_policy;
  bad_policy.policy = "maybe";
  auto a = stage({pay("ch_1", 100, "A")}, bad_policy);
  ASSERT_FALSE(a);
  EXPECT_EQ(a.status().fields().at(0).field, "policy");
  StageOptions bad_fund;
  bad_fund.default_fund_code = "NOPE";
  auto b = stage({pay("ch_1", 100, "A")}, bad_fund);
  ASSERT_FALSE(b);
  EXPECT_EQ(b.status().fields().at(0).field, "default_fund");
  EXPECT_EQ(count("SELECT COUNT(*) FROM imports"), 0);
}

TEST(ImportDetect, HighestScoreWinsAndTiesOrZeroAreRefused) {
  using engine::imports::DetectScore;
  auto win = engine::imports::pick_importer({{"a.b.c", 40, ""}, {"a.b.d", 90, ""}}, "f.csv");
  ASSERT_TRUE(win);
  EXPECT_EQ(*win, "a.b.d");
  auto tie = engine::imports::pick_importer({{"a.b.c", 90, ""}, {"a.b.d", 90, ""}}, "f.csv");
  ASSERT_FALSE(tie);
  EXPECT_EQ(tie.status().fields().at(0).field, "plugin");
  EXPECT_NE(tie.status().message().find("a.b.c=90"), std::string::npos);
  auto none = engine::imports::pick_importer({{"a.b.c", 0, ""}}, "f.pdf");
  ASSERT_FALSE(none);
  EXPECT_NE(none.status().message().find("--plugin"), std::string::npos);
  EXPECT_FALSE(engine::imports::pick_importer({}, "f.pdf"));
}

STEWARD_INSTANTIATE_DATABASE_TEST(ImportPipelineTest);

}  // namespace
}  // namespace steward
