#include "store/segment_repository.hpp"

#include <gtest/gtest.h>

#include "support/test_database.hpp"

namespace steward::store {
namespace {

using domain::SegmentInput;

class SegmentRepositoryTest : public testing::DatabaseTest {
 protected:
  Result<domain::Segment> create(const SegmentInput& in) {
    return db().write(actor(), [&](Unit& u) { return segments::create(u, in); });
  }
};

SegmentInput board() {
  SegmentInput in;
  in.name = "이사회 Board members";
  in.description = "Everyone tagged Board";
  in.filter = R"({ "tag" : "이사회" })";
  return in;
}

TEST_P(SegmentRepositoryTest, CreatesReadsBackAndAudits) {
  auto made = create(board());
  ASSERT_TRUE(made.is_ok()) << made.status().to_string();
  auto back = db().read([&](Unit& u) { return segments::get(u, made->id); });
  ASSERT_TRUE(back.is_ok());
  EXPECT_EQ(back->name, "이사회 Board members");
  EXPECT_EQ(back->description.value_or(""), "Everyone tagged Board");
  EXPECT_EQ(back->filter, R"({"tag":"이사회"})");  // stored in compact form
  EXPECT_EQ(back->created_by.value_or(""), "test:runner");
  EXPECT_EQ(back->created_at.size(), 20u);
  auto by_name =
      db().read([&](Unit& u) { return segments::get_by_name(u, "이사회 Board members"); });
  ASSERT_TRUE(by_name.is_ok());
  EXPECT_EQ(by_name->id, made->id);
  EXPECT_EQ(testing::query_int(db(),
                               "SELECT COUNT(*) FROM audit_events WHERE entity_type = 'segment' "
                               "AND action = 'create'"),
            1);
}

TEST_P(SegmentRepositoryTest, RefusesABadFilterNamingThePartAndWritesNothing) {
  SegmentInput bad = board();
  bad.filter = R"({"and":[{"tag":"Board"},{"gave":{"min":"lots"}}]})";
  auto r = create(bad);
  ASSERT_FALSE(r.is_ok());
  EXPECT_EQ(r.status().code(), StatusCode::kInvalid);
  EXPECT_EQ(r.status().fields().at(0).field, "and[1].gave.min");
  bad = board();
  bad.name = " ";
  EXPECT_EQ(create(bad).status().fields().at(0).field, "name");
  bad = board();
  bad.filter = "";
  EXPECT_EQ(create(bad).status().fields().at(0).field, "filter");
  EXPECT_EQ(testing::query_int(db(), "SELECT COUNT(*) FROM segments"), 0);
  EXPECT_EQ(testing::query_int(db(), "SELECT COUNT(*) FROM audit_events"), 0);
}

TEST_P(SegmentRepositoryTest, NamesAreUniqueAmongLiveSegmentsAndReusableAfterDelete) {
  auto first = create(board());
  ASSERT_TRUE(first.is_ok());
  EXPECT_EQ(create(board()).status().code(), StatusCode::kConflict);
  Status removed = db().write(actor(), [&](Unit& u) { return segments::remove(u, first->id); });
  ASSERT_TRUE(removed.is_ok()) << removed.to_string();
  auto gone = db().read([&](Unit& u) { return segments::get(u, first->id); });
  EXPECT_EQ(gone.status().code(), StatusCode::kNotFound);
  Status again = db().write(actor(), [&](Unit& u) { return segments::remove(u, first->id); });
  EXPECT_EQ(again.code(), StatusCode::kNotFound);
  auto second = create(board());
  ASSERT_TRUE(second.is_ok()) << second.status().to_string();
  EXPECT_NE(second->id, first->id);
  EXPECT_EQ(testing::query_int(db(),
                               "SELECT COUNT(*) FROM audit_events WHERE entity_type = 'segment' "
                               "AND action = 'delete'"),
            1);
}

TEST_P(SegmentRepositoryTest, UpdateReplacesFieldsAndAuditsBeforeAndAfter) {
  auto made = create(board());
  ASSERT_TRUE(made.is_ok());
  SegmentInput changed = board();
  changed.name = "LYBUNT";
  changed.description.reset();
  changed.filter = R"({"lybunt":{}})";
  auto updated =
      db().write(actor(), [&](Unit& u) { return segments::update(u, made->id, changed); });
  ASSERT_TRUE(updated.is_ok()) << updated.status().to_string();
  EXPECT_EQ(updated->name, "LYBUNT");
  EXPECT_FALSE(updated->description.has_value());
  EXPECT_EQ(updated->filter, R"({"lybunt":{}})");
  changed.filter = R"({"lybunt":{"year":"soon"}})";
  auto refused =
      db().write(actor(), [&](Unit& u) { return segments::update(u, made->id, changed); });
  EXPECT_EQ(refused.status().fields().at(0).field, "lybunt.year");
  auto missing = db().write(actor(), [&](Unit& u) { return segments::update(u, 999, board()); });
  EXPECT_EQ(missing.status().code(), StatusCode::kNotFound);
  auto audit = db().read([&](Unit& u) -> Result<std::string> {
    std::string before;
    u.sql() << "SELECT before_json FROM audit_events WHERE action = 'update'", soci::into(before);
    return before;
  });
  ASSERT_TRUE(audit.is_ok());
  EXPECT_NE(audit->find("Board members"), std::string::npos);
}

TEST_P(SegmentRepositoryTest, ListsByNamePageByPage) {
  for (const char* name : {"Churches", "LYBUNT", "Board", "Monthly donors", "Major donors"}) {
    SegmentInput in;
    in.name = name;
    in.filter = "{}";
    ASSERT_TRUE(create(in).is_ok());
  }
  std::vector<std::string> seen;
  PageRequest page;
  page.limit = 2;
  for (int guard = 0; guard < 10; ++guard) {
    auto r = db().read([&](Unit& u) { return segments::list(u, page); });
    ASSERT_TRUE(r.is_ok()) << r.status().to_string();
    for (const auto& s : r->items) seen.push_back(s.name);
    if (!r->next_after_id) break;
    page.after_id = *r->next_after_id;
  }
  EXPECT_EQ(seen, (std::vector<std::string>{"Board", "Churches", "LYBUNT", "Major donors",
                                            "Monthly donors"}));
}

STEWARD_INSTANTIATE_DATABASE_TEST(SegmentRepositoryTest);

}  // namespace
}  // namespace steward::store
