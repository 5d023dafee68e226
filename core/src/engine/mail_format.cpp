#include "engine/mail_format.hpp"

#include <array>

#include "domain/money.hpp"

namespace steward::engine {
namespace {

// "1234567.50" -> "1,234,567.50"; a leading '-' is kept.
std::string group_thousands(const std::string& decimal) {
  std::size_t start = decimal.empty() || decimal[0] != '-' ? 0 : 1;
  std::size_t dot = decimal.find('.');
  std::size_t int_end = dot == std::string::npos ? decimal.size() : dot;
  std::string digits = decimal.substr(start, int_end - start);
  std::string grouped;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) grouped += ',';
    grouped += digits[i];
  }
  return decimal.substr(0, start) + grouped + decimal.substr(int_end);
}

const char* symbol_for(const std::string& currency) {
  if (currency == "USD") return "$";
  if (currency == "KRW") return "₩";
  if (currency == "EUR") return "€";
  if (currency == "GBP") return "£";
  if (currency == "JPY") return "¥";
  if (currency == "CAD") return "CA$";
  if (currency == "AUD") return "A$";
  return nullptr;
}

}  // namespace

std::string format_amount(const sdk::Money& money, const std::string& language) {
  std::string number = group_thousands(domain::format_decimal(money));
  if (money.currency == "KRW" && language.rfind("ko", 0) == 0) return number + "원";
  if (const char* symbol = symbol_for(money.currency)) {
    if (!number.empty() && number[0] == '-') return "-" + std::string(symbol) + number.substr(1);
    return symbol + number;
  }
  return number + " " + money.currency;
}

std::string format_date(const std::string& iso_date, const std::string& language) {
  static constexpr std::array<const char*, 12> kMonths = {
      "January", "February", "March",     "April",   "May",      "June",
      "July",    "August",   "September", "October", "November", "December"};
  if (iso_date.size() < 10) return iso_date;
  int year = std::stoi(iso_date.substr(0, 4));
  int month = std::stoi(iso_date.substr(5, 2));
  int day = std::stoi(iso_date.substr(8, 2));
  if (month < 1 || month > 12) return iso_date;
  if (language.rfind("ko", 0) == 0) {
    return std::to_string(year) + "년 " + std::to_string(month) + "월 " + std::to_string(day) +
           "일";
  }
  return std::string(kMonths.at(static_cast<std::size_t>(month - 1))) + " " + std::to_string(day) +
         ", " + std::to_string(year);
}

}  // namespace steward::engine
