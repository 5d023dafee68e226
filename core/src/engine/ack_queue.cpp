#include "engine/ack_queue.hpp"

#include "domain/date.hpp"
#include "store/mail_settings.hpp"

namespace steward::engine {

Result<std::vector<AckItem>> ack_queue(store::Unit& unit, const AckRule& rule) {
  if (rule.since) {
    if (auto d = domain::Date::parse(*rule.since, "since"); !d) return d.status();
  }
  if (rule.limit < 1 || rule.limit > 10000) {
    return Status::invalid_field("limit", "must be 1..10000");
  }
  if (rule.personal_call_minor && *rule.personal_call_minor < 0) {
    return Status::invalid_field("personal_call_minor", "must not be negative");
  }
  auto settings = store::mail_settings::get(unit);
  if (!settings) return settings.status();
  long long threshold = rule.personal_call_minor.value_or(settings->personal_call_minor);
  auto rows =
      store::mail_queries::ack_queue(unit, {rule.since, rule.gift_id, rule.limit, rule.after});
  if (!rows) return rows.status();
  std::vector<AckItem> out;
  for (const auto& row : *rows) {
    AckItem item;
    item.gift = row;
    item.personal_call = threshold > 0 && row.base_amount_minor >= threshold;
    if (row.do_not_email) {
      item.reason = "do not email";
    } else if (!row.email || row.email->empty()) {
      item.reason = "no email address";
    } else {
      item.channel = AckChannel::kEmail;
    }
    out.push_back(item);
  }
  return out;
}

std::optional<store::QueueCursor> next_page(const std::vector<AckItem>& page, int limit) {
  if (page.empty() || static_cast<int>(page.size()) < limit) return std::nullopt;
  return store::QueueCursor{page.back().gift.received_on, page.back().gift.gift_id};
}

}  // namespace steward::engine
