#include "ofx_values.hpp"

#include <gtest/gtest.h>

namespace {
using steward::plugins::ofx::parse_ofx_amount;
using steward::plugins::ofx::parse_ofx_date;

TEST(OfxValues, AmountsInTheFormsBanksWrite) {
  EXPECT_EQ(parse_ofx_amount("-6.60", "USD"), -660);
  EXPECT_EQ(parse_ofx_amount("+25", "USD"), 2500);
  EXPECT_EQ(parse_ofx_amount("-80", "USD"), -8000);
  EXPECT_EQ(parse_ofx_amount("10000,50", "EUR"), 1000050);
  EXPECT_EQ(parse_ofx_amount("10.000,50", "EUR"), 1000050);
  EXPECT_EQ(parse_ofx_amount("1 025,53", "EUR"), 102553);
  EXPECT_EQ(parse_ofx_amount("1,000,000.00", "USD"), 100000000);
  EXPECT_EQ(parse_ofx_amount("50000", "KRW"), 50000);
  EXPECT_EQ(parse_ofx_amount("50000.00", "KRW"), 50000);
  for (const char* bad : {"", "-", "abc", "12.3.4x", "1e5", "12.345"}) {
    EXPECT_FALSE(parse_ofx_amount(bad, "USD").has_value()) << bad;
  }
}

TEST(OfxValues, DatesKeepTheBanksCivilDate) {
  EXPECT_EQ(parse_ofx_date("20131215")->iso(), "2013-12-15");
  EXPECT_EQ(parse_ofx_date("20090401122017.000[-5:EST]")->iso(), "2009-04-01");
  EXPECT_EQ(parse_ofx_date("20260303235959[+9:KST]")->iso(), "2026-03-03");
  for (const char* bad : {"", "2026", "20261345", "2026-01-01", "20260230"}) {
    EXPECT_FALSE(parse_ofx_date(bad).has_value()) << bad;
  }
}
}  // namespace
