// Campaigns and appeals over real HTTP: create, replace with ETags, appeals, and results
// (goal, raised net of refunds, gifts, donors, per appeal); bad input writes nothing.
#include <gtest/gtest.h>

#include "support/api_server.hpp"
#include "support/gift_fixtures.hpp"
#include "support/test_database.hpp"

namespace steward::testing {
namespace {

using nlohmann::json;

class ApiCampaignsTest : public ApiTest {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    staff_ = std::make_unique<HttpClient>(sign_in_as("fund1", auth::Role::kFundraiser));
  }
  HttpClient& staff() { return *staff_; }
  long long campaigns() { return query_int(db(), "SELECT COUNT(*) FROM campaigns"); }
  std::unique_ptr<HttpClient> staff_;
};

TEST_P(ApiCampaignsTest, CreateReplaceAppealsAndResults) {
  HttpReply made = staff().post("/api/v1/campaigns",
                                R"({"code":"CAP26","name":"2026 건축 캠페인",
                                    "goal":{"amount":"1000.00","currency":"USD"},
                                    "starts_on":"2026-01-01"})");
  ASSERT_EQ(made.status, 201) << made.body;
  json c = made.json();
  EXPECT_EQ(c["name"], "2026 건축 캠페인");
  EXPECT_EQ(c["goal"]["minor"], 100000);
  std::string location = made.header("location");
  HttpReply got = staff().get(location);
  ASSERT_EQ(got.status, 200);
  json change = got.json();
  change["name"] = "x'); DROP TABLE campaigns; --";
  HttpReply replaced = staff().put(location, change.dump(), got.header("etag"));
  ASSERT_EQ(replaced.status, 200) << replaced.body;
  EXPECT_EQ(replaced.json()["name"], "x'); DROP TABLE campaigns; --");
  EXPECT_EQ(staff().put(location, change.dump(), got.header("etag")).status, 412);
  EXPECT_EQ(staff().request("PUT", location, change.dump()).status, 428);

  HttpReply appeal =
      staff().post(location + "/appeals", R"({"code":"SPRING","name":"봄 편지","channel":"mail"})");
  ASSERT_EQ(appeal.status, 201) << appeal.body;
  long long appeal_id = appeal.json()["id"];
  EXPECT_EQ(staff().get(appeal.header("location")).json()["name"], "봄 편지");
  EXPECT_EQ(staff().get(location + "/appeals").json()["items"].size(), 1u);

  long long campaign_id = c["id"];
  long long fund = make_fund(db(), "GEN");
  long long kim = make_person(db(), "김민준");
  long long lee = make_person(db(), "이서연");
  auto gift = [&](long long donor, const std::string& amount, bool with_appeal) {
    json money = {{"amount", amount}, {"currency", "USD"}};
    json j = {{"constituent_id", donor},
              {"received_on", "2026-02-01"},
              {"amount", money},
              {"campaign_id", campaign_id},
              {"allocations", json::array({{{"fund_id", fund}, {"amount", money}}})}};
    if (with_appeal) j["appeal_id"] = appeal_id;
    HttpReply r = staff().post("/api/v1/gifts", j.dump());
    EXPECT_EQ(r.status, 201) << r.body;
    return r.json()["id"].get<long long>();
  };
  gift(kim, "100.00", true);
  gift(kim, "50.00", false);
  long long refunded = gift(lee, "200.00", true);
  HttpReply refund = staff().post("/api/v1/gifts/" + std::to_string(refunded) + "/refund",
                                  R"({"amount":{"amount":"40.00","currency":"USD"},
                                      "refunded_on":"2026-02-02","reason":"partial"})");
  EXPECT_EQ(refund.status, 200) << refund.body;

  HttpReply results = staff().get(location + "/results");
  ASSERT_EQ(results.status, 200) << results.body;
  json r = results.json();
  EXPECT_EQ(r["gift_count"], 3);
  EXPECT_EQ(r["donor_count"], 2);
  if (refund.status == 200) {
    EXPECT_EQ(r["raised"]["minor"], 31000);
    EXPECT_EQ(r["percent_of_goal"], "31.00");
    EXPECT_EQ(r["by_appeal"][0]["raised"]["minor"], 26000);
  }
  EXPECT_EQ(r["by_appeal"][0]["appeal_id"], appeal_id);
  EXPECT_EQ(r["by_appeal"][0]["donor_count"], 2);
  EXPECT_EQ(r["no_appeal"]["raised"]["minor"], 5000);
}

