// Tasks, interactions and donor stage: the moves-management repositories.
#include <gtest/gtest.h>

#include "store/interaction_repository.hpp"
#include "store/stage_repository.hpp"
#include "store/task_repository.hpp"
#include "support/aggregate_fixtures.hpp"
#include "support/test_database.hpp"

namespace steward::store {
namespace {

using domain::Date;

class MovesManagementTest : public testing::DatabaseTest {
 protected:
  void SetUp() override {
    testing::DatabaseTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    donor_ = testing::insert_constituent(db(), "최수진");
  }
  domain::Task task(const std::string& assignee, const std::string& title,
                    std::optional<Date> due) {
    domain::TaskInput in;
    in.assignee = assignee;
    in.title = title;
    in.due_on = due;
    in.constituent_id = donor_;
    auto t = db().write(actor(), [&](Unit& u) { return tasks::create(u, in); });
    EXPECT_TRUE(t.is_ok()) << t.status().to_string();
    return *t;
  }
  long long donor_ = 0;
};

TEST_P(MovesManagementTest, OverdueTasksPerAssigneeAndCompletion) {
  auto call = task("mina", "감사 전화", Date(2026, 3, 1));
  task("mina", "Send proposal", Date(2026, 3, 20));
  auto visit = task("joe", "Visit", Date(2026, 2, 1));
  task("joe", "Someday", std::nullopt);
  EXPECT_EQ(call.title, "감사 전화");
  EXPECT_EQ(call.created_by.value_or(""), "test:runner");
  auto late = db().read([&](Unit& u) { return tasks::overdue(u, Date(2026, 3, 10)); });
  ASSERT_TRUE(late.is_ok()) << late.status().to_string();
  ASSERT_EQ(late->size(), 2u);
  EXPECT_EQ(late->at(0).id, visit.id);  // oldest due first
  auto minas =
      db().read([&](Unit& u) { return tasks::overdue(u, Date(2026, 3, 10), std::string("mina")); });
  ASSERT_EQ(minas->size(), 1u);
  EXPECT_EQ(minas->at(0).id, call.id);
  auto done = db().write(actor(), [&](Unit& u) { return tasks::complete(u, call.id); });
  ASSERT_TRUE(done.is_ok());
  EXPECT_EQ(done->status, "done");
  EXPECT_TRUE(done->completed_at.has_value());
  EXPECT_EQ(
      db().write(actor(), [&](Unit& u) { return tasks::complete(u, call.id); }).status().code(),
      StatusCode::kPreconditionFailed);
  EXPECT_TRUE(
      db().read([&](Unit& u) { return tasks::overdue(u, Date(2026, 3, 10), std::string("mina")); })
          ->empty());
  auto reopened = db().write(actor(), [&](Unit& u) { return tasks::reopen(u, call.id); });
  ASSERT_TRUE(reopened.is_ok());
  EXPECT_FALSE(reopened->completed_at.has_value());
  auto moved = db().write(actor(), [&](Unit& u) { return tasks::assign(u, visit.id, "mina"); });
  ASSERT_TRUE(moved.is_ok());
  tasks::ListFilter f;
  f.assignee = "mina";
  auto list = db().read([&](Unit& u) { return tasks::list(u, f); });
  ASSERT_EQ(list->size(), 3u);
  EXPECT_EQ(list->at(0).id, visit.id);
  domain::TaskInput bad;
  bad.assignee = "mina";
  auto r = db().write(actor(), [&](Unit& u) { return tasks::create(u, bad); });
  EXPECT_EQ(r.status().fields().at(0).field, "title");
}

TEST_P(MovesManagementTest, StageChangesAreRecordedInHistory) {
  auto first = db().write(actor(), [&](Unit& u) {
    return stages::set_stage(u, donor_, "identify", std::string("met at gala"));
  });
  ASSERT_TRUE(first.is_ok()) << first.status().to_string();
  ASSERT_TRUE(first->has_value());
  auto second = db().write(actor(), [&](Unit& u) {
    return stages::set_stage(u, donor_, "cultivate", std::string("관심 많음"));
  });
  ASSERT_TRUE(second.is_ok());
  auto same = db().write(
      actor(), [&](Unit& u) { return stages::set_stage(u, donor_, "cultivate", std::nullopt); });
  ASSERT_TRUE(same.is_ok());
  EXPECT_FALSE(same->has_value());
  auto bad = db().write(
      actor(), [&](Unit& u) { return stages::set_stage(u, donor_, "courting", std::nullopt); });
  EXPECT_EQ(bad.status().fields().at(0).field, "stage");
  auto missing = db().write(
      actor(), [&](Unit& u) { return stages::set_stage(u, 999, "qualify", std::nullopt); });
  EXPECT_EQ(missing.status().code(), StatusCode::kNotFound);
  auto now = db().read([&](Unit& u) { return stages::current_stage(u, donor_); });
  EXPECT_EQ(now->value_or(""), "cultivate");
  auto history = db().read([&](Unit& u) { return stages::history(u, donor_); });
  ASSERT_EQ(history->size(), 2u);
  EXPECT_FALSE(history->at(0).from_stage.has_value());
  EXPECT_EQ(history->at(1).from_stage.value_or(""), "identify");
  EXPECT_EQ(history->at(1).to_stage.value_or(""), "cultivate");
  EXPECT_EQ(history->at(1).note.value_or(""), "관심 많음");
  EXPECT_EQ(history->at(1).changed_by.value_or(""), "test:runner");
}

TEST_P(MovesManagementTest, InteractionsInDateOrderHidingRestricted) {
  auto add = [&](const std::string& at, const std::string& summary, bool restricted) {
    domain::InteractionInput in;
    in.constituent_id = donor_;
    in.kind = "visit";
    in.occurred_at = at;
    in.summary = summary;
    in.restricted = restricted;
    auto r = db().write(actor(), [&](Unit& u) { return interactions::create(u, in); });
    EXPECT_TRUE(r.is_ok()) << r.status().to_string();
    return r.is_ok() ? r->id : 0;
  };
  add("2026-03-02T10:30:00Z", "Lunch", false);
  long long pastoral = add("2026-01-15", "목회 상담", true);
  long long first = add("2026-01-02", "Thank-you call", false);
  auto visible = db().read([&](Unit& u) { return interactions::list_for(u, donor_, {}); });
  ASSERT_TRUE(visible.is_ok()) << visible.status().to_string();
  ASSERT_EQ(visible->size(), 2u);
  EXPECT_EQ(visible->at(0).id, first);
  EXPECT_EQ(visible->at(0).occurred_at, "2026-01-02T00:00:00Z");
  auto all = db().read([&](Unit& u) {
    return interactions::list_for(u, donor_, interactions::ListOptions{true, false});
  });
  ASSERT_EQ(all->size(), 3u);
  EXPECT_EQ(all->at(1).summary, "목회 상담");
  domain::InteractionInput change;
  change.constituent_id = donor_;
  change.kind = "meeting";
  change.occurred_at = "2026-01-16";
  change.summary = "Follow-up";
  auto updated =
      db().write(actor(), [&](Unit& u) { return interactions::update(u, pastoral, change); });
  ASSERT_TRUE(updated.is_ok());
  EXPECT_FALSE(updated->restricted);
  ASSERT_TRUE(db().write(actor(), [&](Unit& u) { return interactions::remove(u, first); }));
  EXPECT_EQ(db().read([&](Unit& u) { return interactions::list_for(u, donor_, {}); })->size(), 2u);
  change.occurred_at = "yesterday";
  auto bad = db().write(actor(), [&](Unit& u) { return interactions::create(u, change); });
  EXPECT_EQ(bad.status().fields().at(0).field, "occurred_at");
  change.occurred_at = "2026-01-16";
  change.kind = "fax";
  bad = db().write(actor(), [&](Unit& u) { return interactions::create(u, change); });
  EXPECT_EQ(bad.status().fields().at(0).field, "kind");
}

STEWARD_INSTANTIATE_DATABASE_TEST(MovesManagementTest);

}  // namespace
}  // namespace steward::store
