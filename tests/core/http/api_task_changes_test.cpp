// Editing and deleting tasks over real HTTP: PUT with If-Match (428/412), fields named on bad
// input with nothing written, soft DELETE, audit rows, and tasks about restricted donors
// answered like missing ones.
#include <gtest/gtest.h>

#include "support/api_server.hpp"
#include "support/gift_fixtures.hpp"
#include "support/test_database.hpp"

namespace steward::testing {
namespace {

using nlohmann::json;

class ApiTaskChangesTest : public ApiTest {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    pastor_ = std::make_unique<HttpClient>(sign_in_as("pastor", auth::Role::kFundraiser, true));
    staff_ = std::make_unique<HttpClient>(sign_in_as("mina", auth::Role::kFundraiser));
    donor_ = make_person(db(), "김민준");
  }
  long long audits(const std::string& action) {
    return query_int(db(),
                     "SELECT COUNT(*) FROM audit_events WHERE entity_type = 'task' AND "
                     "action = '" +
                         action + "'");
  }
  std::unique_ptr<HttpClient> pastor_, staff_;
  long long donor_ = 0;
};

TEST_P(ApiTaskChangesTest, PutEditsWithIfMatchAndDeleteIsSoft) {
  HttpClient& staff = *staff_;
  HttpReply made = staff.post("/api/v1/tasks", R"({"assignee":"mina","title":"전화",
      "due_on":"2026-04-01","constituent_id":)" + std::to_string(donor_) +
                                                   "}");
  ASSERT_EQ(made.status, 201) << made.body;
  std::string at = made.header("location");
  HttpReply got = staff.get(at);
  ASSERT_EQ(got.status, 200);
  ASSERT_FALSE(got.header("etag").empty());
  json change = got.json();
  change["title"] = "김 선생님 방문";
  change["details"] = "감사 편지 가져가기";
  change["due_on"] = "2026-04-15";
  change["assignee"] = "pastor";
  EXPECT_EQ(staff.request("PUT", at, change.dump()).status, 428);
  HttpReply put = staff.put(at, change.dump(), got.header("etag"));
  ASSERT_EQ(put.status, 200) << put.body;
  EXPECT_EQ(put.json()["title"], "김 선생님 방문");
  EXPECT_EQ(put.json()["details"], "감사 편지 가져가기");
  EXPECT_EQ(put.json()["due_on"], "2026-04-15");
  EXPECT_EQ(put.json()["assignee"], "pastor");
  EXPECT_EQ(put.json()["constituent_id"], donor_);
  EXPECT_EQ(staff.put(at, change.dump(), got.header("etag")).status, 412);
  EXPECT_EQ(audits("update"), 1);

  // Bad input names the field and writes nothing.
  std::string etag = put.header("etag");
  for (const auto& [field, value] : {std::pair<std::string, json>{"due_on", "2026-02-30"},
                                     {"assignee", "nobody"},
                                     {"title", ""},
                                     {"constituent_id", donor_ + 1000}}) {
    json bad = put.json();
    bad[field] = value;
    HttpReply r = staff.put(at, bad.dump(), etag);
    EXPECT_EQ(r.status, 422) << field << " " << r.body;
    EXPECT_NE(r.body.find(field), std::string::npos) << r.body;
  }
  EXPECT_EQ(staff.get(at).json()["title"], "김 선생님 방문");
  EXPECT_EQ(audits("update"), 1);

  EXPECT_EQ(staff.del(at).status, 204);
  EXPECT_EQ(staff.get(at).status, 404);
  EXPECT_EQ(staff.del(at).status, 404);
  EXPECT_EQ(query_int(db(), "SELECT COUNT(*) FROM tasks WHERE deleted_at IS NOT NULL"), 1);
  EXPECT_EQ(audits("delete"), 1);
  EXPECT_EQ(staff.get("/api/v1/tasks?status=all").json()["items"].size(), 0u);
}

TEST_P(ApiTaskChangesTest, RestrictedDonorsTasksCannotBeEditedWithoutTheGrant) {
  long long secret = make_person(db(), "박지현");
  auto s = db().write(actor(), [&](store::Unit& u) {
    u.sql() << "UPDATE constituents SET restricted = TRUE WHERE id = :id", soci::use(secret);
    return Status::ok();
  });
  ASSERT_TRUE(s) << s.to_string();
  HttpReply made =
      pastor_->post("/api/v1/tasks", R"({"assignee":"mina","title":"secret","constituent_id":)" +
                                         std::to_string(secret) + "}");
  ASSERT_EQ(made.status, 201) << made.body;
  std::string at = made.header("location");
  HttpReply got = pastor_->get(at);
  json change = got.json();
  change["title"] = "changed";
  EXPECT_EQ(staff_->put(at, change.dump(), got.header("etag")).status, 404);
  EXPECT_EQ(staff_->del(at).status, 404);
  EXPECT_EQ(audits("update") + audits("delete"), 0);
  EXPECT_EQ(pastor_->put(at, change.dump(), got.header("etag")).status, 200);
  EXPECT_EQ(pastor_->del(at).status, 204);
}

STEWARD_INSTANTIATE_DATABASE_TEST(ApiTaskChangesTest);

}  // namespace
}  // namespace steward::testing
