// The quick search after bulk writes (decision 0217): the import commit and a merge build the
// search rows of the donors they write once per batch instead of by the triggers per row. A
// person searching right after must find every new donor by name (Hangul or Latin, short or
// long) and email, the search text must be what the triggers would have built, and the writes
// that follow (one at a time, through the repositories) must still show up at once.
#include <set>
#include <string>
#include <vector>

#include "engine/merge_service.hpp"
#include "import_support.hpp"
#include "store/constituent_repository.hpp"
#include "store/contact_repository.hpp"
#include "support/constituent_fixtures.hpp"

namespace steward {
namespace import_search_test {

using testing::Line;
using testing::pay;
using NameSet = std::set<std::string>;

class ImportSearchTest : public testing::ImportTest {
 protected:
  NameSet search(const std::string& text) {
    store::constituents::ListFilter f;
    f.search = text;
    f.page.limit = 200;
    auto page = db().read([&](store::Unit& u) { return store::constituents::list(u, f); });
    EXPECT_TRUE(page.is_ok()) << page.status().to_string();
    NameSet out;
    if (page)
      for (const auto& c : page->items) out.insert(c.name());
    return out;
  }
  // Constituents whose stored search text is not what the view builds from their rows now.
  long long stale_search_rows() {
    return count(
        "SELECT COUNT(*) FROM constituents c LEFT JOIN constituent_search s ON "
        "s.constituent_id = c.id JOIN constituent_search_source v ON v.id = c.id WHERE s.doc IS "
        "NULL OR s.doc <> v.doc");
  }
  static std::vector<Line> donors() {
    std::vector<Line> lines;
    lines.push_back(pay("ch_1", 1000, "김하나", "hana@church.example"));
    lines.push_back(pay("ch_2", 2000, "Grace Park", "grace@mission.example"));
    lines.push_back(pay("ch_3", 3000, "이두리", ""));
    for (int i = 4; i < 40; ++i) {
      lines.push_back(pay("ch_" + std::to_string(i), 500 + i, "Tail Donor" + std::to_string(i),
                          "tail" + std::to_string(i) + "@example.org"));
    }
    return lines;
  }
};

TEST_P(ImportSearchTest, EveryDonorABulkImportCreatesIsFoundAtOnce) {
  auto done = import(donors());
  ASSERT_EQ(done.status, "committed");
  ASSERT_GE(done.bulk_rows, 39);  // the rows went through the bulk path
  EXPECT_EQ(search("hana@church"), NameSet{"김하나"});
  EXPECT_EQ(search("김하나"), NameSet{"김하나"});
  EXPECT_EQ(search("하나"), NameSet{"김하나"});  // two characters: read without the index
  EXPECT_EQ(search("mission.example"), NameSet{"Grace Park"});
  EXPECT_EQ(search("grace park"), NameSet{"Grace Park"});
  EXPECT_EQ(search("이두리"), NameSet{"이두리"});
  EXPECT_EQ(search("tail39@example"), NameSet{"Tail Donor39"});
  EXPECT_EQ(search("tail donor").size(), 36u);
  EXPECT_EQ(count("SELECT COUNT(*) FROM constituent_search"),
            count("SELECT COUNT(*) FROM constituents"));
  EXPECT_EQ(stale_search_rows(), 0);
}

TEST_P(ImportSearchTest, WritesAfterABulkImportStillRefreshTheSearchAtOnce) {
  ASSERT_EQ(import(donors()).status, "committed");
  long long hana = count("SELECT id FROM constituents WHERE display_name = '김하나'");
  ASSERT_TRUE(db().write(actor(), [&](store::Unit& u) {
    return store::contacts::add_email(u, hana, {"hana.kim@seoul.example"}).status();
  }));
  EXPECT_EQ(search("seoul.example"), NameSet{"김하나"});
  auto minji = testing::make_individual(db(), actor(), "민지", "김");
  EXPECT_EQ(search("김민지"), NameSet{minji.name()});
  domain::ConstituentInput renamed;
  renamed.first_name = "Grace";
  renamed.last_name = "Lee";
  long long grace = count("SELECT id FROM constituents WHERE display_name = 'Grace Park'");
  ASSERT_TRUE(db().write(actor(), [&](store::Unit& u) {
    return store::constituents::update(u, grace, renamed).status();
  }));
  EXPECT_TRUE(search("grace park").empty());
  EXPECT_EQ(search("grace lee"), NameSet{"Grace Lee"});
  // A second file in the same database: the new donors and the earlier ones.
  ASSERT_EQ(import({pay("ch_50", 700, "박서연", "seoyeon@example.org")}).status, "committed");
  EXPECT_EQ(search("박서연"), NameSet{"박서연"});
  EXPECT_EQ(search("hana@church"), NameSet{"김하나"});
  EXPECT_EQ(stale_search_rows(), 0);
}

TEST_P(ImportSearchTest, AMergeLeavesTheSurvivorFoundByTheLosersEmail) {
  ASSERT_EQ(import(donors()).status, "committed");
  long long hana = count("SELECT id FROM constituents WHERE display_name = '김하나'");
  long long grace = count("SELECT id FROM constituents WHERE display_name = 'Grace Park'");
  engine::merge::MergeRequest request;
  request.survivor_id = hana;
  request.loser_ids = {grace};
  auto merged =
      db().write(actor(), [&](store::Unit& u) { return engine::merge::merge(u, request); });
  ASSERT_TRUE(merged) << merged.status().to_string();
  EXPECT_EQ(search("mission.example"), NameSet{"김하나"});
  EXPECT_EQ(search("hana@church"), NameSet{"김하나"});
  EXPECT_EQ(stale_search_rows(), 0);
}

STEWARD_INSTANTIATE_DATABASE_TEST(ImportSearchTest);

}  // namespace import_search_test
}  // namespace steward
