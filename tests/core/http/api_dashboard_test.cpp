// GET /api/v1/dashboard over real HTTP on both backends: the figures a user sees on the
// dashboard, and that restricted donors weigh in none of them for a caller without the grant.
#include <gtest/gtest.h>

#include "support/api_server.hpp"
#include "support/test_database.hpp"

namespace steward::testing {
namespace {

using nlohmann::json;

class ApiDashboardTest : public ApiTest {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    admin_ = std::make_unique<HttpClient>(sign_in_as("admin1", auth::Role::kAdmin, true));
  }
  HttpClient& admin() { return *admin_; }

  long long create(const std::string& path, const json& body) {
    HttpReply r = admin().post(path, body.dump());
    EXPECT_EQ(r.status, 201) << path << " " << r.body;
    return r.json().value("id", 0LL);
  }
  long long person(const std::string& first, const std::string& last, bool restricted = false) {
    return create("/api/v1/constituents", {{"kind", "individual"},
                                           {"first_name", first},
                                           {"last_name", last},
                                           {"restricted", restricted}});
  }
  void gift(long long donor, const std::string& day, const std::string& amount, long long fund) {
    json money = {{"amount", amount}, {"currency", "USD"}};
    create("/api/v1/gifts", {{"constituent_id", donor},
                             {"received_on", day},
                             {"amount", money},
                             {"payment_method", "check"},
                             {"allocations", {{{"fund_id", fund}, {"amount", money}}}}});
  }
  void plan(long long donor, const std::string& amount, const std::string& frequency,
            long long fund) {
    create("/api/v1/recurring-plans", {{"constituent_id", donor},
                                       {"amount", {{"amount", amount}, {"currency", "USD"}}},
                                       {"frequency", frequency},
                                       {"starts_on", "2026-01-01"},
                                       {"fund_id", fund}});
  }
  void task(const std::string& assignee, const std::string& title, long long constituent) {
    Status s = db().write(actor(), [&](store::Unit& u) {
      const std::string stamp = "2026-06-01T00:00:00Z";
      u.sql() << "INSERT INTO tasks (constituent_id, assignee, title, due_on, status, created_at,"
                 " updated_at) VALUES (:c, :a, :t, '2026-06-20', 'open', :s1, :s2)",
          soci::use(constituent), soci::use(assignee), soci::use(title), soci::use(stamp),
          soci::use(stamp);
      return Status::ok();
    });
    ASSERT_TRUE(s) << s.message();
  }

  // 김미영 gave last year and this year; 이순자 only last year (lapsed); a restricted donor gave
  // this year and has a plan. The day is 2026-06-15.
  void seed() {
    fund_ =
        create("/api/v1/funds", {{"code", "MED"},
                                 {"name", "의료 지원"},
                                 {"monthly_need", {{"amount", "100.00"}, {"currency", "USD"}}}});
    kim_ = person("미영", "김");
    lee_ = person("순자", "이");
    hidden_ = person("Hidden", "Donor", true);
    gift(kim_, "2025-03-01", "40.00", fund_);
    gift(lee_, "2025-08-01", "30.00", fund_);
    gift(kim_, "2026-06-01", "50.00", fund_);
    gift(hidden_, "2026-06-02", "70.00", fund_);
    plan(kim_, "20.00", "monthly", fund_);
    plan(hidden_, "30.00", "quarterly", fund_);
  }

  static const json* need_of(const json& d, long long fund) {
    for (const json& n : d["needs"]) {
      if (n["fund_id"] == fund) return &n;
    }
    return nullptr;
  }

