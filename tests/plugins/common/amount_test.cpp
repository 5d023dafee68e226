#include "steward/plugin_common/amount.hpp"

#include <gtest/gtest.h>

namespace pc = steward::plugin_common;
using pc::DecimalStyle;

namespace {
std::int64_t ok(std::string_view text, int exponent, DecimalStyle style = DecimalStyle::kAuto) {
  auto r = pc::parse_amount(text, exponent, style);
  EXPECT_TRUE(r.is_ok()) << text << ": " << r.status().message();
  return r.is_ok() ? *r : -999999;
}
std::string error(std::string_view text, int exponent, DecimalStyle style = DecimalStyle::kAuto) {
  auto r = pc::parse_amount(text, exponent, style);
  EXPECT_FALSE(r.is_ok()) << text;
  return r.is_ok() ? "" : r.status().message();
}
}  // namespace

TEST(AmountTest, CurrencyExponents) {
  EXPECT_EQ(pc::currency_exponent("USD"), 2);
  EXPECT_EQ(pc::currency_exponent("krw"), 0);
  EXPECT_EQ(pc::currency_exponent("JPY"), 0);
  EXPECT_EQ(pc::currency_exponent("BHD"), 3);
  EXPECT_EQ(pc::normalize_currency(" usd "), "USD");
  EXPECT_EQ(pc::normalize_currency("US"), "");
}

TEST(AmountTest, DotAndCommaStyles) {
  EXPECT_EQ(ok("1,234.56", 2), 123456);
  EXPECT_EQ(ok("1.234,56", 2), 123456);
  EXPECT_EQ(ok("1.234,56", 2, DecimalStyle::kComma), 123456);
  EXPECT_EQ(ok("1,234.56", 2, DecimalStyle::kDot), 123456);
  EXPECT_EQ(ok("49,37", 2), 4937);
  EXPECT_EQ(ok("27600.00", 2), 2760000);
  EXPECT_EQ(ok("20", 2), 2000);
  EXPECT_EQ(ok("0.9", 2), 90);
  EXPECT_EQ(ok("1,000,000", 0), 1000000);
  EXPECT_EQ(ok("1.000.000", 0), 1000000);
  EXPECT_EQ(ok("50,000", 0), 50000);
  EXPECT_EQ(ok("500.00", 0), 500);
  EXPECT_EQ(ok("1.234", 3), 1234);
  EXPECT_EQ(ok("1 234,50", 2, DecimalStyle::kComma), 123450);
  EXPECT_EQ(ok("1'234.50", 2), 123450);
  EXPECT_EQ(ok("1\xC2\xA0"
               "234,50",
               2, DecimalStyle::kComma),
            123450);
}

TEST(AmountTest, NegativeFormsAndSymbols) {
  EXPECT_EQ(ok("-12.00", 2), -1200);
  EXPECT_EQ(ok("12.00-", 2), -1200);
  EXPECT_EQ(ok("(12.00)", 2), -1200);
  EXPECT_EQ(ok("\xE2\x88\x92"
               "12.00",
               2),
            -1200);
  EXPECT_EQ(ok("-$12.50", 2), -1250);
  EXPECT_EQ(ok("$-12.50", 2), -1250);
  EXPECT_EQ(ok("\xE2\x82\xA9"
               "50,000",
               0),
            50000);
  EXPECT_EQ(ok("50,000\xEC\x9B\x90", 0), 50000);
  EXPECT_EQ(ok("12,00 \xE2\x82\xAC", 2), 1200);
  EXPECT_EQ(ok("USD 5", 2), 500);
  EXPECT_EQ(ok("+5", 2), 500);
}

TEST(AmountTest, ErrorsSayWhatIsWrong) {
  EXPECT_NE(error("", 2).find("empty"), std::string::npos);
  EXPECT_NE(error("1.005", 2).find("more decimals"), std::string::npos);
  EXPECT_NE(error("12.5", 0).find("more decimals"), std::string::npos);
  EXPECT_NE(error("abc", 2).find("no digits"), std::string::npos);
  EXPECT_NE(error("1.2.3,4", 2, DecimalStyle::kDot).find("more than one decimal"),
            std::string::npos);
  EXPECT_NE(error("12#4", 2).find("not a number"), std::string::npos);
  EXPECT_NE(error("99999999999999999999", 2).find("too large"), std::string::npos);
  EXPECT_NE(error(",5,", 2, DecimalStyle::kDot).find("misplaced"), std::string::npos);
  EXPECT_NE(error("12,34,5", 2, DecimalStyle::kDot).find("misplaced"), std::string::npos);
  EXPECT_NE(error("1,2345.00", 2).find("misplaced"), std::string::npos);
  EXPECT_EQ(ok("12,34,567.00", 2), 1234567 * 100);
}
