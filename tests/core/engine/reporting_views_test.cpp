// The report_* views for BI tools hide restricted donors and secrets on both backends, and a
// reporting role (PostgreSQL) logs in, reads the views and nothing else.
#include <gtest/gtest.h>

#include <sodium.h>

#include <algorithm>
#include <cstdlib>
#include <optional>

#include <soci/soci.h>

#include "engine/reporting_role.hpp"
#include "support/gift_fixtures.hpp"
#include "support/needs_fixtures.hpp"
#include "support/report_fixtures.hpp"
#include "support/test_database.hpp"

namespace steward::engine {
namespace {

class ReportingViewsTest : public testing::DatabaseTest {};

TEST_P(ReportingViewsTest, RestrictedDonorsAndSecretsStayOut) {
  auto shown = testing::make_person(db(), "이 후원자");
  auto hidden = testing::make_person(db(), "Hidden");
  testing::make_restricted(db(), hidden);
  testing::give(db(), shown, 5000, "2025-03-01");
  testing::give(db(), hidden, 7000, "2025-03-02");
  testing::needs::PlanSpec plan;
  plan.constituent_id = hidden;
  plan.amount_minor = 1000;
  testing::needs::make_plan(db(), plan);
  plan.constituent_id = shown;
  plan.frequency = "weekly";
  testing::needs::make_plan(db(), plan);

  EXPECT_EQ(testing::query_int(db(), "SELECT COUNT(*) FROM report_gifts"), 1);
  EXPECT_EQ(testing::query_int(db(), "SELECT SUM(base_net_minor) FROM report_gifts"), 5000);
  EXPECT_EQ(testing::query_int(db(), "SELECT COUNT(*) FROM report_allocations"), 1);
  EXPECT_EQ(testing::query_int(db(), "SELECT COUNT(*) FROM report_constituents"), 1);
  EXPECT_EQ(testing::query_int(db(), "SELECT COUNT(*) FROM report_recurring"), 1);
  EXPECT_EQ(testing::query_int(db(), "SELECT monthly_value_minor FROM report_recurring"), 4333);
  EXPECT_EQ(testing::query_int(db(), "SELECT lifetime_minor FROM report_constituents"), 5000);
  auto name = db().read([&](store::Unit& u) -> Result<std::string> {
    std::string out;
    u.sql() << "SELECT donor_name FROM report_gifts", soci::into(out);
    return out;
  });
  ASSERT_TRUE(name.is_ok()) << name.status().to_string();
  EXPECT_EQ(*name, "이 후원자");

  for (const std::string& view : reporting_view_names()) {
    SCOPED_TRACE(view);
    const std::string columns =
        is_postgresql() ? "SELECT COUNT(*) FROM information_schema.columns WHERE table_schema ="
                          " current_schema() AND table_name = '" +
                              view + "' AND "
                        : "SELECT COUNT(*) FROM pragma_table_info('" + view + "') WHERE ";
    const std::string name_col = is_postgresql() ? "column_name" : "name";
    EXPECT_GT(testing::query_int(db(), columns + "1 = 1"), 2);
    for (const char* secret :
         {"%password%", "%token%", "%hash%", "%note%", "%secret%", "%processor%", "email", "phone",
          "%line1%", "postal_code", "restricted"})
      EXPECT_EQ(testing::query_int(db(), columns + name_col + " LIKE '" + secret + "'"), 0)
          << secret;
  }
}

TEST_P(ReportingViewsTest, RoleReadsOnlyTheViews) {
  const store::Actor admin{"test:admin", ""};
  if (!is_postgresql()) {
    auto r = create_reporting_role(db(), admin, "metabase", std::nullopt);
    ASSERT_FALSE(r.is_ok());
    EXPECT_EQ(r.status().code(), StatusCode::kPreconditionFailed);
    EXPECT_NE(r.status().message().find("PostgreSQL"), std::string::npos);
    return;
  }
  auto bad = create_reporting_role(db(), admin, "Robert'); DROP", std::nullopt);
  ASSERT_FALSE(bad.is_ok());
  EXPECT_EQ(bad.status().fields().at(0).field, "name");
  auto weak = create_reporting_role(db(), admin, "bi_weak", std::string("short"));
  ASSERT_FALSE(weak.is_ok());
  EXPECT_EQ(weak.status().fields().at(0).field, "password");

  auto donor = testing::make_person(db(), "김 후원자");
  testing::give(db(), donor, 5000, "2025-03-01");
  ASSERT_EQ(sodium_init() < 0, false);
  const std::string name = "steward_test_bi_" + std::to_string(randombytes_uniform(1000000000));
  auto role = create_reporting_role(db(), admin, name, std::string("a-long-test-password-1"));
  ASSERT_TRUE(role.is_ok()) << role.status().to_string();
  auto again = create_reporting_role(db(), admin, name, std::nullopt);
  ASSERT_FALSE(again.is_ok());
  EXPECT_EQ(again.status().code(), StatusCode::kConflict);
  EXPECT_EQ(testing::query_int(db(),
                               "SELECT COUNT(*) FROM audit_events WHERE entity_type = "
                               "'reporting_role' AND after_json NOT LIKE '%long-test%'"),
            1);

  // Log in as the role (the test server trusts local connections; the password is set anyway).
  // postgresql://USER@HOST:PORT/DB -> a libpq conninfo string for the new role.
  const std::string url = std::getenv("STEWARD_TEST_PG_URL");
  const auto at = url.find('@');
  const auto colon = url.find(':', at);
  const auto slash = url.find('/', at);
  ASSERT_NE(at, std::string::npos);
  ASSERT_NE(slash, std::string::npos);
  const std::string host = url.substr(at + 1, std::min(colon, slash) - at - 1);
  const std::string port = colon < slash ? url.substr(colon + 1, slash - colon - 1) : "5432";
  std::string dbname = url.substr(slash + 1);
  dbname = dbname.substr(0, dbname.find('?'));
  const std::string conninfo = "host=" + host + " port=" + port + " dbname=" + dbname +
                               " user=" + name + " password=a-long-test-password-1";
  try {
    soci::session s("postgresql", conninfo);
    long long n = 0;
    s << "SELECT COUNT(*) FROM report_gifts", soci::into(n);
    EXPECT_EQ(n, 1);
    std::string who;
    s << "SELECT donor_name FROM report_gifts", soci::into(who);
    EXPECT_EQ(who, "김 후원자");
    for (const char* table :
         {"gifts", "constituents", "users", "analytics_gifts", "audit_events", "settings"}) {
      SCOPED_TRACE(table);
      EXPECT_THROW(s << "SELECT COUNT(*) FROM " + std::string(table), soci::soci_error);
    }
    EXPECT_THROW(s << "CREATE TABLE sneaky (id INTEGER)", soci::soci_error);
  } catch (const std::exception& e) {
    ADD_FAILURE() << "cannot log in as " << name << ": " << e.what();
  }

  // The role is listed; dropping it ends its open session, and it can log in no more.
  auto listed = list_reporting_roles(db());
  ASSERT_TRUE(listed.is_ok()) << listed.status().to_string();
  EXPECT_NE(std::find(listed->begin(), listed->end(), name), listed->end());
  std::optional<soci::session> open;
  try {
    open.emplace("postgresql", conninfo);
  } catch (const std::exception& e) {
    ADD_FAILURE() << e.what();
  }
  auto dropped = drop_reporting_role(db(), admin, name);
  ASSERT_TRUE(dropped.is_ok()) << dropped.status().to_string();
  EXPECT_EQ(dropped->sessions_ended + dropped->sessions_left, 1);
  EXPECT_THROW(soci::session("postgresql", conninfo), soci::soci_error);
  listed = list_reporting_roles(db());
  ASSERT_TRUE(listed.is_ok());
  EXPECT_EQ(std::find(listed->begin(), listed->end(), name), listed->end());
  EXPECT_EQ(testing::query_int(db(),
                               "SELECT COUNT(*) FROM audit_events WHERE entity_type = "
                               "'reporting_role' AND action = 'delete'"),
            1);
  auto gone = drop_reporting_role(db(), admin, name);
  ASSERT_FALSE(gone.is_ok());
  EXPECT_EQ(gone.status().code(), StatusCode::kNotFound);
}

// Only the roles reporting-role create made for this schema can be dropped with the command.
TEST_P(ReportingViewsTest, DropRefusesOtherRolesAndSqlite) {
  const store::Actor admin{"test:admin", ""};
  if (!is_postgresql()) {
    EXPECT_EQ(drop_reporting_role(db(), admin, "metabase").status().code(),
              StatusCode::kPreconditionFailed);
    EXPECT_EQ(list_reporting_roles(db()).status().code(), StatusCode::kPreconditionFailed);
    return;
  }
  auto bad = drop_reporting_role(db(), admin, "x; DROP ROLE postgres");
  ASSERT_FALSE(bad.is_ok());
  EXPECT_EQ(bad.status().fields().at(0).field, "name");
  ASSERT_EQ(sodium_init() < 0, false);
  const std::string other = "steward_test_plain_" + std::to_string(randombytes_uniform(1000000000));
  ASSERT_TRUE(db().write(admin,
                         [&](store::Unit& u) {
                           u.sql() << "CREATE ROLE " + other + " LOGIN";
                           return Status::ok();
                         })
                  .is_ok());
  auto refused = drop_reporting_role(db(), admin, other);
  ASSERT_FALSE(refused.is_ok());
  EXPECT_EQ(refused.status().code(), StatusCode::kPreconditionFailed);
  EXPECT_EQ(
      testing::query_int(db(), "SELECT COUNT(*) FROM pg_roles WHERE rolname = '" + other + "'"), 1);
  Status cleaned = db().write(admin, [&](store::Unit& u) {
    u.sql() << "DROP ROLE " + other;
    return Status::ok();
  });
  EXPECT_TRUE(cleaned.is_ok()) << cleaned.to_string();
}

STEWARD_INSTANTIATE_DATABASE_TEST(ReportingViewsTest);

}  // namespace
}  // namespace steward::engine
