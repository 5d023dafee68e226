#include "store/settings_repository.hpp"

#include <gtest/gtest.h>

#include "support/test_database.hpp"

namespace steward::store {
namespace {

class SettingsRepositoryTest : public testing::DatabaseTest {};

TEST_P(SettingsRepositoryTest, DefaultsUntilSetThenTheStoredValue) {
  auto before = db().read([&](Unit& u) { return settings::get(u); });
  ASSERT_TRUE(before.is_ok()) << before.status().to_string();
  EXPECT_EQ(before->base_currency, "USD");
  EXPECT_EQ(before->fiscal_year_start_month, 1u);
  ASSERT_TRUE(db().write(actor(),
                         [&](Unit& u) {
                           Status s = settings::set(u, "fiscal_year_start_month", "7");
                           if (s) s = settings::set(u, "organization_name", "새 희망 선교회");
                           if (s) s = settings::set(u, "fiscal_year_start_month", "8");
                           return s;
                         })
                  .is_ok());
  auto after = db().read([&](Unit& u) { return settings::get(u); });
  ASSERT_TRUE(after.is_ok());
  EXPECT_EQ(after->fiscal_year_start_month, 8u);
  EXPECT_EQ(after->organization_name, "새 희망 선교회");
  EXPECT_EQ(
      testing::query_int(db(), "SELECT COUNT(*) FROM audit_events WHERE entity_type = 'setting'"),
      3);
}

TEST_P(SettingsRepositoryTest, BadKeysAndValuesAreRefused) {
  auto set = [&](const char* k, const char* v) {
    return db().write(actor(), [&](Unit& u) { return settings::set(u, k, v); });
  };
  EXPECT_EQ(set("base_currency", "dollars").fields().at(0).field, "base_currency");
  EXPECT_EQ(set("fiscal_year_start_month", "13").code(), StatusCode::kInvalid);
  EXPECT_EQ(set("fiscal_year_start_month", "x").code(), StatusCode::kInvalid);
  EXPECT_EQ(set("colour", "blue").fields().at(0).field, "colour");
  EXPECT_EQ(testing::query_int(db(), "SELECT COUNT(*) FROM settings"), 0);
}

STEWARD_INSTANTIATE_DATABASE_TEST(SettingsRepositoryTest);

}  // namespace
}  // namespace steward::store
