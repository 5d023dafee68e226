// The constituent JSON says whether the record was erased: "erased_at" is null for a living
// record (Hangul name intact) and the erase's time afterwards, so the web app recognises an
// erased record by this field rather than by its placeholder name. Echoing the GET back on PUT
// still works (erased_at is read-only and ignored).
#include <gtest/gtest.h>

#include "support/api_server.hpp"
#include "support/privacy_fixtures.hpp"
#include "support/test_database.hpp"

namespace steward::testing {
namespace {

class ApiConstituentErasedAtTest : public ApiTest {};

TEST_P(ApiConstituentErasedAtTest, NullUntilErasedThenTheEraseTime) {
  auto d = make_privacy_donor(db(), {"test:runner", ""});
  auto admin = sign_in_as("admin1", auth::Role::kAdmin);
  const std::string id = std::to_string(d.donor);
  const std::string record = "/api/v1/constituents/" + id;
  HttpReply living = admin.get(record);
  ASSERT_EQ(living.status, 200) << living.body;
  ASSERT_TRUE(living.json().contains("erased_at"));
  EXPECT_TRUE(living.json()["erased_at"].is_null());
  EXPECT_EQ(living.json()["first_name"], "민지");

  // A client may send the record back as it read it.
  HttpReply echoed = admin.put(record, living.body, living.header("etag"));
  EXPECT_EQ(echoed.status, 200) << echoed.body;

  HttpReply done = admin.post(record + "/erase", R"({"confirm":"ERASE )" + id + R"("})");
  ASSERT_EQ(done.status, 200) << done.body;
  HttpReply erased = admin.get(record);
  ASSERT_EQ(erased.status, 200) << erased.body;
  ASSERT_TRUE(erased.json()["erased_at"].is_string());
  EXPECT_EQ(erased.json()["erased_at"], done.json()["erased_at"]);
  EXPECT_EQ(erased.json()["erased_at"].get<std::string>().size(), 20u);  // YYYY-MM-DDTHH:MM:SSZ
}

STEWARD_INSTANTIATE_DATABASE_TEST(ApiConstituentErasedAtTest);

}  // namespace
}  // namespace steward::testing
