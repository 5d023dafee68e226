#include "app/gift_output.hpp"

#include "domain/money.hpp"
#include "store/gift_rows.hpp"

namespace steward::app {

std::string gift_line(const domain::Gift& g) {
  std::string out = "gift " + std::to_string(g.id) + "  " + g.received_on + "  " +
                    domain::format_decimal(g.amount) + " " + g.amount.currency + "  donor " +
                    std::to_string(g.constituent_id) + "  " + g.status;
  if (g.refunded_minor > 0) {
    out += " (refunded " + domain::format_decimal({g.refunded_minor, g.amount.currency}) + ")";
  }
  out += "  funds";
  for (const auto& a : g.allocations) {
    out += " " + std::to_string(a.fund_id) + ":" + domain::format_decimal(a.amount);
  }
  if (!g.soft_credits.empty()) {
    out += "  soft credits";
    for (const auto& c : g.soft_credits) {
      out += " " + std::to_string(c.constituent_id) + ":" + domain::format_decimal(c.amount) + "(" +
             c.role + ")";
    }
  }
  if (g.acknowledged_at) out += "  thanked " + g.acknowledged_at->substr(0, 10);
  if (g.batch_id) out += "  batch " + std::to_string(*g.batch_id);
  return out;
}

nlohmann::json gift_json(const domain::Gift& g) {
  nlohmann::json j = store::gifts::detail::to_json(g);
  if (g.replayed) j["replayed"] = true;
  return j;
}

std::string batch_text(const domain::GiftBatch& b) {
  const std::string& cur = b.expected_total.currency;
  std::string out = "batch " + std::to_string(b.id) + "  " + b.name + "  " + b.status +
                    "\n  expected " + std::to_string(b.expected_count) + " gift(s) " +
                    domain::format_decimal(b.expected_total) + " " + cur + "\n  actual   " +
                    std::to_string(b.actual_count) + " gift(s) " +
                    domain::format_decimal({b.actual_total_minor, cur}) + " " + cur;
  if (b.closed_at) out += "\n  closed " + *b.closed_at;
  return out;
}

nlohmann::json batch_json(const domain::GiftBatch& b) {
  nlohmann::json j = {{"id", b.id},
                      {"name", b.name},
                      {"status", b.status},
                      {"currency", b.expected_total.currency},
                      {"expected_count", b.expected_count},
                      {"expected_total_minor", b.expected_total.minor},
                      {"actual_count", b.actual_count},
                      {"actual_total_minor", b.actual_total_minor}};
  if (b.closed_at) j["closed_at"] = *b.closed_at;
  return j;
}

}  // namespace steward::app
