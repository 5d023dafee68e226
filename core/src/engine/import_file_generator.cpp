#include "engine/import_file_generator.hpp"

#include <algorithm>
#include <array>
#include <cstdio>

#include "domain/date.hpp"
#include "engine/demo_names.hpp"
#include "engine/demo_random.hpp"

namespace steward::engine {

const std::vector<GeneratedFund> kGeneratedFunds = {
    {"GEN", "General Fund"}, {"SAFE", "Safe Houses"}, {"MED", "Medical Support"},
    {"EDU", "Education"},    {"RESCUE", "Rescue"},
};

namespace {

namespace names = demo::names;

constexpr const char* kStripeHeader =
    "id,Created date (UTC),Amount,Amount Refunded,Currency,Captured,Converted Amount,"
    "Converted Amount Refunded,Converted Currency,Decline Reason,Description,Fee,"
    "Refunded date (UTC),Statement Descriptor,Status,Seller Message,Taxes On Fee,Card ID,"
    "Customer ID,Customer Description,Customer Email,Invoice ID,Transfer,fund (metadata)\n";

struct Customer {
  std::string id;
  std::string name;
  std::string email;
};

// Digit `place` of `n` in a mixed radix, advancing `n` past it.
std::size_t next_digit(long long& n, std::size_t radix) {
  auto digit = static_cast<std::size_t>(n % static_cast<long long>(radix));
  n /= static_cast<long long>(radix);
  return digit;
}

// Syllables for Hangul given names: none ends a Korean title (사, 로, 생, 님, 씨), which the
// name key would strip (domain/name_normalizer.cpp), and none repeats.
const std::vector<std::string>& given_syllables() {
  static const std::vector<std::string> kSyllables = {
      "민", "지", "서", "현", "수", "영", "은", "하", "윤", "혜", "진", "정",
      "미", "선", "경", "주", "예", "다", "나", "소", "연", "희", "원", "재",
      "성", "우", "준", "도", "아", "린", "유", "승", "세", "채", "가", "보",
      "슬", "빈", "온", "율", "안", "인", "혁", "훈", "석", "규", "동", "찬"};
  return kSyllables;
}

// Middle initials: none, one ("A."), or two in alphabetical order ("A. B."): the name key sorts
// a Latin name's words, so "B. A." would be the same name as "A. B.". 1 + 26 + 325 forms.
std::string middle_initials(std::size_t form) {
  if (form == 0) return "";
  --form;
  if (form < 26) return std::string(1, static_cast<char>('A' + form)) + ". ";
  form -= 26;
  for (int a = 0; a < 26; ++a) {
    auto pairs = static_cast<std::size_t>(25 - a);
    if (form < pairs) {
      return std::string(1, static_cast<char>('A' + a)) + ". " +
             std::string(1, static_cast<char>('A' + a + 1 + static_cast<int>(form))) + ". ";
    }
    form -= pairs;
  }
  return "";
}
constexpr std::size_t kMiddleForms = 1 + 26 + 325;

// Korean-American first names: the Korean-American and the American lists, without repeats.
const std::vector<std::string>& korean_american_firsts() {
  static const std::vector<std::string> kFirsts = [] {
    std::vector<std::string> all;
    for (const auto* list :
         {&names::kKoreanAmericanFemale, &names::kKoreanAmericanMale, &names::kAmericanFemale}) {
      for (const std::string& n : *list) {
        if (std::find(all.begin(), all.end(), n) == all.end()) all.push_back(n);
      }
    }
    return all;
  }();
  return kFirsts;
}

const std::vector<std::string>& american_firsts() {
  static const std::vector<std::string> kFirsts = [] {
    std::vector<std::string> all = names::kAmericanFemale;
    for (const std::string& n : names::kAmericanMale) {
      if (std::find(all.begin(), all.end(), n) == all.end()) all.push_back(n);
    }
    return all;
  }();
  return kFirsts;
}

// A customer's attributes depend only on its index, so a repeat customer needs no memory.
// Different customers have different names (and name keys) up to about 1.4 million customers:
// the matcher sends a payer whose name matches an earlier donor, with no email or postal code to
// confirm it, to review, so names that repeat would turn the bench's new donors into review rows
// as the file grows. The index picks the kind (3 in 10 Hangul, 3 in 10 Korean-American, 4 in 10
// American) and, within its kind, a distinct combination of name parts.
Customer customer(long long index) {
  Customer c;
  c.id = "cus_G" + std::to_string(index);
  std::string latin;
  const long long decade = index / 10;
  const long long kind = index % 10;
  if (kind < 3) {  // Hangul: family, two given syllables, a third past 46,080 customers
    long long n = decade * 3 + kind;
    const auto& syllables = given_syllables();
    const auto& family = names::kKoreanFamilies[next_digit(n, names::kKoreanFamilies.size())];
    c.name = std::string(family.hangul) + syllables[next_digit(n, syllables.size())];
    c.name += syllables[next_digit(n, syllables.size())];
    std::size_t third = next_digit(n, syllables.size() + 1);
    if (third > 0) c.name += syllables[third - 1];
    latin = std::string(family.latin);
  } else {
    const bool korean_american = kind < 6;
    long long n = korean_american ? decade * 3 + (kind - 3) : decade * 4 + (kind - 6);
    const auto& firsts = korean_american ? korean_american_firsts() : american_firsts();
    const std::string& first = firsts[next_digit(n, firsts.size())];
    std::string last =
        korean_american
            ? std::string(
                  names::kKoreanFamilies[next_digit(n, names::kKoreanFamilies.size())].latin)
            : names::kAmericanLast[next_digit(n, names::kAmericanLast.size())];
    c.name = first + " " + middle_initials(next_digit(n, kMiddleForms)) + last;
    for (char ch : first) {
      if ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z')) {
        latin += static_cast<char>(ch | 0x20);
      }
    }
    latin += ".";
    latin += last;
  }
  std::string local;
  for (char ch : latin) {
    if ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || ch == '.') {
      local += static_cast<char>(ch == '.' ? ch : (ch | 0x20));
    }
  }
  c.email = local + "." + std::to_string(index) + "@example.org";
  return c;
}

