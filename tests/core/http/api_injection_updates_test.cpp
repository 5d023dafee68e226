// Hostile text through every PUT route with text fields (the POSTs are in
// api_injection_test.cpp): constituents, contact points, funds, campaigns, appeals, gifts,
// tasks, interactions, stages, segments and settings. Each record is made valid first, then
// replaced with SQL-injection and script strings and Hangul in one field at a time (If-Match
// with its current ETag): the text is stored and returned verbatim, or for fields with a format
// refused with a 422 naming the field; control characters are always a 422. Nothing answers
// 500, and every table is still there afterwards.
#include <gtest/gtest.h>

#include "support/api_server.hpp"
#include "support/gift_fixtures.hpp"
#include "support/injection_strings.hpp"
#include "support/test_database.hpp"

namespace steward::testing {
namespace {

using nlohmann::json;

using injection::kControl;
using injection::kHostile;
using injection::Kind;

// The stage's note comes back as the newest entry of its history.
const char* const kLastHistoryNote = "(last history note)";

json returned_value(const json& answer, const std::string& pointer) {
  if (pointer == kLastHistoryNote) {
    const json& history = answer.value("history", json::array());
    return history.empty() ? json() : history.back().value("note", json());
  }
  return answer.value(json::json_pointer(pointer), json());
}

struct UpdateCase {
  std::string route;  // a label: "constituents", "tasks", ...
  std::string field;  // JSON pointer into the body
  std::string error;  // the field a 422 names
  Kind kind = Kind::kFreeText;
  std::string returned;  // JSON pointer into the answer when it differs from `field`
  UpdateCase(std::string r, std::string f, std::string e, Kind k = Kind::kFreeText,
             std::string back = "")
      : route(std::move(r)),
        field(std::move(f)),
        error(std::move(e)),
        kind(k),
        returned(std::move(back)) {}
};

// A record to replace: where to PUT, a valid full body, and where to read it back (GET).
struct Record {
  std::string path;
  json body;
  std::string read_path;
  std::string etag;
};

class ApiInjectionUpdatesTest : public ApiTest {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    admin_ = std::make_unique<HttpClient>(sign_in_as("admin1", auth::Role::kAdmin, true));
    person_ = make_person(db(), "김민준");
    fund_ = make_fund(db(), "MED");
  }

  std::string made_path(const std::string& collection, const json& body) {
    HttpReply r = admin_->post(collection, body.dump());
    EXPECT_EQ(r.status, 201) << collection << " " << r.body;
    std::string location = r.header("location");
    if (location.empty()) location = collection + "/" + std::to_string(r.json().value("id", 0LL));
    return location;
  }

