// GET /api/v1/batches over real HTTP: newest first in cursor pages, filtered by status, each
// batch with its control (expected) and actual count and total; a bad filter or cursor names the
// parameter. On SQLite and PostgreSQL.
#include <gtest/gtest.h>

#include "support/api_server.hpp"
#include "support/gift_fixtures.hpp"
#include "support/test_database.hpp"

namespace steward::testing {
namespace {

using nlohmann::json;

class ApiBatchListTest : public ApiTest {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    staff_ = std::make_unique<HttpClient>(sign_in_as("admin1", auth::Role::kAdmin, true));
    donor_ = make_person(db(), "김민지");
    fund_ = make_fund(db(), "MED");
  }
  long long open_batch(const std::string& name, int count, const std::string& total) {
    json body = {{"name", name},
                 {"expected_count", count},
                 {"expected_total", {{"amount", total}, {"currency", "USD"}}}};
    HttpReply r = staff_->post("/api/v1/batches", body.dump());
    EXPECT_EQ(r.status, 201) << r.body;
    return r.status == 201 ? r.json()["id"].get<long long>() : 0;
  }
  void gift_in(long long batch, const std::string& amount) {
    json money = {{"amount", amount}, {"currency", "USD"}};
    json j = {{"constituent_id", donor_},
              {"received_on", "2026-03-02"},
              {"amount", money},
              {"batch_id", batch},
              {"allocations", json::array({{{"fund_id", fund_}, {"amount", money}}})}};
    HttpReply r = staff_->post("/api/v1/gifts", j.dump());
    ASSERT_EQ(r.status, 201) << r.body;
  }
  std::unique_ptr<HttpClient> staff_;
  long long donor_ = 0;
  long long fund_ = 0;
};

TEST_P(ApiBatchListTest, NewestFirstWithControlAndActualTotalsInPages) {
  long long first = open_batch("3월 예금", 1, "10.00");
  long long second = open_batch("4월 예금", 2, "30.00");
  long long third = open_batch("5월 예금", 1, "5.00");
  gift_in(first, "10.00");
  ASSERT_EQ(staff_->post("/api/v1/batches/" + std::to_string(first) + "/close", "{}").status, 200);
  gift_in(second, "12.50");

  HttpReply page1 = staff_->get("/api/v1/batches?limit=2");
  ASSERT_EQ(page1.status, 200) << page1.body;
  json j = page1.json();
  ASSERT_EQ(j["items"].size(), 2u);
  EXPECT_EQ(j["items"][0]["id"], third);
  EXPECT_EQ(j["items"][1]["id"], second);
  EXPECT_EQ(j["items"][1]["name"], "4월 예금");
  EXPECT_EQ(j["items"][1]["expected_count"], 2);
  EXPECT_EQ(j["items"][1]["expected_total"]["minor"], 3000);
  EXPECT_EQ(j["items"][1]["actual_count"], 1);
  EXPECT_EQ(j["items"][1]["actual_total"]["minor"], 1250);
  ASSERT_FALSE(j["next_after"].is_null());
  HttpReply page2 = staff_->get("/api/v1/batches?limit=2&after=" +
                                std::to_string(j["next_after"].get<long long>()));
  ASSERT_EQ(page2.status, 200) << page2.body;
  ASSERT_EQ(page2.json()["items"].size(), 1u);
  EXPECT_EQ(page2.json()["items"][0]["id"], first);
  EXPECT_EQ(page2.json()["items"][0]["status"], "closed");
  EXPECT_TRUE(page2.json()["next_after"].is_null());

  HttpReply open = staff_->get("/api/v1/batches?status=open");
  ASSERT_EQ(open.status, 200) << open.body;
  EXPECT_EQ(open.json()["items"].size(), 2u);
  HttpReply closed = staff_->get("/api/v1/batches?status=closed");
  ASSERT_EQ(closed.json()["items"].size(), 1u);
  EXPECT_EQ(closed.json()["items"][0]["id"], first);
  EXPECT_FALSE(closed.json()["items"][0]["closed_at"].is_null());

  HttpClient viewer = sign_in_as("viewer1", auth::Role::kViewer, false);
  EXPECT_EQ(viewer.get("/api/v1/batches").status, 200);
}

TEST_P(ApiBatchListTest, ABadFilterOrCursorNamesTheParameter) {
  HttpReply bad = staff_->get("/api/v1/batches?status=pending");
  EXPECT_EQ(bad.status, 422) << bad.body;
  EXPECT_NE(bad.body.find("status"), std::string::npos) << bad.body;
  HttpReply cursor = staff_->get("/api/v1/batches?after=424242");
  EXPECT_EQ(cursor.status, 422) << cursor.body;
  EXPECT_NE(cursor.body.find("after"), std::string::npos) << cursor.body;
  EXPECT_EQ(staff_->get("/api/v1/batches").json()["items"].size(), 0u);
}

STEWARD_INSTANTIATE_DATABASE_TEST(ApiBatchListTest);

}  // namespace
}  // namespace steward::testing
