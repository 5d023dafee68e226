// GET /api/v1/constituents/{id}/soft-credits over real HTTP: newest gift first in full cursor
// pages, donors' names, and credits on restricted donors' gifts hidden from callers without the
// grant (pages stay full), on SQLite and PostgreSQL.
#include <gtest/gtest.h>

#include "support/api_server.hpp"
#include "support/gift_fixtures.hpp"
#include "support/test_database.hpp"

namespace steward::testing {
namespace {

using nlohmann::json;

class ApiSoftCreditsTest : public ApiTest {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    staff_ = std::make_unique<HttpClient>(sign_in_as("admin1", auth::Role::kAdmin, true));
    church_ = make_person(db(), "서울 은혜 교회");
    fund_ = make_fund(db(), "MED");
  }
  // A gift of `donor` on `day` with a soft credit to the church.
  void give(long long donor, const std::string& day) {
    json money = {{"amount", "50.00"}, {"currency", "USD"}};
    json j = {
        {"constituent_id", donor},
        {"received_on", day},
        {"amount", money},
        {"allocations", json::array({{{"fund_id", fund_}, {"amount", money}}})},
        {"soft_credits",
         json::array({{{"constituent_id", church_}, {"amount", money}, {"role", "church"}}})}};
    HttpReply r = staff_->post("/api/v1/gifts", j.dump());
    ASSERT_EQ(r.status, 201) << r.body;
  }
  void restrict(long long constituent) {
    auto s = db().write(actor(), [&](store::Unit& u) {
      u.sql() << "UPDATE constituents SET restricted = TRUE WHERE id = :id", soci::use(constituent);
      return Status::ok();
    });
    ASSERT_TRUE(s) << s.to_string();
  }
  // Every page of the church's soft credits, 2 at a time: each page's dates.
  std::vector<std::vector<std::string>> pages(HttpClient& who) {
    std::vector<std::vector<std::string>> out;
    std::string target =
        "/api/v1/constituents/" + std::to_string(church_) + "/soft-credits?limit=2";
    std::string next = target;
    for (int guard = 0; guard < 10; ++guard) {
      HttpReply r = who.get(next);
      EXPECT_EQ(r.status, 200) << r.body;
      if (r.status != 200) break;
      json j = r.json();
      std::vector<std::string> days;
      for (const auto& item : j["items"]) days.push_back(item["received_on"]);
      out.push_back(days);
      if (j["next_after"].is_null()) break;
      next = target + "&after=" + std::to_string(j["next_after"].get<long long>());
    }
    return out;
  }
  std::unique_ptr<HttpClient> staff_;
  long long church_ = 0;
  long long fund_ = 0;
};

TEST_P(ApiSoftCreditsTest, PagesAreFullNewestFirstAndNameTheDonor) {
  long long minji = make_person(db(), "김민지");
  long long john = make_person(db(), "John Park");
  give(minji, "2026-01-05");
  give(john, "2026-02-05");
  give(minji, "2026-03-05");
  give(john, "2026-04-05");
  give(minji, "2026-05-05");
  auto all = pages(*staff_);
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(all[0], (std::vector<std::string>{"2026-05-05", "2026-04-05"}));
  EXPECT_EQ(all[1], (std::vector<std::string>{"2026-03-05", "2026-02-05"}));
  EXPECT_EQ(all[2], (std::vector<std::string>{"2026-01-05"}));
  HttpReply first =
      staff_->get("/api/v1/constituents/" + std::to_string(church_) + "/soft-credits?limit=1");
  json item = first.json()["items"][0];
  EXPECT_EQ(item["donor"]["display_name"], "김민지");
  EXPECT_EQ(item["role"], "church");
  EXPECT_EQ(item["amount"]["amount"], "50.00");
}

TEST_P(ApiSoftCreditsTest, CreditsOnRestrictedDonorsGiftsAreHiddenWithoutTheGrant) {
  long long hidden = make_person(db(), "Hidden Donor");
  long long open = make_person(db(), "Open Donor");
  give(hidden, "2026-06-01");
  give(open, "2026-05-01");
  give(hidden, "2026-04-01");
  give(open, "2026-03-01");
  give(open, "2026-02-01");
  restrict(hidden);
  HttpClient viewer = sign_in_as("viewer1", auth::Role::kViewer, false);
  auto seen = pages(viewer);
  ASSERT_EQ(seen.size(), 2u);
  EXPECT_EQ(seen[0], (std::vector<std::string>{"2026-05-01", "2026-03-01"}));
  EXPECT_EQ(seen[1], (std::vector<std::string>{"2026-02-01"}));
  EXPECT_EQ(pages(*staff_).size(), 3u);  // the grant sees all five
  // A restricted constituent's own list is as absent as a missing one.
  HttpReply theirs = viewer.get("/api/v1/constituents/" + std::to_string(hidden) + "/soft-credits");
  HttpReply missing = viewer.get("/api/v1/constituents/999999/soft-credits");
  EXPECT_EQ(theirs.status, 404);
  EXPECT_EQ(missing.status, 404);
}

TEST_P(ApiSoftCreditsTest, ABadCursorNamesTheParameter) {
  HttpReply r =
      staff_->get("/api/v1/constituents/" + std::to_string(church_) + "/soft-credits?after=424242");
  EXPECT_EQ(r.status, 422) << r.body;
  EXPECT_NE(r.body.find("after"), std::string::npos) << r.body;
}

STEWARD_INSTANTIATE_DATABASE_TEST(ApiSoftCreditsTest);

}  // namespace
}  // namespace steward::testing