  // A fresh valid record for the route (one per case, so cases do not interfere).
  Record make(const std::string& route) {
    const std::string c = "/api/v1/constituents/" + std::to_string(person_);
    ++serial_;
    const std::string n = std::to_string(serial_);
    json money = {{"amount", "10.00"}, {"currency", "USD"}};
    if (route == "constituents") {
      json body = {{"kind", "individual"}, {"first_name", "영희"}, {"last_name", "김"}};
      std::string at = made_path("/api/v1/constituents", body);
      return {at, body, at, ""};
    }
    if (route == "emails" || route == "phones" || route == "addresses") {
      json body = route == "emails"   ? json{{"email", "a" + n + "@b.org"}}
                  : route == "phones" ? json{{"phone", "+1 555 01" + n}}
                                      : json{{"line1", "1 Main St"}};
      HttpReply r = admin_->post(c + "/" + route, body.dump());
      EXPECT_EQ(r.status, 201) << r.body;
      return {r.header("location"), body, "", r.header("etag")};
    }
    if (route == "funds") {
      json body = {{"code", "F" + n}, {"name", "Fund"}};
      std::string at = made_path("/api/v1/funds", body);
      return {at, body, at, ""};
    }
    if (route == "campaigns") {
      json body = {{"code", "C" + n}, {"name", "겨울"}};
      std::string at = made_path("/api/v1/campaigns", body);
      return {at, body, at, ""};
    }
    if (route == "appeals") {
      std::string campaign = made_path("/api/v1/campaigns", {{"code", "AC" + n}, {"name", "봄"}});
      json body = {{"code", "A" + n}, {"name", "편지"}, {"channel", "mail"}};
      std::string at = made_path(campaign + "/appeals", body);
      return {at, body, at, ""};
    }
    if (route == "gifts") {
      json body = {{"constituent_id", person_},
                   {"received_on", "2025-03-01"},
                   {"amount", money},
                   {"payment_method", "check"},
                   {"tribute", {{"type", "in_honor"}, {"name", "어머니"}}},
                   {"allocations", json::array({{{"fund_id", fund_}, {"amount", money}}})}};
      std::string at = made_path("/api/v1/gifts", body);
      return {at, body, at, ""};
    }
    if (route == "tasks") {
      json body = {{"assignee", "admin1"}, {"title", "전화"}, {"constituent_id", person_}};
      std::string at = made_path("/api/v1/tasks", body);
      return {at, body, at, ""};
    }
    if (route == "interactions") {
      json body = {{"occurred_at", "2026-03-02"}, {"summary", "감사 전화"}, {"kind", "call"}};
      HttpReply r = admin_->post(c + "/interactions", body.dump());
      EXPECT_EQ(r.status, 201) << r.body;
      std::string at = r.header("location");
      return {at, body, at, ""};
    }
    if (route == "stage") {
      return {c + "/stage", {{"stage", "cultivate"}, {"note", "첫 만남"}}, c + "/stage", ""};
    }
    if (route == "segments") {
      json body = {{"name", "이사회 " + n}, {"filter", {{"tag", "이사회"}}}};
      std::string at = made_path("/api/v1/segments", body);
      return {at, body, at, ""};
    }
    if (route == "settings") {
      return {"/api/v1/settings", {{"organization_name", "Steward"}}, "/api/v1/settings", ""};
    }
    ADD_FAILURE() << "unknown route " << route;
    return {};
  }

  std::string current_etag(Record& rec) {
    if (!rec.read_path.empty()) {
      HttpReply r = admin_->get(rec.read_path);
      if (r.status == 200 && !r.header("etag").empty()) rec.etag = r.header("etag");
    }
    return rec.etag;
  }

  void attempt(const UpdateCase& uc, Record& rec, const std::string& value, bool control) {
    json body = rec.body;
    body[json::json_pointer(uc.field)] = value;
    if (uc.route == "stage" && uc.field == "/note") {
      // A stage history entry (and its note) is written only when the stage changes, so each
      // attempt moves the donor to the other of two stages.
      rec.body["stage"] = rec.body.value("stage", "") == "cultivate" ? "solicit" : "cultivate";
      body["stage"] = rec.body["stage"];
    }
    HttpReply r = admin_->put(rec.path, body.dump(), current_etag(rec));
    std::string trace = "PUT " + uc.route + uc.field + " = " + json(value).dump() + " -> " +
                        std::to_string(r.status) + " " + r.body;
    EXPECT_LT(r.status, 500) << trace;
    EXPECT_EQ(r.header("x-content-type-options"), "nosniff") << trace;
    EXPECT_NE(r.header("content-type").find("json"), std::string::npos) << trace;
    const json answer = r.json();
    EXPECT_FALSE(answer.is_discarded()) << trace;
    if (control || r.status == 422) {
      EXPECT_EQ(r.status, 422) << trace;
      bool named = false;
      if (answer.contains("errors")) {
        for (const auto& e : answer["errors"]) named = named || e.value("field", "") == uc.error;
      }
      EXPECT_TRUE(named) << "the 422 names " << uc.error << ": " << trace;
      if (!control) {
        EXPECT_EQ(uc.kind, Kind::kFormat) << "free text refused: " << trace;
      }
      return;
    }
    ASSERT_EQ(r.status, 200) << trace;
    if (!r.header("etag").empty()) rec.etag = r.header("etag");
    const std::string back = uc.returned.empty() ? uc.field : uc.returned;
    EXPECT_EQ(returned_value(answer, back), json(value)) << trace;
    if (!rec.read_path.empty()) {
      HttpReply again = admin_->get(rec.read_path);
      EXPECT_EQ(again.status, 200) << trace;
      EXPECT_EQ(returned_value(again.json(), back), json(value)) << "read back: " << trace;
    }
  }

