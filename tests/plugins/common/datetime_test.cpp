#include "steward/plugin_common/datetime.hpp"

#include <gtest/gtest.h>

namespace pc = steward::plugin_common;
using pc::DateOrder;

namespace {
std::string iso(std::string_view text, DateOrder order = DateOrder::kAuto,
                DateOrder ambiguous = DateOrder::kMdy) {
  auto r = pc::parse_datetime(text, order, ambiguous);
  if (!r) return "error: " + r.status().message();
  return r->date.iso();
}
}  // namespace

TEST(DateTimeTest, FormatsPaymentExportsUse) {
  EXPECT_EQ(iso("2026-01-31"), "2026-01-31");
  EXPECT_EQ(iso("2026-01-31 14:05"), "2026-01-31");
  EXPECT_EQ(iso("2026-01-31T14:05:06Z"), "2026-01-31");
  EXPECT_EQ(iso("2026-01-31 14:05:06.123 +09:00"), "2026-01-31");
  EXPECT_EQ(iso("1/31/2026"), "2026-01-31");
  EXPECT_EQ(iso("31.01.2026"), "2026-01-31");
  EXPECT_EQ(iso("31/01/2026 02:39"), "2026-01-31");
  EXPECT_EQ(iso("2026.01.31"), "2026-01-31");
  EXPECT_EQ(iso("2026.01.31."), "2026-01-31");
  EXPECT_EQ(iso("20260131"), "2026-01-31");
  EXPECT_EQ(iso("2/1/2020", DateOrder::kDmy), "2020-01-02");
  EXPECT_EQ(iso("2/1/2020", DateOrder::kMdy), "2020-02-01");
  EXPECT_EQ(iso("2/1/2020", DateOrder::kAuto, DateOrder::kDmy), "2020-01-02");
  EXPECT_EQ(iso("1/31/26"), "2026-01-31");
}

TEST(DateTimeTest, TimesAndZones) {
  auto r = pc::parse_datetime("2026-01-31 2:05 PM");
  ASSERT_TRUE(r);
  EXPECT_TRUE(r->has_time);
  EXPECT_EQ(r->hour, 14);
  EXPECT_EQ(r->minute, 5);
  r = pc::parse_datetime("2026-01-31T23:59:59+0530");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->utc_offset_minutes, 330);
  r = pc::parse_datetime("2026-01-31 00:00:00 UTC");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->utc_offset_minutes, 0);
}

TEST(DateTimeTest, InferOrder) {
  EXPECT_EQ(pc::infer_order("29/12/2015"), DateOrder::kDmy);
  EXPECT_EQ(pc::infer_order("10/22/2019"), DateOrder::kMdy);
  EXPECT_EQ(pc::infer_order("12/02/2016"), DateOrder::kAuto);
  EXPECT_EQ(pc::infer_order("01.02.2016"), DateOrder::kDmy);
  EXPECT_EQ(pc::infer_order("2016-02-01"), DateOrder::kAuto);
  EXPECT_EQ(pc::date_order_from_name("DD/MM/YYYY"), DateOrder::kDmy);
  EXPECT_FALSE(pc::date_order_from_name("sideways"));
}

TEST(DateTimeTest, Errors) {
  EXPECT_NE(iso("").find("empty"), std::string::npos);
  EXPECT_NE(iso("2026-02-30").find("not a calendar date"), std::string::npos);
  EXPECT_NE(iso("31/31/2026").find("not a calendar date"), std::string::npos);
  EXPECT_NE(iso("yesterday").find("not a date"), std::string::npos);
  EXPECT_NE(iso("2026-01-31 25:00").find("out of range"), std::string::npos);
  EXPECT_NE(iso("2026-01-31 10:00 banana").find("unexpected text"), std::string::npos);
}
