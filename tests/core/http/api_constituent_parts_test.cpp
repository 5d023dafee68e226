// What hangs off a constituent, over real HTTP: contact points, households, relationships,
// tags, and the CSV export (BOM, Hangul, formula neutralising, restricted rows left out).
#include <gtest/gtest.h>

#include "support/api_server.hpp"
#include "support/constituent_api_test.hpp"
#include "support/test_database.hpp"

namespace steward::testing {
namespace {

using nlohmann::json;

class ApiConstituentPartsTest : public ConstituentApiTest {
 protected:
  static std::string path(long long id) { return "/api/v1/constituents/" + std::to_string(id); }
};

TEST_P(ApiConstituentPartsTest, ContactPointsAddReplaceRemoveWithPrimaryAndETags) {
  long long kim = create(R"({"first_name":"영희","last_name":"김"})");
  long long lee = create(R"({"first_name":"Dan","last_name":"Lee"})");
  HttpReply first = admin().post(path(kim) + "/emails", R"({"email":"kim@example.org"})");
  ASSERT_EQ(first.status, 201) << first.body;
  EXPECT_TRUE(first.json()["is_primary"].get<bool>());
  HttpReply second = admin().post(
      path(kim) + "/emails", R"({"email":"work@example.org","kind":"work","is_primary":true})");
  ASSERT_EQ(second.status, 201) << second.body;
  std::string second_url = second.header("location");
  ASSERT_EQ(
      admin()
          .post(path(kim) + "/addresses",
                R"({"line1":"세종대로 110","city":"서울","postal_code":"04524","country":"KR"})")
          .status,
      201);
  HttpReply phone = admin().post(path(kim) + "/phones", R"({"phone":"+82 10-1234-5678"})");
  ASSERT_EQ(phone.status, 201) << phone.body;
  EXPECT_EQ(phone.json()["phone_normalized"], "821012345678");

  json detail = admin().get(path(kim)).json();
  ASSERT_EQ(detail["emails"].size(), 2u);
  EXPECT_EQ(detail["emails"][0]["email"], "work@example.org");  // primary first
  EXPECT_EQ(detail["addresses"][0]["city"], "서울");
  std::string etag = detail["emails"][0]["etag"];
  EXPECT_EQ(etag, second.header("etag"));

  json change = detail["emails"][0];
  change["email"] = "work2@example.org";
  HttpReply replaced = admin().put(second_url, change.dump(), etag);
  ASSERT_EQ(replaced.status, 200) << replaced.body;
  EXPECT_EQ(replaced.json()["email"], "work2@example.org");
  EXPECT_EQ(admin().put(second_url, change.dump(), etag).status, 412);
  EXPECT_EQ(admin().request("PUT", second_url, change.dump()).status, 428);

  // Another constituent's email through this constituent's path is not found.
  std::string email_id = std::to_string(second.json()["id"].get<long long>());
  EXPECT_EQ(admin().del(path(lee) + "/emails/" + email_id).status, 404);
  EXPECT_EQ(admin().put(path(lee) + "/emails/" + email_id, change.dump(), etag).status, 404);

  long long emails = count("emails");
  for (const char* body : {R"({"email":"not-an-email"})", R"({"kind":"home"})",
                           R"({"email":"a@example.org","colour":"red"})"}) {
    HttpReply r = admin().post(path(kim) + "/emails", body);
    EXPECT_EQ(r.status, 422) << body << " " << r.body;
  }
  HttpReply bad_country = admin().post(path(kim) + "/addresses", R"({"line1":"x","country":"ZZ"})");
  EXPECT_EQ(bad_country.status, 422);
  EXPECT_NE(bad_country.body.find("country"), std::string::npos) << bad_country.body;
  EXPECT_EQ(count("emails"), emails);

  EXPECT_EQ(admin().del(second_url).status, 204);
  json after = admin().get(path(kim)).json();
  ASSERT_EQ(after["emails"].size(), 1u);
  EXPECT_TRUE(after["emails"][0]["is_primary"].get<bool>());  // the other one was promoted
  EXPECT_EQ(admin().del(second_url).status, 404);
}

TEST_P(ApiConstituentPartsTest, HouseholdsCreateAddAndRemoveMembers) {
  long long husband = create(R"({"first_name":"철수","last_name":"김"})");
  long long wife = create(R"({"first_name":"영희","last_name":"김"})");
  long long child = create(R"({"first_name":"민수","last_name":"김"})");
  long long guest = create(R"({"first_name":"Guest","last_name":"Choi"})");
  HttpReply created =
      admin().post("/api/v1/households", json{{"member_ids", {husband, wife}}}.dump());
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(created.json()["kind"], "household");
  EXPECT_EQ(created.json()["members"].size(), 2u);
  long long household = created.json()["id"];
  HttpReply added = admin().post("/api/v1/households/" + std::to_string(household) + "/members",
                                 json{{"member_id", child}, {"role", "child"}}.dump());
  ASSERT_EQ(added.status, 201) << added.body;
  json view = admin().get(path(household)).json();
  EXPECT_EQ(view["members"].size(), 3u);
  EXPECT_EQ(admin().get(path(child)).json()["household"]["household_id"], household);

  // A person with a current household cannot start another; bad input names the field.
  long long memberships = count("household_members");
  EXPECT_EQ(admin().post("/api/v1/households", json{{"member_ids", {child}}}.dump()).status, 409);
  HttpReply bad = admin().post("/api/v1/households", R"({"member_ids":["one"]})");
  EXPECT_EQ(bad.status, 422);
  EXPECT_NE(bad.body.find("member_ids"), std::string::npos);
  EXPECT_EQ(admin()
                .post("/api/v1/households/" + std::to_string(household) + "/members",
                      json{{"member_id", guest}, {"role", "boss"}}.dump())
                .status,
            422);
  EXPECT_EQ(admin()
                .post("/api/v1/households/" + std::to_string(husband) + "/members",
                      json{{"member_id", child}}.dump())
                .status,
            404);  // not a household
  EXPECT_EQ(count("household_members"), memberships);

  std::string leave =
      "/api/v1/households/" + std::to_string(household) + "/members/" + std::to_string(child);
  EXPECT_EQ(admin().del(leave).status, 204);
  EXPECT_EQ(admin().del(leave).status, 404);
  EXPECT_EQ(admin().get(path(household)).json()["members"].size(), 2u);
  EXPECT_TRUE(admin().get(path(child)).json()["household"].is_null());
}

TEST_P(ApiConstituentPartsTest, RelationshipsReadFromBothSides) {
  long long parent = create(R"({"first_name":"Ann","last_name":"Park"})");
  long long kid = create(R"({"first_name":"박","last_name":"지민"})");
  HttpReply created = admin().post(path(parent) + "/relationships",
                                   json{{"related_id", kid}, {"type", "parent_of"}}.dump());
  ASSERT_EQ(created.status, 201) << created.body;
  json from_kid = admin().get(path(kid) + "/relationships").json()["items"];
  ASSERT_EQ(from_kid.size(), 1u);
  EXPECT_EQ(from_kid[0]["type"], "child_of");
  EXPECT_EQ(from_kid[0]["related_id"], parent);
  long long rows = count("relationships");
  EXPECT_EQ(admin()
                .post(path(kid) + "/relationships",
                      json{{"related_id", parent}, {"type", "child_of"}}.dump())
                .status,
            409);
  HttpReply bad = admin().post(path(kid) + "/relationships",
                               json{{"related_id", parent}, {"type", "rival"}}.dump());
  EXPECT_EQ(bad.status, 422);
  EXPECT_NE(bad.body.find("type"), std::string::npos);
  EXPECT_EQ(
      admin()
          .post(path(kid) + "/relationships", json{{"related_id", kid}, {"type", "sibling"}}.dump())
          .status,
      422);
  EXPECT_EQ(admin()
                .post(path(kid) + "/relationships",
                      json{{"related_id", 999999}, {"type", "sibling"}}.dump())
                .status,
            404);
  EXPECT_EQ(count("relationships"), rows);
  std::string one = "/api/v1/relationships/" + created.json()["id"].dump();
  EXPECT_EQ(admin().del(one).status, 204);
  EXPECT_EQ(admin().del(one).status, 404);
  EXPECT_TRUE(admin().get(path(parent) + "/relationships").json()["items"].empty());
}

TEST_P(ApiConstituentPartsTest, TagsAreIdempotentAndListed) {
  long long kim = create(R"({"first_name":"영희","last_name":"김"})");
  HttpReply tagged = admin().post(path(kim) + "/tags", R"({"name":"교회 리더"})");
  ASSERT_EQ(tagged.status, 201) << tagged.body;
  EXPECT_EQ(admin().post(path(kim) + "/tags", R"({"name":"교회 리더"})").status, 201);
  json tags = admin().get("/api/v1/tags").json()["items"];
  ASSERT_EQ(tags.size(), 1u);
  EXPECT_EQ(tags[0]["name"], "교회 리더");
  EXPECT_EQ(admin().get(path(kim)).json()["tags"].size(), 1u);
  EXPECT_EQ(admin().post(path(kim) + "/tags", R"({"name":""})").status, 422);
  EXPECT_EQ(admin().post(path(kim) + "/tags", R"({})").status, 422);
  EXPECT_EQ(count("tags"), 1);
  std::string untag = path(kim) + "/tags/" + tagged.json()["id"].dump();
  EXPECT_EQ(admin().del(untag).status, 204);
  EXPECT_EQ(admin().del(untag).status, 204);
  EXPECT_TRUE(admin().get(path(kim)).json()["tags"].empty());
}

TEST_P(ApiConstituentPartsTest, CsvExportHasBomHangulNeutralisedFormulasAndHidesRestricted) {
  long long kim = create(R"({"first_name":"영희","last_name":"김","notes":"x"})");
  create(
      json{{"kind", "organization"}, {"organization_name", "=HYPERLINK(\"http://evil\")"}}.dump());
  create(json{{"kind", "organization"}, {"organization_name", "@SUM(A1), \"quoted\""}}.dump());
  create(R"({"first_name":"Secret","last_name":"Donor","restricted":true})");
  ASSERT_EQ(admin().post(path(kim) + "/emails", R"({"email":"kim@example.org"})").status, 201);

  HttpReply csv = admin().get("/api/v1/constituents.csv");
  ASSERT_EQ(csv.status, 200) << csv.body;
  EXPECT_EQ(csv.header("content-type"), "text/csv; charset=utf-8");
  EXPECT_NE(csv.header("content-disposition").find("constituents.csv"), std::string::npos);
  ASSERT_EQ(csv.body.rfind("\xEF\xBB\xBF"
                           "id,kind,display_name",
                           0),
            0u)
      << csv.body;
  EXPECT_NE(csv.body.find("김영희"), std::string::npos);
  EXPECT_NE(csv.body.find("kim@example.org"), std::string::npos);
  EXPECT_NE(csv.body.find("\"'=HYPERLINK(\"\"http://evil\"\")\""), std::string::npos) << csv.body;
  EXPECT_EQ(csv.body.find(",=HYPERLINK"), std::string::npos);
  EXPECT_NE(csv.body.find("\"'@SUM(A1), \"\"quoted\"\"\""), std::string::npos) << csv.body;
  EXPECT_NE(csv.body.find("Secret"), std::string::npos);

  HttpClient analyst = sign_in_as("analyst1", auth::Role::kAnalyst, false);
  HttpReply limited = analyst.get("/api/v1/constituents.csv");
  ASSERT_EQ(limited.status, 200);
  EXPECT_EQ(limited.body.find("Secret"), std::string::npos);
  EXPECT_NE(limited.body.find("김영희"), std::string::npos);
  HttpReply filtered = analyst.get("/api/v1/constituents.csv?kind=individual");
  EXPECT_EQ(filtered.body.find("HYPERLINK"), std::string::npos);
  EXPECT_NE(filtered.body.find("김영희"), std::string::npos);
  EXPECT_EQ(analyst.get("/api/v1/constituents.csv?kind=alien").status, 422);
  HttpClient viewer = sign_in_as("viewer1", auth::Role::kViewer, true);
  EXPECT_EQ(viewer.get("/api/v1/constituents.csv").status, 403);
}

STEWARD_INSTANTIATE_DATABASE_TEST(ApiConstituentPartsTest);

}  // namespace
}  // namespace steward::testing
