#include "store/contact_repository.hpp"

#include <gtest/gtest.h>

#include "support/constituent_fixtures.hpp"
#include "support/test_database.hpp"

namespace steward::store {
namespace {

class ContactRepositoryTest : public testing::DatabaseTest {
 protected:
  Result<domain::Email> add(long long who, const std::string& email, bool primary = false) {
    domain::EmailInput in{email};
    in.is_primary = primary;
    return db().write(actor(), [&](Unit& u) { return contacts::add_email(u, who, in); });
  }
  // The primary email of a constituent, "" when none; fails when there is more than one.
  std::string primary(long long who) {
    auto list = db().read([&](Unit& u) { return contacts::emails(u, who); });
    std::string found;
    int n = 0;
    for (const auto& e : *list) {
      if (e.is_primary) {
        found = e.email;
        ++n;
      }
    }
    EXPECT_LE(n, 1);
    return found;
  }
};

TEST_P(ContactRepositoryTest, ExactlyOnePrimaryEmail) {
  auto grace = testing::make_individual(db(), actor(), "Grace", "Kim");
  auto first = add(grace.id, "grace@home.org");
  ASSERT_TRUE(first.is_ok()) << first.status().to_string();
  EXPECT_TRUE(first->is_primary);  // the first becomes primary
  auto second = add(grace.id, "grace@work.org");
  EXPECT_FALSE(second->is_primary);
  EXPECT_EQ(primary(grace.id), "grace@home.org");
  auto third = add(grace.id, "grace@new.org", true);  // takes the flag
  EXPECT_EQ(primary(grace.id), "grace@new.org");
  domain::EmailInput make_primary{"grace@work.org", "work", true};
  ASSERT_TRUE(
      db().write(actor(),
                 [&](Unit& u) { return contacts::update_email(u, second->id, make_primary); })
          .is_ok());
  EXPECT_EQ(primary(grace.id), "grace@work.org");
  // Removing the primary promotes the oldest remaining one.
  ASSERT_TRUE(
      db().write(actor(), [&](Unit& u) { return contacts::remove_email(u, second->id); }).is_ok());
  EXPECT_EQ(primary(grace.id), "grace@home.org");
  ASSERT_TRUE(
      db().write(actor(), [&](Unit& u) { return contacts::remove_email(u, first->id); }).is_ok());
  ASSERT_TRUE(
      db().write(actor(), [&](Unit& u) { return contacts::remove_email(u, third->id); }).is_ok());
  EXPECT_EQ(primary(grace.id), "");
  EXPECT_EQ(testing::query_int(db(),
                               "SELECT COUNT(*) FROM audit_events WHERE entity_type = "
                               "'email'"),
            7);
}

TEST_P(ContactRepositoryTest, PhonesKeepWhatWasTypedAndTheDigits) {
  auto grace = testing::make_individual(db(), actor(), "Grace", "Kim");
  auto phone = db().write(
      actor(), [&](Unit& u) { return contacts::add_phone(u, grace.id, {"+82 10-1234-5678"}); });
  ASSERT_TRUE(phone.is_ok()) << phone.status().to_string();
  EXPECT_EQ(phone->phone, "+82 10-1234-5678");
  EXPECT_EQ(phone->phone_normalized, "821012345678");
  EXPECT_TRUE(phone->is_primary);
}

TEST_P(ContactRepositoryTest, AddressesWithHangulAndCountryChecks) {
  auto grace = testing::make_individual(db(), actor(), "영희", "김");
  domain::AddressInput a;
  a.line1 = "세종대로 110";
  a.city = "서울";
  a.postal_code = "04524";
  a.country = "kr";
  auto made = db().write(actor(), [&](Unit& u) { return contacts::add_address(u, grace.id, a); });
  ASSERT_TRUE(made.is_ok()) << made.status().to_string();
  EXPECT_EQ(made->line1, "세종대로 110");
  EXPECT_EQ(made->country, "KR");
  EXPECT_TRUE(made->is_primary);
  a.country = "ZZ";
  auto bad = db().write(actor(), [&](Unit& u) { return contacts::add_address(u, grace.id, a); });
  EXPECT_EQ(bad.status().fields().at(0).field, "country");
  EXPECT_EQ(testing::query_int(db(), "SELECT COUNT(*) FROM addresses"), 1);
  auto missing =
      db().write(actor(), [&](Unit& u) { return contacts::add_address(u, 9999, made.value()); });
  EXPECT_EQ(missing.status().code(), StatusCode::kNotFound);
}

TEST_P(ContactRepositoryTest, PhonesAndAddressesFollowThePrimaryRuleToo) {
  auto grace = testing::make_individual(db(), actor(), "Grace", "Kim");
  auto home = db().write(actor(), [&](Unit& u) {
    return contacts::add_phone(u, grace.id, {"555 010 1000", "home"});
  });
  auto work = db().write(actor(), [&](Unit& u) {
    return contacts::add_phone(u, grace.id, {"555 010 2000", "work", true});
  });
  ASSERT_TRUE(home.is_ok() && work.is_ok()) << work.status().to_string();
  auto list = db().read([&](Unit& u) { return contacts::phones(u, grace.id); });
  ASSERT_EQ(list->size(), 2u);
  EXPECT_EQ(list->at(0).id, work->id);  // primary first
  EXPECT_TRUE(list->at(0).is_primary);
  EXPECT_FALSE(list->at(1).is_primary);
  ASSERT_TRUE(
      db().write(actor(), [&](Unit& u) { return contacts::remove_phone(u, work->id); }).is_ok());
  list = db().read([&](Unit& u) { return contacts::phones(u, grace.id); });
  ASSERT_EQ(list->size(), 1u);
  EXPECT_TRUE(list->at(0).is_primary);

  domain::AddressInput a;
  a.line1 = "1 Main St";
  auto first = db().write(actor(), [&](Unit& u) { return contacts::add_address(u, grace.id, a); });
  a.line1 = "2 Side St";
  auto second = db().write(actor(), [&](Unit& u) { return contacts::add_address(u, grace.id, a); });
  ASSERT_TRUE(second.is_ok());
  EXPECT_FALSE(second->is_primary);
  a.is_primary = true;
  auto moved =
      db().write(actor(), [&](Unit& u) { return contacts::update_address(u, second->id, a); });
  ASSERT_TRUE(moved.is_ok()) << moved.status().to_string();
  EXPECT_TRUE(moved->is_primary);
  auto all = db().read([&](Unit& u) { return contacts::addresses(u, grace.id); });
  ASSERT_EQ(all->size(), 2u);
  EXPECT_EQ(all->at(0).id, second->id);
  EXPECT_FALSE(all->at(1).is_primary);
  EXPECT_EQ(all->at(1).id, first->id);
}

STEWARD_INSTANTIATE_DATABASE_TEST(ContactRepositoryTest);

}  // namespace
}  // namespace steward::store
