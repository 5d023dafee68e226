#include "store/constituent_name_keys.hpp"

#include <gtest/gtest.h>

#include "domain/name_normalizer.hpp"
#include "store/constituent_repository.hpp"
#include "support/test_database.hpp"

namespace steward::store {
namespace {

class ConstituentNameKeysTest : public testing::DatabaseTest {
 protected:
  long long create(const std::string& first, const std::string& last) {
    domain::ConstituentInput in;
    in.first_name = first;
    in.last_name = last;
    auto c = db().write(actor(), [&](Unit& u) { return constituents::create(u, in); });
    EXPECT_TRUE(c.is_ok()) << c.status().to_string();
    return c ? c->id : 0;
  }
  std::vector<long long> find(const std::string& name) {
    auto ids = db().read([&](Unit& u) { return name_keys::find(u, domain::name_key(name)); });
    EXPECT_TRUE(ids.is_ok()) << ids.status().to_string();
    return ids ? *ids : std::vector<long long>();
  }
};

TEST_P(ConstituentNameKeysTest, HangulAndLatinNamesAreFoundByTheirKey) {
  long long kim = create("영희", "김");
  long long jane = create("Jane", "Doe");
  EXPECT_EQ(find("김영희"), std::vector<long long>{kim});
  EXPECT_EQ(find("김 영희 집사님"), std::vector<long long>{kim});
  EXPECT_EQ(find("DOE, Jane"), std::vector<long long>{jane});
  EXPECT_TRUE(find("박영희").empty());
}

TEST_P(ConstituentNameKeysTest, UpdateKeepsTheKeyAndUnkeyedRowsAreFilled) {
  long long id = create("영희", "김");
  domain::ConstituentInput in;
  in.first_name = "민지";
  in.last_name = "이";
  auto updated = db().write(actor(), [&](Unit& u) { return constituents::update(u, id, in); });
  ASSERT_TRUE(updated.is_ok()) << updated.status().to_string();
  EXPECT_TRUE(find("김영희").empty());
  EXPECT_EQ(find("이민지"), std::vector<long long>{id});
  // A row written around the repository (a bulk load) has no key until fill_missing().
  Status cleared = db().write(actor(), [](Unit& u) -> Status {
    u.sql() << "UPDATE constituents SET name_key = NULL, display_name_key = NULL, "
               "name_keys_ready = 0";
    return Status::ok();
  });
  ASSERT_TRUE(cleared.is_ok()) << cleared.to_string();
  EXPECT_TRUE(find("이민지").empty());
  auto filled = db().write(actor(), [&](Unit& u) { return name_keys::fill_missing(u); });
  ASSERT_TRUE(filled.is_ok()) << filled.status().to_string();
  EXPECT_EQ(*filled, 1);
  EXPECT_EQ(find("이민지"), std::vector<long long>{id});
}

STEWARD_INSTANTIATE_DATABASE_TEST(ConstituentNameKeysTest);

}  // namespace
}  // namespace steward::store
