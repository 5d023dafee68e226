// Lists of gifts, recurring plans and pledges leave out restricted constituents' records in
// the SQL, before paging: a page of N is full when N visible rows exist, and following
// next_after visits every visible record once and no hidden one.
#include <set>

#include <gtest/gtest.h>

#include "support/api_server.hpp"
#include "support/gift_fixtures.hpp"
#include "support/test_database.hpp"

namespace steward::testing {
namespace {

using nlohmann::json;

class ApiRestrictedPagingTest : public ApiTest {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    staff_ = std::make_unique<HttpClient>(sign_in_as("admin1", auth::Role::kAdmin, true));
    viewer_ = std::make_unique<HttpClient>(sign_in_as("viewer1", auth::Role::kViewer, false));
    fund_ = make_fund(db(), "MED");
    // Six donors, every other one restricted; each gets one gift, plan and pledge, created in
    // turn so hidden and visible records interleave in every list order.
    for (int i = 0; i < 6; ++i) {
      long long donor = make_person(db(), "후원자 " + std::to_string(i));
      if (i % 2 == 1) {
        restrict(donor);
        hidden_.insert(donor);
      }
      create_records(donor, i);
    }
  }
  void restrict(long long constituent) {
    auto s = db().write(actor(), [&](store::Unit& u) {
      u.sql() << "UPDATE constituents SET restricted = TRUE WHERE id = :id", soci::use(constituent);
      return Status::ok();
    });
    ASSERT_TRUE(s) << s.to_string();
  }
  void create_records(long long donor, int i) {
    json money = {{"amount", "10.00"}, {"currency", "USD"}};
    std::string day = "2025-01-1" + std::to_string(i);
    json gift = {{"constituent_id", donor},
                 {"received_on", day},
                 {"amount", money},
                 {"allocations", json::array({{{"fund_id", fund_}, {"amount", money}}})}};
    ASSERT_EQ(staff_->post("/api/v1/gifts", gift.dump()).status, 201);
    json plan = {{"constituent_id", donor},
                 {"amount", money},
                 {"frequency", "monthly"},
                 {"starts_on", "2026-02-01"},
                 {"fund_id", fund_}};
    ASSERT_EQ(staff_->post("/api/v1/recurring-plans", plan.dump()).status, 201);
    json pledge = {{"constituent_id", donor},
                   {"amount", {{"amount", "300.00"}, {"currency", "USD"}}},
                   {"installments", 3},
                   {"frequency", "monthly"},
                   {"first_due_on", "2026-01-01"},
                   {"pledged_on", "2025-12-15"},
                   {"fund_id", fund_}};
    ASSERT_EQ(staff_->post("/api/v1/pledges", pledge.dump()).status, 201);
  }
  // Follows next_after with pages of two: every page is full until the visible rows run out.
  void expect_full_pages(const std::string& list) {
    SCOPED_TRACE(list);
    std::set<long long> seen;
    std::string target = list + "?limit=2";
    int pages = 0;
    while (true) {
      HttpReply r = viewer_->get(target);
      ASSERT_EQ(r.status, 200) << r.body;
      const json body = r.json();
      for (const auto& item : body["items"]) {
        EXPECT_EQ(hidden_.count(item["constituent_id"].get<long long>()), 0u);
        EXPECT_TRUE(seen.insert(item["id"].get<long long>()).second);
      }
      ++pages;
      if (body["next_after"].is_null()) break;
      EXPECT_EQ(body["items"].size(), 2u) << "a page before the last is full";
      target = list + "?limit=2&after=" + std::to_string(body["next_after"].get<long long>());
      ASSERT_LT(pages, 10);
    }
    EXPECT_EQ(seen.size(), 3u);
    EXPECT_EQ(pages, 2);  // 3 visible rows: a full page of 2, then 1
    // A page of three holds all three visible rows at once.
    HttpReply three = viewer_->get(list + "?limit=3");
    EXPECT_EQ(three.json()["items"].size(), 3u);
    // The restricted grant sees all six.
    EXPECT_EQ(staff_->get(list + "?limit=6").json()["items"].size(), 6u);
  }
  std::unique_ptr<HttpClient> staff_;
  std::unique_ptr<HttpClient> viewer_;
  long long fund_ = 0;
  std::set<long long> hidden_;
};

TEST_P(ApiRestrictedPagingTest, GiftPagesAreFull) { expect_full_pages("/api/v1/gifts"); }

TEST_P(ApiRestrictedPagingTest, RecurringPlanPagesAreFull) {
  expect_full_pages("/api/v1/recurring-plans");
}

TEST_P(ApiRestrictedPagingTest, PledgePagesAreFull) { expect_full_pages("/api/v1/pledges"); }

TEST_P(ApiRestrictedPagingTest, TheAcknowledgmentQueueLeavesThemOutToo) {
  HttpReply r = viewer_->get("/api/v1/gifts/unacknowledged");
  ASSERT_EQ(r.status, 200) << r.body;
  const json body = r.json();  // keep the parsed body alive while iterating
  EXPECT_EQ(body["items"].size(), 3u);
  for (const auto& item : body["items"]) {
    EXPECT_EQ(hidden_.count(item["constituent_id"].get<long long>()), 0u);
  }
}

STEWARD_INSTANTIATE_DATABASE_TEST(ApiRestrictedPagingTest);

}  // namespace
}  // namespace steward::testing
