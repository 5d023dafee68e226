// errors[].code in problem+json (decision 0203): the validators' messages map to the codes a
// client translates; a message no rule knows is "invalid" (the client then shows the English).
#include "http/field_error_code.hpp"

#include <gtest/gtest.h>

#include "domain/date.hpp"
#include "domain/money.hpp"
#include "domain/validation.hpp"
#include "http/message.hpp"

namespace steward::http {
namespace {

std::string fec_first_message(const Status& s) {
  return s.fields().empty() ? s.message() : s.fields().front().message;
}

TEST(FieldErrorCode, TheValidatorsMessagesHaveTheirCodes) {
  EXPECT_EQ(field_error_code(fec_first_message(domain::require_text("name", "  "))), "required");
  EXPECT_EQ(
      field_error_code(fec_first_message(domain::require_text("name", std::string(201, 'a')))),
      "too-long");
  EXPECT_EQ(field_error_code(
                fec_first_message(domain::check_text("notes", std::string("a\x01z"), 100, false))),
            "invalid-text");
  for (const char* day : {"2026-13-01", "2026/01/01", "1800-01-01", "어제"}) {
    EXPECT_EQ(field_error_code(fec_first_message(domain::Date::parse(day, "received_on").status())),
              "invalid-date")
        << day;
  }
  for (const char* amount : {"abc", "1.234", "5만"}) {
    EXPECT_EQ(field_error_code(fec_first_message(domain::parse_money(amount, "USD").status())),
              "invalid-amount")
        << amount;
  }
  EXPECT_EQ(field_error_code(fec_first_message(domain::parse_money("1", "XYZ").status())),
            "invalid-currency");
}

TEST(FieldErrorCode, JsonReaderAndHandlerMessages) {
  EXPECT_EQ(field_error_code("is required"), "required");
  EXPECT_EQ(field_error_code("required: the segment's id (?segment_id=N)"), "required");
  EXPECT_EQ(field_error_code("is not a known field"), "unknown-field");
  EXPECT_EQ(field_error_code("must be a string"), "wrong-type");
  EXPECT_EQ(field_error_code("must be a whole number"), "wrong-type");
  EXPECT_EQ(field_error_code("must be true or false"), "wrong-type");
  EXPECT_EQ(field_error_code("must be an object like {\"amount\": \"50.00\"}"), "wrong-type");
  EXPECT_EQ(field_error_code("is not an amount in USD (write it like \"50.00\")"),
            "invalid-amount");
  EXPECT_EQ(field_error_code("must be at most 200 characters"), "too-long");
  EXPECT_EQ(field_error_code("must be at least 12 characters"), "too-short");
  EXPECT_EQ(field_error_code("must be a date YYYY-MM-DD"), "invalid-date");
  EXPECT_EQ(field_error_code("fund 7 does not exist"), "not-found");
  EXPECT_EQ(field_error_code("cannot be negative"), "negative");
  EXPECT_EQ(field_error_code("must be between 1 and 6000 messages a minute"), "out-of-range");
  EXPECT_EQ(field_error_code("must be a number from 1 to 500"), "out-of-range");
  EXPECT_EQ(field_error_code("must be 1..500"), "out-of-range");
  EXPECT_EQ(field_error_code("must be at least 1"), "out-of-range");
  EXPECT_EQ(field_error_code("must be positive"), "out-of-range");
  EXPECT_EQ(field_error_code("must be json, csv or xlsx"), "one-of");
  EXPECT_EQ(field_error_code("must be finished or cancelled"), "one-of");
  EXPECT_EQ(field_error_code("must be one of queued, sending, sent, rejected, deferred"), "one-of");
  EXPECT_EQ(field_error_code("must be type/subtype, e.g. application/pdf"), "invalid");
  EXPECT_EQ(field_error_code("must be one line"), "invalid");
  EXPECT_EQ(field_error_code(""), "invalid");
}

TEST(FieldErrorCode, ProblemAnswersCarryTheCodeNextToTheMessage) {
  Status s = Status::invalid_field("received_on", "'2026-02-30' is not a day of the calendar");
  Response r = Response::from_status(s);
  EXPECT_EQ(r.status, 422);
  auto body = nlohmann::json::parse(r.body);
  ASSERT_EQ(body["errors"].size(), 1u);
  EXPECT_EQ(body["errors"][0]["field"], "received_on");
  EXPECT_EQ(body["errors"][0]["message"], "'2026-02-30' is not a day of the calendar");
  EXPECT_EQ(body["errors"][0]["code"], "invalid-date");
  // A Hangul value in the message stays intact and still classifies.
  auto ko = nlohmann::json::parse(
      Response::from_status(Status::invalid_field("amount", "'오만' is not a decimal number"))
          .body);
  EXPECT_EQ(ko["errors"][0]["message"], "'오만' is not a decimal number");
  EXPECT_EQ(ko["errors"][0]["code"], "invalid-amount");
}

}  // namespace
}  // namespace steward::http
