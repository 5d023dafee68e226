#include "engine/import_frequency.hpp"

#include <cctype>

namespace steward::engine::imports {
namespace {

std::string lower_words(const std::string& text) {
  std::string out;
  for (char c : text) {
    unsigned char u = static_cast<unsigned char>(c);
    if (u < 0x80 && !std::isalnum(u)) {
      if (!out.empty() && out.back() != ' ') out += ' ';
      continue;
    }
    out += u < 0x80 ? static_cast<char>(std::tolower(u)) : c;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

bool frequency_has(const std::string& text, const char* word) {
  return text.find(word) != std::string::npos;
}

}  // namespace

ImportFrequency frequency_from_interval(const std::string& interval) {
  using domain::Frequency;
  std::string t = lower_words(interval);
  if (t.empty()) return {};
  // A count of months first: "3 months", "every 12 months", "1 month".
  int count = 0;
  std::size_t i = t.find_first_of("0123456789");
  if (i != std::string::npos) {
    while (i < t.size() && t[i] >= '0' && t[i] <= '9' && count < 1000)
      count = count * 10 + (t[i++] - '0');
  }
  if (frequency_has(t, "month") || t == "m" || t == "mo") {
    if (count == 3) return {Frequency::kQuarterly};
    if (count == 12) return {Frequency::kYearly};
    if (count <= 1) return {Frequency::kMonthly};
    return {Frequency::kMonthly, false};
  }
  if (frequency_has(t, "quarter") || frequency_has(t, "분기")) return {Frequency::kQuarterly};
  if (frequency_has(t, "year") || frequency_has(t, "annual") || t == "y" || t == "yr" ||
      frequency_has(t, "매년") || frequency_has(t, "연간")) {
    return {Frequency::kYearly, count <= 1};
  }
  if (frequency_has(t, "week") || t == "w" || t == "wk" || frequency_has(t, "매주")) {
    return {Frequency::kWeekly, count <= 1};
  }
  if (frequency_has(t, "매월") || frequency_has(t, "월간") || t == "월")
    return {Frequency::kMonthly};
  return {Frequency::kMonthly, false};
}

}  // namespace steward::engine::imports
