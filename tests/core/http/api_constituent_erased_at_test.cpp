// The constituent JSON says whether the record was erased: "erased_at" is null for a living
// record (Hangul name intact) and the erase's time afterwards, so the web app recognises an
// erased record by this field rather than by its placeholder name. Echoing the GET back on PUT
// still works (erased_at is read-only and ignored). Lists, create, PUT, restore and household
// member lists answer it too.
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

// Every answer that carries a constituent says erased_at: the list, create, PUT, restore and
// the household's member list (member_erased_at), so a client never has to guess by the name.
TEST_P(ApiConstituentErasedAtTest, EveryConstituentAnswerSaysWhetherItWasErased) {
  auto d = make_privacy_donor(db(), {"test:runner", ""});
  auto admin = sign_in_as("admin1", auth::Role::kAdmin);
  const std::string id = std::to_string(d.donor);
  const std::string record = "/api/v1/constituents/" + id;

  HttpReply made = admin.post("/api/v1/constituents",
                              R"({"kind":"individual","first_name":"서연","last_name":"박"})");
  ASSERT_EQ(made.status, 201) << made.body;
  ASSERT_TRUE(made.json().contains("erased_at"));
  EXPECT_TRUE(made.json()["erased_at"].is_null());
  EXPECT_EQ(made.header("etag"), admin.get(made.header("location")).header("etag"));

  HttpReply listed = admin.get("/api/v1/constituents?limit=500");
  ASSERT_EQ(listed.status, 200) << listed.body;
  ASSERT_FALSE(listed.json()["items"].empty());
  // The body outlives the loop (a range over a temporary's member dangles).
  const nlohmann::json listed_body = listed.json();
  for (const auto& item : listed_body["items"]) {
    ASSERT_TRUE(item.contains("erased_at")) << item.dump();
    EXPECT_TRUE(item["erased_at"].is_null());
  }

  HttpReply household = admin.post("/api/v1/households", R"({"member_ids":[)" + id + "]}");
  ASSERT_EQ(household.status, 201) << household.body;
  ASSERT_EQ(household.json()["members"].size(), 1u);
  EXPECT_TRUE(household.json()["members"][0]["member_erased_at"].is_null());
  const std::string home = household.header("location");

  HttpReply done = admin.post(record + "/erase", R"({"confirm":"ERASE )" + id + R"("})");
  ASSERT_EQ(done.status, 200) << done.body;
  const auto when = done.json()["erased_at"];
  ASSERT_TRUE(when.is_string());

  // The household still lists the member (totals stay right), now marked erased.
  HttpReply family = admin.get(home);
  ASSERT_EQ(family.status, 200) << family.body;
  ASSERT_EQ(family.json()["members"].size(), 1u);
  EXPECT_EQ(family.json()["members"][0]["member_erased_at"], when);
  EXPECT_EQ(admin.get(record).json()["household"]["member_erased_at"], when);

  // PUT answers it too (on a living record: an erased one has no last name left to keep), with
  // the same ETag a GET gives, so the next PUT is not refused.
  const std::string other = made.header("location");
  HttpReply living = admin.get(other);
  HttpReply put = admin.put(other, living.body, living.header("etag"));
  ASSERT_EQ(put.status, 200) << put.body;
  ASSERT_TRUE(put.json().contains("erased_at"));
  EXPECT_TRUE(put.json()["erased_at"].is_null());
  EXPECT_EQ(put.header("etag"), admin.get(other).header("etag"));

  // Lists leave erased records out; restore answers the field as well.
  const nlohmann::json after_erase = admin.get("/api/v1/constituents?limit=500").json();
  for (const auto& item : after_erase["items"]) {
    EXPECT_NE(item["id"], d.donor);
  }
  ASSERT_EQ(admin.del(other).status, 204);
  HttpReply restored = admin.post(other + "/restore", "");
  ASSERT_EQ(restored.status, 200) << restored.body;
  ASSERT_TRUE(restored.json().contains("erased_at"));
  EXPECT_TRUE(restored.json()["erased_at"].is_null());
}

STEWARD_INSTANTIATE_DATABASE_TEST(ApiConstituentErasedAtTest);

}  // namespace
}  // namespace steward::testing