  std::unique_ptr<HttpClient> admin_;
  long long fund_ = 0, kim_ = 0, lee_ = 0, hidden_ = 0;
};

TEST_P(ApiDashboardTest, FiguresForACallerWhoSeesEveryone) {
  seed();
  HttpClient granted = sign_in_as("lead", auth::Role::kFundraiser, true);
  task("lead", "감사 전화", kim_);
  task("lead", "Visit the hidden donor", hidden_);
  task("someone_else", "Not mine", kim_);
  HttpReply r = granted.get("/api/v1/dashboard?as_of=2026-06-15");
  ASSERT_EQ(r.status, 200) << r.body;
  json d = r.json();
  EXPECT_EQ(d["as_of"], "2026-06-15");
  EXPECT_EQ(d["currency"], "USD");
  EXPECT_EQ(d["year_to_date"]["this_year"]["minor"], 12000);
  EXPECT_EQ(d["year_to_date"]["this_year"]["amount"], "120.00");
  EXPECT_EQ(d["year_to_date"]["last_year"]["minor"], 4000);  // 2025-08-01 is after June 15
  EXPECT_EQ(d["this_month"]["gift_count"], 2);
  EXPECT_EQ(d["this_month"]["total"]["minor"], 12000);
  EXPECT_EQ(d["donors"]["new_this_year"], 1);
  EXPECT_EQ(d["donors"]["lapsed_this_year"], 1);
  EXPECT_EQ(d["donors"]["retained_this_year"], 1);
  EXPECT_EQ(d["donors"]["last_year_donors"], 2);
  EXPECT_EQ(d["recurring"]["monthly"]["minor"], 3000);  // 20.00 + 30.00 / 3
  EXPECT_EQ(d["recurring"]["plan_count"], 2);
  const json* need = need_of(d, fund_);
  ASSERT_NE(need, nullptr) << d.dump();
  EXPECT_EQ((*need)["fund_name"], "의료 지원");
  EXPECT_EQ((*need)["need"]["minor"], 10000);
  EXPECT_EQ((*need)["committed"]["minor"], 3000);
  EXPECT_EQ((*need)["received"]["minor"], 12000);
  EXPECT_EQ((*need)["committed_bp"], 3000);
  EXPECT_EQ((*need)["gap"]["minor"], 7000);
  ASSERT_EQ(d["trend"].size(), 24u);
  EXPECT_EQ(d["trend"][0]["month"], "2024-07");
  EXPECT_EQ(d["trend"][23]["month"], "2026-06");
  EXPECT_EQ(d["trend"][23]["total"]["minor"], 12000);
  EXPECT_EQ(d["trend"][8]["month"], "2025-03");
  EXPECT_EQ(d["trend"][8]["total"]["minor"], 4000);
  ASSERT_EQ(d["my_tasks"].size(), 2u);
  EXPECT_EQ(d["my_tasks"][0]["title"], "감사 전화");
  EXPECT_EQ(d["my_tasks"][0]["constituent_name"], "김미영");
  ASSERT_EQ(d["recent_gifts"].size(), 4u);
  EXPECT_EQ(d["recent_gifts"][0]["constituent_id"], hidden_);
  EXPECT_EQ(d["recent_gifts"][1]["constituent_name"], "김미영");
  EXPECT_EQ(d["unacknowledged_gifts"], 4);
}

TEST_P(ApiDashboardTest, RestrictedDonorsWeighInNoFigureWithoutTheGrant) {
  seed();
  HttpClient viewer = sign_in_as("viewer1", auth::Role::kViewer);
  task("viewer1", "Visit the hidden donor", hidden_);
  HttpReply r = viewer.get("/api/v1/dashboard?as_of=2026-06-15");
  ASSERT_EQ(r.status, 200) << r.body;
  json d = r.json();
  EXPECT_EQ(d["year_to_date"]["this_year"]["minor"], 5000);
  EXPECT_EQ(d["this_month"]["gift_count"], 1);
  EXPECT_EQ(d["donors"]["new_this_year"], 0);
  EXPECT_EQ(d["recurring"]["monthly"]["minor"], 2000);
  EXPECT_EQ(d["recurring"]["plan_count"], 1);
  const json* need = need_of(d, fund_);
  ASSERT_NE(need, nullptr);
  EXPECT_EQ((*need)["committed"]["minor"], 2000);
  EXPECT_EQ((*need)["received"]["minor"], 5000);
  EXPECT_EQ((*need)["received_bp"], 5000);
  EXPECT_EQ(d["trend"][23]["total"]["minor"], 5000);
  EXPECT_EQ(d["my_tasks"].size(), 0u);
  EXPECT_EQ(d["recent_gifts"].size(), 3u);
  EXPECT_EQ(r.body.find("Hidden"), std::string::npos) << r.body;
  EXPECT_EQ(d["unacknowledged_gifts"], 3);
}

TEST_P(ApiDashboardTest, EmptyDatabaseBadDateAndNoSession) {
  HttpReply r = admin().get("/api/v1/dashboard?as_of=2026-06-15");
  ASSERT_EQ(r.status, 200) << r.body;
  json d = r.json();
  EXPECT_EQ(d["year_to_date"]["this_year"]["minor"], 0);
  EXPECT_EQ(d["needs"].size(), 0u);
  EXPECT_EQ(d["trend"].size(), 24u);
  EXPECT_EQ(d["recent_gifts"].size(), 0u);
  EXPECT_EQ(admin().get("/api/v1/dashboard").status, 200);  // today
  HttpReply bad = admin().get("/api/v1/dashboard?as_of=2026-02-30");
  EXPECT_EQ(bad.status, 422) << bad.body;
  EXPECT_NE(bad.body.find("as_of"), std::string::npos) << bad.body;
  EXPECT_EQ(client().get("/api/v1/dashboard").status, 401);
}

STEWARD_INSTANTIATE_DATABASE_TEST(ApiDashboardTest);

}  // namespace
}  // namespace steward::testing
