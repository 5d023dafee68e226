// Hostile text over real HTTP, data-driven: for every text field of constituents, contact
// points, funds, gifts, households, tags and relationships, SQL-injection and script strings
// and Hangul are stored and returned verbatim (or, for fields with a format such as an email
// address, refused with a 422 naming the field); control characters are refused with a 422
// naming the field. Nothing answers 500, every answer is JSON with nosniff, and the tables are
// all still there afterwards.
#include <functional>

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

struct FieldCase {
  std::string route;  // a label: "constituents", "gifts", ...
  std::string field;  // JSON pointer into the request body: "/tribute/name"
  std::string error;  // the field named in a 422: "tribute.name"
  Kind kind = Kind::kFreeText;
  std::string returned;  // JSON pointer into the answer when it differs from `field`
  FieldCase(std::string r, std::string f, std::string e, Kind k = Kind::kFreeText,
            std::string back = "")
      : route(std::move(r)),
        field(std::move(f)),
        error(std::move(e)),
        kind(k),
        returned(std::move(back)) {}
};

class ApiInjectionTest : public ApiTest {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    admin_ = std::make_unique<HttpClient>(sign_in_as("admin1", auth::Role::kAdmin, true));
    person_ = make_person(db(), "김민준");
    fund_ = make_fund(db(), "MED");
  }

  struct Target {
    std::string path;
    json body;
  };
  // The route's path and a valid body, fresh for each attempt (unique codes, new members).
  Target target(const std::string& route) {
    const std::string c = std::to_string(person_);
    ++serial_;
    if (route == "constituents") {
      return {"/api/v1/constituents",
              {{"kind", "individual"}, {"first_name", "영희"}, {"last_name", "김"}}};
    }
    if (route == "emails") return {"/api/v1/constituents/" + c + "/emails", {{"email", "a@b.org"}}};
    if (route == "phones") return {"/api/v1/constituents/" + c + "/phones", {{"phone", "+1 555"}}};
    if (route == "addresses") {
      return {"/api/v1/constituents/" + c + "/addresses", {{"line1", "1 Main St"}}};
    }
    if (route == "funds") {
      return {"/api/v1/funds", {{"code", "F" + std::to_string(serial_)}, {"name", "Fund"}}};
    }
    if (route == "gifts") {
      json money = {{"amount", "10.00"}, {"currency", "USD"}};
      return {"/api/v1/gifts",
              {{"constituent_id", person_},
               {"received_on", "2025-03-01"},
               {"amount", money},
               {"payment_method", "check"},
               {"tribute", {{"type", "in_honor"}, {"name", "어머니"}}},
               {"allocations", json::array({{{"fund_id", fund_}, {"amount", money}}})}}};
    }
    if (route == "households") {
      long long member = make_person(db(), "가족 " + std::to_string(serial_));
      return {"/api/v1/households", {{"name", "김 가족"}, {"member_ids", json::array({member})}}};
    }
    if (route == "tags") return {"/api/v1/constituents/" + c + "/tags", {{"name", "tag"}}};
    if (route == "relationships") {
      return {"/api/v1/constituents/" + c + "/relationships",
              {{"related_id", make_person(db(), "관계 " + std::to_string(serial_))},
               {"type", "other"}}};
    }
    ADD_FAILURE() << "unknown route " << route;
    return {};
  }

  // Sends `value` in the case's field; checks the answer and returns its status.
  int attempt(const FieldCase& fc, const std::string& value, bool control) {
    Target t = target(fc.route);
    t.body[json::json_pointer(fc.field)] = value;
    HttpReply r = admin_->post(t.path, t.body.dump());
    std::string trace = fc.route + fc.field + " = " + json(value).dump() + " -> " +
                        std::to_string(r.status) + " " + r.body;
    EXPECT_LT(r.status, 500) << trace;
    EXPECT_EQ(r.header("x-content-type-options"), "nosniff") << trace;
    EXPECT_EQ(r.header("content-type").rfind("application/", 0), 0u) << trace;
    EXPECT_NE(r.header("content-type").find("json"), std::string::npos) << trace;
    const json answer = r.json();
    EXPECT_FALSE(answer.is_discarded()) << trace;
    if (control || r.status == 422) {
      EXPECT_EQ(r.status, 422) << trace;
      bool named = false;
      if (answer.contains("errors")) {
        for (const auto& e : answer["errors"]) named = named || e.value("field", "") == fc.error;
      }
      EXPECT_TRUE(named) << "the 422 names " << fc.error << ": " << trace;
      if (!control) {
        EXPECT_EQ(fc.kind, Kind::kFormat) << "free text refused: " << trace;
      }
      return r.status;
    }
    EXPECT_EQ(r.status, 201) << trace;
    if (r.status != 201) return r.status;
    std::string returned_field = fc.returned.empty() ? fc.field : fc.returned;
    EXPECT_EQ(answer.value(json::json_pointer(returned_field), json()), json(value)) << trace;
    // Read back through its own route where it has one.
    std::string location = r.header("location");
    if (!location.empty()) {
      HttpReply again = admin_->get(location);
      if (again.status == 200) {
        EXPECT_EQ(again.json().value(json::json_pointer(returned_field), json()), json(value))
            << "read back: " << trace;
      }
    }
    return r.status;
  }

  void expect_tables_intact() {
    for (const char* table :
         {"constituents", "gifts", "funds", "tags", "relationships", "emails", "phones",
          "addresses", "household_members", "users", "audit_events"}) {
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

const std::vector<FieldCase> kCases = {
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
    {"addresses", "/line3", "line3"},
    {"addresses", "/city", "city"},
    {"addresses", "/region", "region"},
    {"addresses", "/postal_code", "postal_code", Kind::kFormat},
    {"funds", "/code", "code", Kind::kFormat},
    {"funds", "/name", "name"},
    {"funds", "/program", "program"},
    {"funds", "/description", "description"},
    {"gifts", "/notes", "notes"},
    {"gifts", "/check_number", "check_number", Kind::kFormat},
    {"gifts", "/tribute/name", "tribute.name"},
    {"gifts", "/source", "source"},
    {"households", "/name", "name", Kind::kFreeText, "/display_name"},
    {"tags", "/name", "name", Kind::kFormat},
    {"relationships", "/notes", "notes"},
    {"relationships", "/type", "type", Kind::kFormat},
};

TEST_P(ApiInjectionTest, HostileTextIsStoredVerbatimOrRefusedNamingTheField) {
  for (const FieldCase& fc : kCases) {
    SCOPED_TRACE(fc.route + fc.field);
    for (const std::string& value : kHostile) attempt(fc, value, false);
  }
  expect_tables_intact();
  // The first string of all did not drop anything: the records made above are all there.
  EXPECT_GT(query_int(db(), "SELECT COUNT(*) FROM constituents"), 2);
  EXPECT_GT(query_int(db(), "SELECT COUNT(*) FROM gifts"), 0);
}

TEST_P(ApiInjectionTest, ControlCharactersAreRefusedNamingTheField) {
  const long long before = query_int(db(), "SELECT COUNT(*) FROM audit_events");
  for (const FieldCase& fc : kCases) {
    SCOPED_TRACE(fc.route + fc.field);
    for (const std::string& value : kControl) attempt(fc, value, true);
  }
  expect_tables_intact();
  // Households made their member first (in the fixture, not over HTTP); nothing else wrote.
  EXPECT_EQ(query_int(db(), "SELECT COUNT(*) FROM audit_events WHERE actor = 'user:admin1'"),
            query_int(db(),
                      "SELECT COUNT(*) FROM audit_events WHERE actor = 'user:admin1' AND "
                      "action IN ('sign_in')"));
  (void)before;
}

TEST_P(ApiInjectionTest, HostileSearchAndFilterTextFindsNothingAndBreaksNothing) {
  for (const std::string& value : kHostile) {
    std::string encoded;
    for (unsigned char ch : value) {
      char buf[4];
      std::snprintf(buf, sizeof buf, "%%%02X", ch);
      encoded += buf;
    }
    for (const std::string list :
         {"/api/v1/constituents?q=", "/api/v1/constituents?tag=", "/api/v1/gifts?status="}) {
      HttpReply r = admin_->get(list + encoded);
      EXPECT_LT(r.status, 500) << list << value << " -> " << r.body;
      EXPECT_EQ(r.header("x-content-type-options"), "nosniff");
    }
  }
  expect_tables_intact();
}

STEWARD_INSTANTIATE_DATABASE_TEST(ApiInjectionTest);

}  // namespace
}  // namespace steward::testing
