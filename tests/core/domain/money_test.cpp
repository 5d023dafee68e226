#include "domain/money.hpp"

#include <numeric>

#include <gtest/gtest.h>

namespace steward::domain {
namespace {

TEST(Money, ParsesDecimalTextIntoMinorUnitsPerCurrency) {
  EXPECT_EQ(parse_money("50", "USD")->minor, 5000);
  EXPECT_EQ(parse_money("1234.5", "USD")->minor, 123450);
  EXPECT_EQ(parse_money("0.07", "USD")->minor, 7);
  EXPECT_EQ(parse_money("50000", "KRW")->minor, 50000);
  EXPECT_EQ(parse_money("1.234", "KWD")->minor, 1234);
  EXPECT_EQ(parse_money("-3.10", "EUR")->minor, -310);
  EXPECT_EQ(parse_money("10.0", "KRW")->minor, 10);  // trailing zeros beyond precision are fine
}

TEST(Money, RefusesTextThatIsNotAnExactAmount) {
  for (const char* bad : {"", "abc", "1,000.00", "1e3", "1.2.3", ".", "--1", "12 "}) {
    auto r = parse_money(bad, "USD");
    EXPECT_FALSE(r.is_ok()) << bad;
    EXPECT_EQ(r.status().fields().at(0).field, "amount");
  }
  auto too_precise = parse_money("10.005", "USD");
  ASSERT_FALSE(too_precise.is_ok());
  EXPECT_NE(too_precise.status().message().find("2 decimal places"), std::string::npos);
  EXPECT_FALSE(parse_money("10.5", "KRW").is_ok());
  EXPECT_FALSE(parse_money("99999999999999999999", "USD").is_ok());
}

TEST(Money, KnowsIso4217Codes) {
  EXPECT_TRUE(is_valid_currency("USD"));
  EXPECT_TRUE(is_valid_currency("KRW"));
  EXPECT_FALSE(is_valid_currency("usd"));
  EXPECT_FALSE(is_valid_currency("XYZ"));
  EXPECT_FALSE(parse_money("1", "DOLLARS").is_ok());
  EXPECT_EQ(minor_unit_digits("JPY"), 0);
  EXPECT_EQ(minor_unit_digits("USD"), 2);
  EXPECT_EQ(minor_unit_digits("BHD"), 3);
}

TEST(Money, FormatsBackToTheSameText) {
  EXPECT_EQ(format_decimal({123450, "USD"}), "1234.50");
  EXPECT_EQ(format_decimal({7, "USD"}), "0.07");
  EXPECT_EQ(format_decimal({-310, "EUR"}), "-3.10");
  EXPECT_EQ(format_decimal({50000, "KRW"}), "50000");
  EXPECT_EQ(format_decimal({1234, "KWD"}), "1.234");
}

TEST(Money, ArithmeticRefusesMixedCurrenciesAndOverflow) {
  sdk::Money a{100, "USD"};
  EXPECT_EQ((a + sdk::Money{250, "USD"}).minor, 350);
  EXPECT_EQ((a - sdk::Money{250, "USD"}).minor, -150);
  EXPECT_THROW((a + sdk::Money{1, "EUR"}), std::invalid_argument);
  EXPECT_THROW((sdk::Money{INT64_MAX, "USD"} + sdk::Money{1, "USD"}), std::overflow_error);
}

TEST(Money, ConvertsAtARateRoundingHalfAwayFromZero) {
  // EUR 522.39 at 1.1087693103 CHF/EUR = CHF 579.2100... -> 579.21 (the camt.053 sample).
  EXPECT_EQ(convert({52239, "EUR"}, "CHF", "1.1087693103")->minor, 57921);
  EXPECT_EQ(convert({100, "USD"}, "KRW", "1350.5")->minor, 1351);  // 1350.5 won -> 1351
  EXPECT_EQ(convert({1, "USD"}, "USD", "0.5")->minor, 1);          // 0.5 cent -> 1
  EXPECT_EQ(convert({-1, "USD"}, "USD", "0.5")->minor, -1);
  EXPECT_EQ(convert({135000, "KRW"}, "USD", "0.00074")->minor, 9990);
  EXPECT_FALSE(convert({1, "USD"}, "EUR", "0").is_ok());
  EXPECT_FALSE(convert({1, "USD"}, "EUR", "-1").is_ok());
  EXPECT_FALSE(convert({1, "USD"}, "EUR", "x").is_ok());
}

TEST(Money, ProportionalSplitAlwaysSumsToTheTotal) {
  // A $100 gift split 50/30/20 refunded by $33.33.
  auto parts = split_proportionally(3333, {5000, 3000, 2000});
  EXPECT_EQ(parts, (std::vector<std::int64_t>{1666, 1000, 667}));  // .5 .9 .6 remainders
  EXPECT_EQ(std::accumulate(parts.begin(), parts.end(), std::int64_t{0}), 3333);
  // Three equal parts of 100: the earlier parts take the leftover cents.
  EXPECT_EQ(split_proportionally(100, {1, 1, 1}), (std::vector<std::int64_t>{34, 33, 33}));
  EXPECT_EQ(split_proportionally(0, {1, 2}), (std::vector<std::int64_t>{0, 0}));
  EXPECT_EQ(split_proportionally(5, {0, 0}), (std::vector<std::int64_t>{0, 0}));
  for (std::int64_t total : {1, 7, 99, 1000001}) {
    auto p = split_proportionally(total, {3, 3, 3, 1});
    EXPECT_EQ(std::accumulate(p.begin(), p.end(), std::int64_t{0}), total);
  }
}

}  // namespace
}  // namespace steward::domain
