// Interactions, tasks and stages over real HTTP: the timeline, CRUD with ETags, task filters
// and complete/reopen, stage moves with history; restricted constituents and restricted
// interactions are invisible (404 like a missing id, absent from lists) without the grant.
#include <gtest/gtest.h>

#include "support/api_server.hpp"
#include "support/gift_fixtures.hpp"
#include "support/test_database.hpp"

namespace steward::testing {
namespace {

using nlohmann::json;

class ApiMovesTest : public ApiTest {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    pastor_ = std::make_unique<HttpClient>(sign_in_as("pastor", auth::Role::kFundraiser, true));
    staff_ = std::make_unique<HttpClient>(sign_in_as("mina", auth::Role::kFundraiser));
    donor_ = make_person(db(), "김민준");
    secret_ = make_person(db(), "박지현");
    auto s = db().write(actor(), [&](store::Unit& u) {
      u.sql() << "UPDATE constituents SET restricted = TRUE WHERE id = :id", soci::use(secret_);
      return Status::ok();
    });
    ASSERT_TRUE(s) << s.to_string();
  }
  HttpClient& pastor() { return *pastor_; }
  HttpClient& staff() { return *staff_; }
  long long count(const std::string& table) {
    return query_int(db(), "SELECT COUNT(*) FROM " + table);
  }
  std::string c(long long id) { return "/api/v1/constituents/" + std::to_string(id); }
  std::unique_ptr<HttpClient> pastor_, staff_;
  long long donor_ = 0, secret_ = 0;
};

TEST_P(ApiMovesTest, InteractionTimelineCrudAndRestrictedNotes) {
  HttpReply made = staff().post(c(donor_) + "/interactions",
                                R"({"kind":"call","occurred_at":"2026-03-01",
                                    "summary":"감사 전화","details":"x'); DROP TABLE interactions; --"})");
  ASSERT_EQ(made.status, 201) << made.body;
  EXPECT_EQ(made.json()["summary"], "감사 전화");
  EXPECT_EQ(made.json()["details"], "x'); DROP TABLE interactions; --");
  EXPECT_EQ(made.json()["occurred_at"], "2026-03-01T00:00:00Z");
  HttpReply note = pastor().post(c(donor_) + "/interactions",
                                 R"({"kind":"note","occurred_at":"2026-03-02T10:00:00Z",
                                     "summary":"pastoral","restricted":true})");
  ASSERT_EQ(note.status, 201) << note.body;
  // A user without the grant cannot create a restricted note, nor see one.
  EXPECT_EQ(staff()
                .post(c(donor_) + "/interactions",
                      R"({"occurred_at":"2026-03-02","summary":"x","restricted":true})")
                .status,
            422);
  EXPECT_EQ(staff().get(c(donor_) + "/interactions").json()["items"].size(), 1u);
  EXPECT_EQ(pastor().get(c(donor_) + "/interactions").json()["items"].size(), 2u);
  EXPECT_EQ(
      pastor().get(c(donor_) + "/interactions?newest_first=true").json()["items"][0]["summary"],
      "pastoral");
  std::string hidden = note.header("location");
  HttpReply missing = staff().get("/api/v1/interactions/99999");
  HttpReply invisible = staff().get(hidden);
  EXPECT_EQ(invisible.status, 404);
  EXPECT_EQ(missing.json()["title"], invisible.json()["title"]);

  std::string location = made.header("location");
  HttpReply got = staff().get(location);
  ASSERT_EQ(got.status, 200);
  json change = got.json();
  change["summary"] = "두 번째 전화";
  HttpReply replaced = staff().put(location, change.dump(), got.header("etag"));
  ASSERT_EQ(replaced.status, 200) << replaced.body;
  EXPECT_EQ(replaced.json()["summary"], "두 번째 전화");
  EXPECT_EQ(staff().put(location, change.dump(), got.header("etag")).status, 412);
  EXPECT_EQ(staff().del(hidden).status, 404);
  EXPECT_EQ(staff().del(location).status, 204);
  EXPECT_EQ(staff().get(location).status, 404);

  // A restricted constituent's timeline is a 404 like a missing constituent.
  EXPECT_EQ(staff().get(c(secret_) + "/interactions").status, 404);
  EXPECT_EQ(staff().get(c(999999) + "/interactions").status, 404);
  long long before = count("interactions");
  EXPECT_EQ(staff()
                .post(c(secret_) + "/interactions", R"({"occurred_at":"2026-03-02","summary":"x"})")
                .status,
            404);
  EXPECT_EQ(pastor().get(c(secret_) + "/interactions").status, 200);
  // Bad input names the field and writes nothing.
  for (auto [body, field] : std::vector<std::pair<std::string, std::string>>{
           {R"({"summary":"x"})", "occurred_at"},
           {R"({"occurred_at":"2026-13-01","summary":"x"})", "occurred_at"},
           {R"({"occurred_at":"2026-03-01","summary":"x","kind":"telepathy"})", "kind"},
           {R"({"occurred_at":"2026-03-01","summary":"x","mood":"good"})", "mood"}}) {
    HttpReply r = staff().post(c(donor_) + "/interactions", body);
    EXPECT_EQ(r.status, 422) << body << " " << r.body;
    EXPECT_NE(r.body.find(field), std::string::npos) << r.body;
  }
  EXPECT_EQ(count("interactions"), before);
}

