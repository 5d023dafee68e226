#include "decimal_amount.hpp"

#include <gtest/gtest.h>

namespace {
using steward::plugins::camt053::parse_decimal_minor;

TEST(DecimalAmount, ParsesExactMinorUnits) {
  EXPECT_EQ(parse_decimal_minor("12.34", "EUR"), 1234);
  EXPECT_EQ(parse_decimal_minor("12.3", "EUR"), 1230);
  EXPECT_EQ(parse_decimal_minor("12", "EUR"), 1200);
  EXPECT_EQ(parse_decimal_minor("+0.01", "USD"), 1);
  EXPECT_EQ(parse_decimal_minor("12.500", "EUR"), 1250);
  EXPECT_EQ(parse_decimal_minor("150000", "KRW"), 150000);
  EXPECT_EQ(parse_decimal_minor("1.234", "KWD"), 1234);
  EXPECT_EQ(parse_decimal_minor("92233720368547758.07", "USD"), 9223372036854775807);
}

TEST(DecimalAmount, RejectsWhatIsNotAPlainAmount) {
  for (const char* bad :
       {"", ".", "12,50", "-5.00", "1e3", "12.345", "1 000", "1.2.3", "92233720368547758.08"}) {
    EXPECT_FALSE(parse_decimal_minor(bad, "EUR").has_value()) << bad;
  }
  EXPECT_FALSE(parse_decimal_minor("5.5", "JPY").has_value());
}
}  // namespace
