// Bulk tag over HTTP (POST /api/v1/tags, /api/v1/tags/{id}/members and .../members/remove):
// many constituents in one transaction, one audit row per constituent, a bad or hidden id a
// 422 naming its place with nothing written, restricted donors honoured, viewers refused.
#include <gtest/gtest.h>

#include "support/api_server.hpp"
#include "support/gift_fixtures.hpp"
#include "support/report_fixtures.hpp"
#include "support/test_database.hpp"

namespace steward::testing {
namespace {

class ApiTagMembersTest : public ApiTest {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    staff_ = std::make_unique<HttpClient>(sign_in_as("fund1", auth::Role::kFundraiser));
    a_ = make_person(db(), "김민지");
    b_ = make_person(db(), "Grace Lee");
    c_ = make_person(db(), "박서준");
    hidden_ = make_person(db(), "비공개 후원자");
    make_restricted(db(), hidden_);
  }
  long long tags_of(long long constituent) {
    return query_int(db(), "SELECT COUNT(*) FROM constituent_tags WHERE constituent_id = " +
                               std::to_string(constituent));
  }
  long long tag_audits() {
    return query_int(db(),
                     "SELECT COUNT(*) FROM audit_events WHERE action IN ('tag', 'untag') AND "
                     "entity_type = 'constituent'");
  }
  long long make_tag(const std::string& body) {
    HttpReply made = staff_->post("/api/v1/tags", body);
    EXPECT_EQ(made.status, 201) << made.body;
    return made.json()["id"].get<long long>();
  }
  std::unique_ptr<HttpClient> staff_;
  long long a_ = 0, b_ = 0, c_ = 0, hidden_ = 0;
};

TEST_P(ApiTagMembersTest, TagsManyInOneRequestAuditedPerConstituent) {
  long long tag = make_tag(R"({"name":"교회 리더"})");
  EXPECT_EQ(make_tag(R"({"name":"교회 리더"})"), tag);  // found, not made twice
  const std::string ids = "[" + std::to_string(a_) + "," + std::to_string(b_) + "," +
                          std::to_string(c_) + "," + std::to_string(a_) + "]";
  HttpReply added = staff_->post("/api/v1/tags/" + std::to_string(tag) + "/members",
                                 R"({"constituent_ids":)" + ids + "}");
  ASSERT_EQ(added.status, 200) << added.body;
  EXPECT_EQ(added.json()["constituents"], 3);
  EXPECT_EQ(added.json()["tag"]["name"], "교회 리더");
  EXPECT_EQ(tags_of(a_) + tags_of(b_) + tags_of(c_), 3);
  EXPECT_EQ(tag_audits(), 3);
  // Idempotent: tagging again changes and audits nothing.
  ASSERT_EQ(staff_
                ->post("/api/v1/tags/" + std::to_string(tag) + "/members",
                       R"({"constituent_ids":)" + ids + "}")
                .status,
            200);
  EXPECT_EQ(tag_audits(), 3);
  HttpReply one = staff_->get("/api/v1/constituents/" + std::to_string(b_));
  EXPECT_NE(one.body.find("교회 리더"), std::string::npos) << one.body;

  HttpReply removed = staff_->post(
      "/api/v1/tags/" + std::to_string(tag) + "/members/remove",
      R"({"constituent_ids":[)" + std::to_string(a_) + "," + std::to_string(b_) + "]}");
  ASSERT_EQ(removed.status, 200) << removed.body;
  EXPECT_EQ(removed.json()["action"], "remove");
  EXPECT_EQ(tags_of(a_) + tags_of(b_) + tags_of(c_), 1);
  EXPECT_EQ(tag_audits(), 5);
}

TEST_P(ApiTagMembersTest, ABadOrHiddenIdIsA422NamingItAndNothingIsWritten) {
  long long tag = make_tag(R"({"name":"Volunteer"})");
  const std::string path = "/api/v1/tags/" + std::to_string(tag) + "/members";
  const long long before = tag_audits();
  // A restricted donor is "does not exist" to a user without the grant, like a missing id.
  HttpReply hidden = staff_->post(
      path, R"({"constituent_ids":[)" + std::to_string(a_) + "," + std::to_string(hidden_) + "]}");
  ASSERT_EQ(hidden.status, 422) << hidden.body;
  EXPECT_EQ(hidden.json()["errors"][0]["field"], "constituent_ids[1]");
  HttpReply missing = staff_->post(path, R"({"constituent_ids":[)" + std::to_string(a_) + "," +
                                             std::to_string(b_) + ",999999]}");
  ASSERT_EQ(missing.status, 422) << missing.body;
  EXPECT_EQ(missing.json()["errors"][0]["field"], "constituent_ids[2]");
  HttpReply wrong = staff_->post(path, R"({"constituent_ids":[1,"x"]})");
  ASSERT_EQ(wrong.status, 422) << wrong.body;
  EXPECT_EQ(wrong.json()["errors"][0]["field"], "constituent_ids[1]");
  EXPECT_EQ(staff_->post(path, R"({"constituent_ids":[]})").status, 422);
  EXPECT_EQ(staff_->post(path, R"({})").status, 422);
  EXPECT_EQ(staff_->post(path, R"({"constituent_ids":[1],"extra":1})").status, 422);
  EXPECT_EQ(staff_->post(path, "not json").status, 400);
  EXPECT_EQ(tags_of(a_) + tags_of(b_), 0);
  EXPECT_EQ(tag_audits(), before);
  // An unknown tag is a 404.
  EXPECT_EQ(staff_
                ->post("/api/v1/tags/999999/members",
                       R"({"constituent_ids":[)" + std::to_string(a_) + "]}")
                .status,
            404);
  // The restricted grant may tag the restricted donor.
  HttpClient granted = sign_in_as("fund2", auth::Role::kFundraiser, true);
  ASSERT_EQ(granted.post(path, R"({"constituent_ids":[)" + std::to_string(hidden_) + "]}").status,
            200);
  EXPECT_EQ(tags_of(hidden_), 1);
}

TEST_P(ApiTagMembersTest, ViewersAndAnalystsCannotTag) {
  long long tag = make_tag(R"({"name":"Board"})");
  HttpClient viewer = sign_in_as("view1", auth::Role::kViewer);
  EXPECT_EQ(viewer
                .post("/api/v1/tags/" + std::to_string(tag) + "/members",
                      R"({"constituent_ids":[)" + std::to_string(a_) + "]}")
                .status,
            403);
  EXPECT_EQ(viewer.post("/api/v1/tags", R"({"name":"X"})").status, 403);
  EXPECT_EQ(tags_of(a_), 0);
}

STEWARD_INSTANTIATE_DATABASE_TEST(ApiTagMembersTest);

}  // namespace
}  // namespace steward::testing