TEST_P(ApiMovesTest, TasksFilterCompleteReopenAndHideRestrictedDonors) {
  auto task = [&](HttpClient& who, const std::string& body) {
    HttpReply r = who.post("/api/v1/tasks", body);
    EXPECT_EQ(r.status, 201) << r.body;
    return r.json()["id"].get<long long>();
  };
  long long call = task(staff(), R"({"assignee":"mina","title":"김 선생님께 전화",
                                     "due_on":"2026-04-01","constituent_id":)" +
                                     std::to_string(donor_) + "}");
  task(staff(), R"({"assignee":"pastor","title":"visit","due_on":"2026-05-01"})");
  long long secret = task(pastor(), R"({"assignee":"mina","title":"secret","constituent_id":)" +
                                        std::to_string(secret_) + "}");
  json mine = staff().get("/api/v1/tasks?assigned_to=me").json()["items"];
  ASSERT_EQ(mine.size(), 1u);  // the task about the restricted donor is not shown
  EXPECT_EQ(mine[0]["title"], "김 선생님께 전화");
  EXPECT_EQ(pastor().get("/api/v1/tasks?assigned_to=mina").json()["items"].size(), 2u);
  long long mina = query_int(db(), "SELECT id FROM users WHERE username = 'mina'");
  EXPECT_EQ(
      pastor().get("/api/v1/tasks?assigned_to=" + std::to_string(mina)).json()["items"].size(), 2u);
  EXPECT_EQ(
      staff().get("/api/v1/tasks?constituent_id=" + std::to_string(secret_)).json()["items"].size(),
      0u);
  // A hidden task answers exactly like a missing one (only the id differs).
  HttpReply hidden = staff().get("/api/v1/tasks/" + std::to_string(secret));
  EXPECT_EQ(hidden.json()["detail"], "task " + std::to_string(secret) + " does not exist");
  EXPECT_EQ(staff().get("/api/v1/tasks/424242").json()["detail"], "task 424242 does not exist");
  EXPECT_EQ(staff().get("/api/v1/tasks?due_before=2026-04-15").json()["items"].size(), 1u);
  EXPECT_EQ(staff().get("/api/v1/tasks?due_after=2026-04-15").json()["items"].size(), 1u);
  EXPECT_EQ(staff().get("/api/v1/tasks/" + std::to_string(secret)).status, 404);
  EXPECT_EQ(staff().post("/api/v1/tasks/" + std::to_string(secret) + "/complete", "{}").status,
            404);

  std::string t = "/api/v1/tasks/" + std::to_string(call);
  HttpReply done = staff().post(t + "/complete", "{}");
  ASSERT_EQ(done.status, 200) << done.body;
  EXPECT_EQ(done.json()["status"], "done");
  EXPECT_EQ(staff().post(t + "/complete", "{}").status, 409);
  EXPECT_EQ(staff().get("/api/v1/tasks?assigned_to=me").json()["items"].size(), 0u);
  EXPECT_EQ(staff().get("/api/v1/tasks?assigned_to=me&status=done").json()["items"].size(), 1u);
  EXPECT_EQ(staff().post(t + "/reopen", "{}").json()["status"], "open");
  HttpReply moved = staff().post(t + "/assign", R"({"assignee":"pastor"})");
  EXPECT_EQ(moved.json()["assignee"], "pastor");

  long long before = count("tasks");
  for (auto [body, field] : std::vector<std::pair<std::string, std::string>>{
           {R"({"title":"x"})", "assignee"},
           {R"({"assignee":"nobody","title":"x"})", "assignee"},
           {R"({"assignee":"mina","title":"x","due_on":"soon"})", "due_on"},
           {R"({"assignee":"mina","title":"x","constituent_id":999999})", "constituent_id"},
           {R"({"assignee":"mina","title":"x","constituent_id":)" + std::to_string(secret_) + "}",
            "constituent_id"}}) {
    HttpReply r = staff().post("/api/v1/tasks", body);
    EXPECT_EQ(r.status, 422) << body << " " << r.body;
    EXPECT_NE(r.body.find(field), std::string::npos) << r.body;
  }
  EXPECT_EQ(count("tasks"), before);
  EXPECT_EQ(staff().get("/api/v1/tasks?status=late").status, 422);
  EXPECT_EQ(staff().get("/api/v1/tasks?due_before=tomorrow").status, 422);
  EXPECT_EQ(staff().get("/api/v1/tasks?assigned_to=424242").status, 422);
}

TEST_P(ApiMovesTest, StageMovesKeepHistoryAndNeedTheETag) {
  std::string s = c(donor_) + "/stage";
  HttpReply first = staff().get(s);
  ASSERT_EQ(first.status, 200) << first.body;
  EXPECT_TRUE(first.json()["stage"].is_null());
  HttpReply moved =
      staff().put(s, R"({"stage":"cultivate","note":"첫 만남"})", first.header("etag"));
  ASSERT_EQ(moved.status, 200) << moved.body;
  EXPECT_EQ(moved.json()["stage"], "cultivate");
  EXPECT_EQ(moved.json()["history"][0]["note"], "첫 만남");
  EXPECT_EQ(staff().put(s, R"({"stage":"solicit"})", first.header("etag")).status, 412);
  EXPECT_EQ(staff().request("PUT", s, R"({"stage":"solicit"})").status, 428);
  HttpReply bad = staff().put(s, R"({"stage":"marry"})", moved.header("etag"));
  EXPECT_EQ(bad.status, 422);
  EXPECT_NE(bad.body.find("stage"), std::string::npos);
  HttpReply again = staff().put(s, R"({"stage":"solicit"})", moved.header("etag"));
  EXPECT_EQ(again.json()["history"].size(), 2u);
  EXPECT_EQ(staff().get(c(secret_) + "/stage").status, 404);
  EXPECT_EQ(staff().put(c(secret_) + "/stage", R"({"stage":"solicit"})", "*").status, 404);
  EXPECT_EQ(pastor().get(c(secret_) + "/stage").status, 200);
}

STEWARD_INSTANTIATE_DATABASE_TEST(ApiMovesTest);

}  // namespace
}  // namespace steward::testing