  void expect_tables_intact() {
    for (const char* table :
         {"constituents", "gifts", "funds", "campaigns", "appeals", "tasks", "interactions",
          "segments", "emails", "phones", "addresses", "users", "audit_events"}) {
      auto n = db().read([&](store::Unit& u) -> Result<long long> {
        long long count = 0;
        u.sql() << "SELECT COUNT(*) FROM " + std::string(table), soci::into(count);
        return count;
      });
      EXPECT_TRUE(n) << table << ": " << n.status().to_string();
    }
  }

  std::unique_ptr<HttpClient> admin_;
  long long person_ = 0;
  long long fund_ = 0;
  int serial_ = 0;
};

const std::vector<UpdateCase> kUpdateCases = {
    {"constituents", "/first_name", "first_name"},
    {"constituents", "/middle_name", "middle_name"},
    {"constituents", "/last_name", "last_name"},
    {"constituents", "/preferred_name", "preferred_name"},
    {"constituents", "/salutation", "salutation"},
    {"constituents", "/addressee", "addressee"},
    {"constituents", "/source", "source"},
    {"constituents", "/notes", "notes"},
    {"emails", "/email", "email", Kind::kFormat},
    {"phones", "/phone", "phone", Kind::kFormat},
    {"addresses", "/line1", "line1"},
    {"addresses", "/line2", "line2"},
    {"addresses", "/city", "city"},
    {"addresses", "/region", "region"},
    {"addresses", "/postal_code", "postal_code", Kind::kFormat},
    {"funds", "/code", "code", Kind::kFormat},
    {"funds", "/name", "name"},
    {"funds", "/program", "program"},
    {"funds", "/description", "description"},
    {"campaigns", "/code", "code", Kind::kFormat},
    {"campaigns", "/name", "name"},
    {"campaigns", "/description", "description"},
    {"appeals", "/code", "code", Kind::kFormat},
    {"appeals", "/name", "name"},
    {"appeals", "/channel", "channel", Kind::kFormat},
    {"gifts", "/notes", "notes"},
    {"gifts", "/check_number", "check_number", Kind::kFormat},
    {"gifts", "/tribute/name", "tribute.name"},
    {"gifts", "/source", "source"},
    {"tasks", "/title", "title"},
    {"tasks", "/details", "details"},
    {"tasks", "/assignee", "assignee", Kind::kFormat},
    {"interactions", "/summary", "summary"},
    {"interactions", "/details", "details"},
    {"interactions", "/staff", "staff"},
    {"interactions", "/kind", "kind", Kind::kFormat},
    {"stage", "/note", "note", Kind::kFreeText, kLastHistoryNote},
    {"stage", "/stage", "stage", Kind::kFormat},
    {"segments", "/name", "name"},
    {"segments", "/description", "description"},
    {"segments", "/filter/tag", "filter.tag", Kind::kFormat},
    {"settings", "/organization_name", "organization_name"},
    {"settings", "/base_currency", "base_currency", Kind::kFormat},
};

TEST_P(ApiInjectionUpdatesTest, HostileTextInUpdatesIsStoredVerbatimOrRefusedNamingTheField) {
  for (const UpdateCase& uc : kUpdateCases) {
    SCOPED_TRACE(uc.route + uc.field);
    Record rec = make(uc.route);
    ASSERT_FALSE(rec.path.empty()) << uc.route;
    for (const std::string& value : kHostile) attempt(uc, rec, value, false);
  }
  expect_tables_intact();
  EXPECT_GT(query_int(db(), "SELECT COUNT(*) FROM constituents"), 1);
  EXPECT_GT(query_int(db(), "SELECT COUNT(*) FROM gifts"), 0);
}

TEST_P(ApiInjectionUpdatesTest, ControlCharactersInUpdatesAreRefusedNamingTheField) {
  for (const UpdateCase& uc : kUpdateCases) {
    SCOPED_TRACE(uc.route + uc.field);
    Record rec = make(uc.route);
    ASSERT_FALSE(rec.path.empty()) << uc.route;
    const long long writes = query_int(db(), "SELECT COUNT(*) FROM audit_events");
    for (const std::string& value : kControl) attempt(uc, rec, value, true);
    EXPECT_EQ(query_int(db(), "SELECT COUNT(*) FROM audit_events"), writes) << "nothing written";
  }
  expect_tables_intact();
}

STEWARD_INSTANTIATE_DATABASE_TEST(ApiInjectionUpdatesTest);

}  // namespace
}  // namespace steward::testing