TEST_P(ApiCampaignsTest, ResultsLeaveOutRestrictedDonorsForCallersWithoutTheGrant) {
  HttpClient pastor = sign_in_as("pastor", auth::Role::kFundraiser, true);
  HttpClient viewer = sign_in_as("viewer1", auth::Role::kViewer);
  HttpReply made =
      staff().post("/api/v1/campaigns", R"({"code":"C1","name":"겨울","starts_on":"2026-01-01"})");
  ASSERT_EQ(made.status, 201) << made.body;
  long long campaign_id = made.json()["id"];
  std::string location = made.header("location");
  HttpReply appeal = staff().post(location + "/appeals", R"({"code":"A1","name":"편지"})");
  ASSERT_EQ(appeal.status, 201) << appeal.body;
  long long appeal_id = appeal.json()["id"];
  long long fund = make_fund(db(), "GEN");
  long long kim = make_person(db(), "김민준");
  long long secret = make_person(db(), "박지현");
  auto gift = [&](long long donor, const std::string& amount) {
    json money = {{"amount", amount}, {"currency", "USD"}};
    json j = {{"constituent_id", donor},
              {"received_on", "2026-02-01"},
              {"amount", money},
              {"campaign_id", campaign_id},
              {"appeal_id", appeal_id},
              {"allocations", json::array({{{"fund_id", fund}, {"amount", money}}})}};
    EXPECT_EQ(pastor.post("/api/v1/gifts", j.dump()).status, 201);
  };
  gift(kim, "100.00");
  gift(secret, "500.00");
  auto s = db().write(actor(), [&](store::Unit& u) {
    u.sql() << "UPDATE constituents SET restricted = TRUE WHERE id = :id", soci::use(secret);
    return Status::ok();
  });
  ASSERT_TRUE(s) << s.to_string();

  for (HttpClient* c : {&staff(), &viewer}) {
    HttpReply r = c->get(location + "/results");
    ASSERT_EQ(r.status, 200) << r.body;
    json j = r.json();
    EXPECT_EQ(j["includes_restricted"], false);
    EXPECT_EQ(j["donor_count"], 1);
    EXPECT_EQ(j["gift_count"], 1);
    EXPECT_EQ(j["raised"]["minor"], 10000);
    EXPECT_EQ(j["by_appeal"][0]["donor_count"], 1);
    EXPECT_EQ(j["by_appeal"][0]["raised"]["minor"], 10000);
    EXPECT_EQ(r.body.find("500"), std::string::npos) << r.body;
  }
  HttpReply all = pastor.get(location + "/results");
  ASSERT_EQ(all.status, 200) << all.body;
  EXPECT_EQ(all.json()["includes_restricted"], true);
  EXPECT_EQ(all.json()["donor_count"], 2);
  EXPECT_EQ(all.json()["raised"]["minor"], 60000);
  EXPECT_EQ(all.json()["by_appeal"][0]["donor_count"], 2);
}

TEST_P(ApiCampaignsTest, CampaignsAndAppealsComeInFullPagesById) {
  std::vector<long long> ids;
  std::vector<long long> appeals;
  for (int i = 0; i < 6; ++i) {
    std::string n = std::to_string(i);
    json body = {{"code", "P" + n},
                 {"name", "캠페인 " + n},
                 {"starts_on", "2026-0" + std::to_string(9 - i) + "-01"}};
    HttpReply r = staff().post("/api/v1/campaigns", body.dump());
    ASSERT_EQ(r.status, 201) << r.body;
    ids.push_back(r.json()["id"]);
  }
  std::string base = "/api/v1/campaigns/" + std::to_string(ids[0]) + "/appeals";
  for (int i = 0; i < 6; ++i) {
    json body = {{"code", "AP" + std::to_string(i)}, {"name", "편지 " + std::to_string(i)}};
    HttpReply r = staff().post(base, body.dump());
    ASSERT_EQ(r.status, 201) << r.body;
    appeals.push_back(r.json()["id"]);
  }
  for (const auto& [path, want] :
       {std::pair{std::string("/api/v1/campaigns?"), ids}, std::pair{base + "?", appeals}}) {
    std::vector<long long> seen;
    std::string after;
    for (int page = 0; page < 3; ++page) {
      HttpReply r = staff().get(path + "limit=2" + after);
      ASSERT_EQ(r.status, 200) << r.body;
      json j = r.json();
      ASSERT_EQ(j["items"].size(), 2u) << r.body;
      for (const auto& item : j["items"]) seen.push_back(item["id"]);
      if (page < 2) {
        ASSERT_TRUE(j["next_after"].is_number()) << r.body;
        after = "&after=" + std::to_string(j["next_after"].get<long long>());
      } else {
        EXPECT_TRUE(j["next_after"].is_null()) << r.body;
      }
    }
    EXPECT_EQ(seen, want);
  }
  EXPECT_EQ(staff().get("/api/v1/campaigns?limit=501").status, 422);
  EXPECT_EQ(staff().get(base + "?after=x").status, 422);
}

