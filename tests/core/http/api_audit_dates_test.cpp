// GET /api/v1/audit?from=&to=: the date range is applied by the server (days in UTC, both
// included), with the other filters and paging; a bad day names the parameter. On SQLite and
// PostgreSQL (created_at is TIMESTAMPTZ there and ISO text on SQLite).
#include <gtest/gtest.h>

#include "support/api_server.hpp"
#include "support/gift_fixtures.hpp"
#include "support/test_database.hpp"

namespace steward::testing {
namespace {

using nlohmann::json;

class ApiAuditDatesTest : public ApiTest {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    admin_ = std::make_unique<HttpClient>(sign_in_as("admin1", auth::Role::kAdmin));
  }
  // Appends an audit event about a fund at `instant` (the trail is append-only: events are
  // written with their time rather than moved).
  void fund_event_at(const std::string& code, const std::string& instant) {
    auto s = db().write(actor(), [&](store::Unit& u) {
      std::string after = json{{"code", code}}.dump();
      const std::string at = u.is_postgresql() ? "CAST(:at AS TIMESTAMPTZ)" : ":at";
      u.sql() << "INSERT INTO audit_events (actor, action, entity_type, entity_id, after_json, "
                 "created_at) VALUES ('test:runner', 'create', 'fund', 1, :after, " +
                     at + ")",
          soci::use(after), soci::use(instant);
      return Status::ok();
    });
    ASSERT_TRUE(s) << s.to_string();
  }
  std::vector<std::string> codes(const std::string& query) {
    HttpReply r = admin_->get("/api/v1/audit?entity_type=fund" + query);
    EXPECT_EQ(r.status, 200) << r.body;
    std::vector<std::string> out;
    json body = r.json();  // kept alive for the loop
    for (const auto& e : body["items"]) out.push_back(e["after"]["code"].get<std::string>());
    return out;
  }
  std::unique_ptr<HttpClient> admin_;
};

TEST_P(ApiAuditDatesTest, TheRangeIsAppliedByTheServerWithBothDaysIncluded) {
  fund_event_at("FEB", "2026-02-28T23:59:59Z");
  fund_event_at("MAR1", "2026-03-01T00:00:00Z");
  fund_event_at("MAR31", "2026-03-31T23:59:59Z");
  fund_event_at("APR", "2026-04-01T00:00:00Z");
  EXPECT_EQ(codes("&from=2026-03-01&to=2026-03-31"), (std::vector<std::string>{"MAR31", "MAR1"}));
  EXPECT_EQ(codes("&from=2026-03-01"), (std::vector<std::string>{"APR", "MAR31", "MAR1"}));
  EXPECT_EQ(codes("&to=2026-02-28"), (std::vector<std::string>{"FEB"}));
  EXPECT_EQ(codes("&from=2026-03-05&to=2026-03-05"), std::vector<std::string>{});
  // Paging within the range.
  HttpReply first = admin_->get("/api/v1/audit?entity_type=fund&from=2026-02-01&limit=2");
  ASSERT_EQ(first.status, 200) << first.body;
  ASSERT_EQ(first.json()["items"].size(), 2u);
  long long after = first.json()["next_after"].get<long long>();
  EXPECT_EQ(codes("&from=2026-02-01&limit=2&after=" + std::to_string(after)),
            (std::vector<std::string>{"MAR1", "FEB"}));
}

TEST_P(ApiAuditDatesTest, ABadDayOrAnInvertedRangeNamesTheParameter) {
  HttpReply bad = admin_->get("/api/v1/audit?from=2026-02-30");
  EXPECT_EQ(bad.status, 422) << bad.body;
  EXPECT_NE(bad.body.find("from"), std::string::npos) << bad.body;
  HttpReply words = admin_->get("/api/v1/audit?to=yesterday");
  EXPECT_EQ(words.status, 422) << words.body;
  EXPECT_NE(words.body.find("\"to\""), std::string::npos) << words.body;
  HttpReply inverted = admin_->get("/api/v1/audit?from=2026-03-02&to=2026-03-01");
  EXPECT_EQ(inverted.status, 422) << inverted.body;
  EXPECT_NE(inverted.body.find("\"to\""), std::string::npos) << inverted.body;
}

STEWARD_INSTANTIATE_DATABASE_TEST(ApiAuditDatesTest);

}  // namespace
}  // namespace steward::testing
