#include "domain/segment_filter.hpp"

#include <gtest/gtest.h>

namespace steward::domain::segment {
namespace {

Result<Filter> parse_usd(const std::string& text) { return parse(text, ParseOptions{}); }

// The field named by a failed parse ("" when it succeeded).
std::string bad_part(const std::string& text) {
  auto r = parse_usd(text);
  if (r.is_ok()) return "";
  EXPECT_EQ(r.status().code(), StatusCode::kInvalid);
  return r.status().fields().empty() ? "?" : r.status().fields().at(0).field;
}

TEST(SegmentFilterParse, ReadsEveryConditionIntoTheTree) {
  auto r = parse_usd(R"({"and":[
      {"gave":{"from":"2025-01-01","to":"2025-12-31","min":"100.00","max":500,"fund":"MEDICAL",
               "campaign":3,"appeal":"SPRING","total_min":"250"}},
      {"last_gift":{"after":"2024-01-01"}}, {"first_gift":{"from":"2020-01-01"}},
      {"lifetime":{"min":"1000"}}, {"recurring":{"status":["active","failing"]}},
      {"lybunt":{"year":2026}}, {"sybunt":{}}, {"tag":"이사회"}, {"tag":7},
      {"kind":"organization"}, {"organization_type":"church"}, {"region":"Seoul"},
      {"country":"kr"}, {"can_be_emailed":true}, {"can_be_mailed":false},
      {"not":{"or":[{"restricted":true}]}}]})");
  ASSERT_TRUE(r.is_ok()) << r.status().to_string();
  const auto& all = std::get<AllOf>(r->node).items;
  ASSERT_EQ(all.size(), 16u);
  const auto& gave = std::get<Gave>(all[0].node);
  EXPECT_EQ(gave.min.value_or(-1), 10000);
  EXPECT_EQ(gave.max.value_or(-1), 50000);
  EXPECT_EQ(gave.total_min.value_or(-1), 25000);
  EXPECT_EQ(gave.fund->code.value_or(""), "MEDICAL");
  EXPECT_EQ(gave.campaign->id.value_or(0), 3);
  EXPECT_EQ(gave.from.value_or(""), "2025-01-01");
  EXPECT_EQ(std::get<Recurring>(all[4].node).statuses.size(), 2u);
  EXPECT_EQ(std::get<Lybunt>(all[5].node).year.value_or(0), 2026);
  EXPECT_FALSE(std::get<Sybunt>(all[6].node).year.has_value());
  EXPECT_EQ(std::get<Tag>(all[7].node).ref.code.value_or(""), "이사회");
  EXPECT_EQ(std::get<Tag>(all[8].node).ref.id.value_or(0), 7);
  EXPECT_EQ(std::get<Country>(all[12].node).value, "KR");
  EXPECT_FALSE(std::get<CanBeMailed>(all[14].node).value);
  EXPECT_TRUE(mentions_restricted(*r));
  EXPECT_FALSE(mentions_restricted(*parse_usd(R"({"tag":"Board"})")));
}

TEST(SegmentFilterParse, AmountsFollowTheBaseCurrency) {
  ParseOptions krw;
  krw.base_currency = "KRW";
  auto won = parse(R"({"lifetime":{"min":"50000"}})", krw);
  ASSERT_TRUE(won.is_ok());
  EXPECT_EQ(std::get<Lifetime>(won->node).min.value_or(0), 50000);
  auto cents = parse(R"({"lifetime":{"min":"10.50"}})", krw);
  ASSERT_FALSE(cents.is_ok());
  EXPECT_EQ(cents.status().fields().at(0).field, "lifetime.min");
}

