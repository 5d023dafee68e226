#include "engine/statement_document.hpp"

#include <fmt/format.h>

#include <map>

#include "engine/mail_format.hpp"

namespace steward::engine {
namespace {

struct Labels {
  const char* title;        // {year}
  const char* receipt;      // {number}
  const char* replacement;  // whole sentence
  const char* period;       // {from} {to}
  const char* date;
  const char* fund;
  const char* amount;
  const char* total;
  const char* in_kind;  // {description}
  const char* tax_id;   // {name} {id}
  const char* no_gifts;
};

const Labels kEn = {"{} Giving Statement and Receipt",
                    "Receipt number {}",
                    "REPLACEMENT: this statement replaces the one issued earlier under the same "
                    "receipt number.",
                    "Gifts received {} to {}",
                    "Date",
                    "Fund",
                    "Amount",
                    "Total",
                    "In-kind gift: {} (no value stated by {})",
                    "{} tax id: {}",
                    "No gifts were received in this period."};
const Labels kKo = {"{}년 기부금 영수증 및 연간 후원 내역",
                    "영수증 번호 {}",
                    "재발행: 이 영수증은 같은 번호로 먼저 발행된 영수증을 대신합니다.",
                    "{}부터 {}까지 받은 후원",
                    "날짜",
                    "기금",
                    "금액",
                    "합계",
                    "현물 후원: {} ({}에서 금액을 기재하지 않음)",
                    "{} 고유번호: {}",
                    "이 기간에 받은 후원이 없습니다."};

const Labels& labels(const std::string& language) { return language == "ko" ? kKo : kEn; }

std::string two(unsigned v) { return v < 10 ? "0" + std::to_string(v) : std::to_string(v); }

int days_in(int year, unsigned month) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

}  // namespace

StatementPeriod statement_period(int year, const std::string& basis, unsigned start_month) {
  StatementPeriod p;
  p.year = year;
  p.basis = basis == "fiscal" && start_month > 1 && start_month <= 12 ? "fiscal" : "calendar";
  if (p.basis == "calendar") {
    p.from = std::to_string(year) + "-01-01";
    p.to = std::to_string(year) + "-12-31";
    return p;
  }
  unsigned end_month = start_month - 1;
  p.from = std::to_string(year - 1) + "-" + two(start_month) + "-01";
  p.to =
      std::to_string(year) + "-" + two(end_month) + "-" + std::to_string(days_in(year, end_month));
  return p;
}

std::string statement_totals(const std::vector<store::statement_queries::StatementGift>& gifts,
                             const std::string& language) {
  std::map<std::string, long long> by_currency;
  for (const auto& g : gifts) {
    if (g.payment_method == "in_kind") continue;
    by_currency[g.currency] += g.net_minor;
  }
  std::string out;
  for (const auto& [currency, minor] : by_currency) {
    if (!out.empty()) out += "; ";
    out += format_amount({minor, currency}, language);
  }
  return out.empty() ? format_amount({0, "USD"}, language) : out;
}

long long statement_gift_count(const std::vector<store::statement_queries::StatementGift>& gifts) {
  return static_cast<long long>(gifts.size());
}

print::Piece statement_piece(const StatementContent& c) {
  const Labels& l = labels(c.language);
  print::Piece piece;
  piece.return_address = c.return_address;
  piece.recipient = c.recipient;

  print::Block title;
  title.text = fmt::format(fmt::runtime(l.title), c.period.year);
  title.bold = true;
  title.size = 14.0;
  piece.blocks.push_back(title);
  print::Block heading;
  std::string receipt =
      c.receipt_number.empty() ? "" : fmt::format(fmt::runtime(l.receipt), c.receipt_number);
  heading.text = receipt + (receipt.empty() ? "" : "\n") +
                 fmt::format(fmt::runtime(l.period), format_date(c.period.from, c.language),
                             format_date(c.period.to, c.language));
  piece.blocks.push_back(heading);
  if (c.replacement) {
    print::Block replacement;
    replacement.text = l.replacement;
    replacement.bold = true;
    piece.blocks.push_back(replacement);
  }
  for (auto& b : print::paragraphs_from_text(c.letter_text)) piece.blocks.push_back(b);

  print::Block table;
  table.kind = print::Block::Kind::kTable;
  table.size = 10.0;
  table.column_widths = {0.25, 0.40, 0.35};
  table.column_right = {false, false, true};
  table.rows.push_back({{l.date, l.fund, l.amount}, true});
  for (const auto& g : c.gifts) {
    std::string funds;
    for (const auto& f : g.funds) funds += (funds.empty() ? "" : ", ") + f;
    std::string amount =
        g.payment_method == "in_kind"
            ? fmt::format(fmt::runtime(l.in_kind), g.in_kind_description.value_or("-"),
                          c.org_name.empty() ? std::string("us") : c.org_name)
            : format_amount({g.net_minor, g.currency}, c.language);
    table.rows.push_back({{format_date(g.received_on, c.language), funds, amount}, false});
  }
  if (c.gifts.empty()) table.rows.push_back({{"", l.no_gifts, ""}, false});
  table.rows.push_back({{l.total, "", statement_totals(c.gifts, c.language)}, true});
  piece.blocks.push_back(table);

  if (!c.legal_text.empty()) {
    for (auto& b : print::paragraphs_from_text(c.legal_text)) {
      b.size = 9.0;
      piece.blocks.push_back(b);
    }
  }
  if (!c.tax_id.empty()) {
    print::Block tax;
    tax.size = 9.0;
    tax.text = fmt::format(fmt::runtime(l.tax_id), c.org_name, c.tax_id);
    piece.blocks.push_back(tax);
  }
  return piece;
}

}  // namespace steward::engine