TEST_P(ApiCampaignsTest, AppealsAreReplacedWithIfMatchAndAudited) {
  HttpReply made = staff().post("/api/v1/campaigns", R"({"code":"C1","name":"x"})");
  ASSERT_EQ(made.status, 201) << made.body;
  HttpReply appeal = staff().post(made.header("location") + "/appeals",
                                  R"({"code":"A1","name":"봄 편지","channel":"mail"})");
  ASSERT_EQ(appeal.status, 201) << appeal.body;
  std::string at = appeal.header("location");
  HttpReply got = staff().get(at);
  ASSERT_EQ(got.status, 200);
  json change = got.json();
  change["name"] = "가을 편지";
  change["channel"] = "email";
  EXPECT_EQ(staff().request("PUT", at, change.dump()).status, 428);
  HttpReply put = staff().put(at, change.dump(), got.header("etag"));
  ASSERT_EQ(put.status, 200) << put.body;
  EXPECT_EQ(put.json()["name"], "가을 편지");
  EXPECT_EQ(put.json()["channel"], "email");
  EXPECT_EQ(put.json()["campaign_id"], made.json()["id"]);
  EXPECT_EQ(staff().put(at, change.dump(), got.header("etag")).status, 412);
  json bad = put.json();
  bad["channel"] = "pigeon";
  HttpReply r = staff().put(at, bad.dump(), put.header("etag"));
  EXPECT_EQ(r.status, 422) << r.body;
  EXPECT_NE(r.body.find("channel"), std::string::npos) << r.body;
  EXPECT_EQ(staff().get(at).json()["channel"], "email");
  EXPECT_EQ(query_int(db(),
                      "SELECT COUNT(*) FROM audit_events WHERE entity_type = 'appeal' AND "
                      "action = 'update'"),
            1);
  EXPECT_EQ(staff().put("/api/v1/appeals/999999", change.dump(), got.header("etag")).status, 404);
}

TEST_P(ApiCampaignsTest, BadInputNamesTheFieldAndWritesNothing) {
  struct Case {
    std::string body;
    int status;
    std::string mentions;
  };
  std::vector<Case> cases = {
      {R"({"name":"x"})", 422, "code"},
      {R"({"code":"A","name":"x","goal":{"amount":"1.001","currency":"USD"}})", 422, "goal"},
      {R"({"code":"A","name":"x","starts_on":"2026-02-30"})", 422, "starts_on"},
      {R"({"code":"A","name":"x","colour":"red"})", 422, "colour"},
      {R"({"code":"A","name":"x","currency":"KRW","goal":{"amount":"1.00","currency":"USD"}})", 422,
       "currency"},
      {R"({"code":"A","name":"x",)", 400, "JSON"},
  };
  for (const Case& c : cases) {
    HttpReply r = staff().post("/api/v1/campaigns", c.body);
    EXPECT_EQ(r.status, c.status) << c.body << " -> " << r.body;
    EXPECT_NE(r.body.find(c.mentions), std::string::npos) << r.body;
  }
  EXPECT_EQ(campaigns(), 0);
  EXPECT_EQ(staff().get("/api/v1/campaigns/12345").status, 404);
  EXPECT_EQ(staff().get("/api/v1/campaigns/12345/results").status, 404);
  EXPECT_EQ(staff().post("/api/v1/campaigns/12345/appeals", R"({"code":"A","name":"x"})").status,
            404);
  EXPECT_EQ(staff().get("/api/v1/campaigns?active=maybe").status, 422);
}

TEST_P(ApiCampaignsTest, ViewersReadButCannotWrite) {
  HttpClient viewer = sign_in_as("viewer1", auth::Role::kViewer);
  EXPECT_EQ(viewer.get("/api/v1/campaigns").status, 200);
  EXPECT_EQ(viewer.post("/api/v1/campaigns", R"({"code":"A","name":"x"})").status, 403);
  EXPECT_EQ(campaigns(), 0);
}

STEWARD_INSTANTIATE_DATABASE_TEST(ApiCampaignsTest);

}  // namespace
}  // namespace steward::testing