TEST(SegmentFilterParse, ErrorsNameThePathOfTheBadPart) {
  EXPECT_EQ(bad_part(R"({"and":[{"tag":"Board"},{"gave":{"min":"lots"}}]})"), "and[1].gave.min");
  auto r = parse_usd(R"({"and":[{"tag":"Board"},{"gave":{"min":"lots"}}]})");
  EXPECT_NE(r.status().message().find("and[1].gave.min: not a decimal amount"), std::string::npos)
      << r.status().message();
  EXPECT_EQ(bad_part(R"({"gave":{"min":12.5}})"), "gave.min");
  EXPECT_EQ(bad_part(R"({"gave":{"min":"-5"}})"), "gave.min");
  EXPECT_EQ(bad_part(R"({"gave":{"min":"10","max":"5"}})"), "gave.max");
  EXPECT_EQ(bad_part(R"({"gave":{"from":"2025-02-30"}})"), "gave.from");
  EXPECT_EQ(bad_part(R"({"gave":{"from":"2025-05-01","to":"2025-01-01"}})"), "gave.to");
  EXPECT_EQ(bad_part(R"({"gave":{"frm":"2025-01-01"}})"), "gave.frm");
  EXPECT_EQ(bad_part(R"({"gave":{"fund":-3}})"), "gave.fund");
  EXPECT_EQ(bad_part(R"({"not":{"or":[{"kind":"alien"}]}})"), "not.or[0].kind");
  EXPECT_EQ(bad_part(R"({"or":[]})"), "or");
  EXPECT_EQ(bad_part(R"({"or":{"tag":"x"}})"), "or");
  EXPECT_EQ(bad_part(R"({"tag":"Board","kind":"individual"})"), "filter");
  EXPECT_EQ(bad_part(R"({"favourite_colour":"blue"})"), "favourite_colour");
  EXPECT_EQ(bad_part(R"({"recurring":{"status":["active","zombie"]}})"), "recurring.status[1]");
  EXPECT_EQ(bad_part(R"({"lybunt":{"year":"last"}})"), "lybunt.year");
  EXPECT_EQ(bad_part(R"({"country":"Korea"})"), "country");
  EXPECT_EQ(bad_part(R"({"can_be_emailed":"yes"})"), "can_be_emailed");
  EXPECT_EQ(bad_part(R"({"last_gift":{}})"), "last_gift");
  EXPECT_EQ(bad_part(R"({"lifetime":{}})"), "lifetime");
  EXPECT_EQ(bad_part(R"({"and":[{}]})"), "and[0]");
  EXPECT_EQ(bad_part(R"({"tag":""})"), "tag");
  EXPECT_EQ(bad_part(R"({"tag":"a\u0001"})"), "tag");
  EXPECT_EQ(bad_part("[1,2]"), "filter");
  EXPECT_EQ(bad_part("{\"tag\": "), "filter");
  EXPECT_EQ(bad_part(""), "filter");
}

TEST(SegmentFilterParse, EmptyObjectMeansEveryone) {
  auto r = parse_usd("{}");
  ASSERT_TRUE(r.is_ok());
  EXPECT_TRUE(std::holds_alternative<Everyone>(r->node));
}

TEST(SegmentFilterParse, LimitsDepthSizeAndCount) {
  std::string deep;
  for (int i = 0; i < 40; ++i) deep += "{\"not\":";
  deep += "{\"tag\":\"x\"}";
  for (int i = 0; i < 40; ++i) deep += "}";
  auto r = parse_usd(deep);
  ASSERT_FALSE(r.is_ok());
  EXPECT_NE(r.status().message().find("levels deep"), std::string::npos);

  std::string many = "{\"or\":[";
  for (int i = 0; i < kMaxNodes + 5; ++i) many += std::string(i ? "," : "") + "{\"tag\":1}";
  many += "]}";
  r = parse_usd(many);
  ASSERT_FALSE(r.is_ok());
  EXPECT_NE(r.status().message().find("conditions"), std::string::npos);

  std::string huge = "{\"tag\":\"" + std::string(kMaxFilterBytes, 'x') + "\"}";
  r = parse_usd(huge);
  ASSERT_FALSE(r.is_ok());
  EXPECT_EQ(r.status().fields().at(0).field, "filter");
  EXPECT_NE(r.status().message().find("bytes"), std::string::npos);
}

}  // namespace
}  // namespace steward::domain::segment