// CSV field: quoted when it holds a comma, quote or line break.
void field(std::string& line, const std::string& text) {
  if (text.find_first_of(",\"\r\n") == std::string::npos) {
    line += text;
    return;
  }
  line += '"';
  for (char ch : text) {
    if (ch == '"') line += '"';
    line += ch;
  }
  line += '"';
}

void generator_money(std::string& line, long long minor) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%lld.%02lld", minor / 100, minor % 100);
  line += buf;
}

std::string timestamp(const domain::Date& day, long long second_of_day) {
  char buf[64];
  std::snprintf(buf, sizeof buf, " %02d:%02d:%02d", static_cast<int>(second_of_day / 3600 % 24),
                static_cast<int>(second_of_day / 60 % 60), static_cast<int>(second_of_day % 60));
  return day.to_string() + buf;
}

}  // namespace

Result<ImportFileReport> write_import_file(std::ostream& out, const ImportFileOptions& options) {
  if (options.format != "stripe") {
    return Status::invalid_field("format", "only stripe files can be generated so far");
  }
  if (options.rows < 1 || options.rows > 100'000'000) {
    return Status::invalid_field("rows", "must be between 1 and 100000000");
  }
  auto first = domain::Date::parse(options.first_day, "first_day");
  if (!first) return first.status();
  static constexpr std::array<long long, 10> kAmounts = {1000,  2000,  2500,  3000,  5000,
                                                         10000, 10000, 25000, 50000, 100000};
  static constexpr std::array<const char*, 4> kDescriptions = {
      "Donation", "Monthly gift", "Gift, in memory of my mother", "Sponsorship \"Hope\" 2025"};
  demo::Rng rng(options.seed);
  ImportFileReport report;
  std::string line;
  line.reserve(512);
  out << kStripeHeader;
  report.bytes += static_cast<long long>(std::char_traits<char>::length(kStripeHeader));
  const long long seconds_per_row = std::max(1LL, 365LL * 86400 / options.rows);
  for (long long i = 0; i < options.rows; ++i) {
    long long customer_index = report.customers;
    if (report.customers > 0 && rng.chance(0.05)) {
      customer_index =
          static_cast<long long>(rng.below(static_cast<std::uint64_t>(report.customers)));
      ++report.repeat_rows;
    } else {
      ++report.customers;
    }
    Customer c = customer(customer_index);
    long long amount = kAmounts[rng.below(kAmounts.size())];
    if (rng.chance(0.1)) amount += static_cast<long long>(rng.below(100));
    long long fee = (amount * 29 + 500) / 1000 + 30;
    long long at = i * seconds_per_row;
    domain::Date day = first->add_days(static_cast<int>(at / 86400));
    long long refunded = 0;
    if (rng.chance(0.03)) {
      refunded = rng.chance(1.0 / 3) ? amount / 2 : amount;
      ++report.refunded_rows;
    }
    const auto& fund = kGeneratedFunds[rng.below(kGeneratedFunds.size())];
    bool fund_by_name = rng.chance(0.5);
    bool no_fund = rng.chance(0.2);
    line.clear();
    line += "ch_G";
    line += std::to_string(i);
    line += ',';
    line += timestamp(day, at % 86400);
    line += ',';
    generator_money(line, amount);
    line += ',';
    generator_money(line, refunded);
    line += ",usd,true,,,,,";
    field(line, kDescriptions[rng.below(kDescriptions.size())]);
    line += ',';
    generator_money(line, fee);
    line += ',';
    if (refunded > 0) line += timestamp(day.add_days(3), 36000);
    line += ",STEWARD,";
    line += refunded == amount ? "Refunded" : "Paid";
    line += ",Payment complete.,0.00,card_G";
    line += std::to_string(customer_index);
    line += ',';
    line += c.id;
    line += ',';
    field(line, c.name);
    line += ',';
    field(line, c.email);
    line += ",,,";
    if (!no_fund) field(line, fund_by_name ? fund.name : fund.code);
    line += '\n';
    out << line;
    report.bytes += static_cast<long long>(line.size());
    report.total_minor += amount;
    report.total_refunded_minor += refunded;
    ++report.rows;
  }
  out.flush();
  if (!out) return Status::unavailable("file: the generated file could not be written");
  return report;
}

}  // namespace steward::engine
