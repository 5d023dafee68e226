#include "engine/ack_queue.hpp"

#include "domain/date.hpp"
#include "store/mail_settings.hpp"

namespace steward::engine {
namespace {

Status check_ack_rule(const AckRule& rule) {
  if (rule.since) {
    if (auto d = domain::Date::parse(*rule.since, "since"); !d) return d.status();
  }
  if (rule.limit < 1 || rule.limit > 10000) {
    return Status::invalid_field("limit", "must be 1..10000");
  }
  if (rule.personal_call_minor && *rule.personal_call_minor < 0) {
    return Status::invalid_field("personal_call_minor", "must not be negative");
  }
  return Status::ok();
}

// The store's filter for a rule: with overdue_only, gifts received on or before the last
// overdue day.
store::mail_queries::AckQueueFilter ack_filter(const AckRule& rule,
                                               const domain::ThankCutoffs& cutoffs) {
  store::mail_queries::AckQueueFilter filter{rule.since, rule.gift_id, rule.limit,
                                             rule.after, std::nullopt, rule.include_restricted};
  if (rule.overdue_only) filter.until = cutoffs.overdue_until.to_string();
  return filter;
}

}  // namespace

Result<std::vector<AckItem>> ack_queue(store::Unit& unit, const AckRule& rule) {
  if (Status s = check_ack_rule(rule); !s) return s;
  auto settings = store::mail_settings::get(unit);
  if (!settings) return settings.status();
  long long threshold = rule.personal_call_minor.value_or(settings->personal_call_minor);
  const domain::Instant now = rule.now.value_or(domain::now_instant());
  const int window = settings->thank_within_hours;
  auto rows =
      store::mail_queries::ack_queue(unit, ack_filter(rule, domain::thank_cutoffs(window, now)));
  if (!rows) return rows.status();
  std::vector<AckItem> out;
  for (const auto& row : *rows) {
    AckItem item;
    item.gift = row;
    item.personal_call = threshold > 0 && row.base_amount_minor >= threshold;
    if (auto day = domain::Date::parse(row.received_on, "received_on")) {
      item.deadline = domain::thank_deadline(*day, window, now);
    }
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

Result<AckSummary> ack_summary(store::Unit& unit, const AckRule& rule) {
  if (Status s = check_ack_rule(rule); !s) return s;
  auto settings = store::mail_settings::get(unit);
  if (!settings) return settings.status();
  AckSummary out;
  out.now = rule.now.value_or(domain::now_instant());
  out.thank_within_hours = settings->thank_within_hours;
  const auto cutoffs = domain::thank_cutoffs(out.thank_within_hours, out.now);
  auto counts = store::mail_queries::ack_queue_counts(unit, ack_filter(rule, cutoffs),
                                                      cutoffs.overdue_until.to_string(),
                                                      cutoffs.due_soon_until.to_string());
  if (!counts) return counts.status();
  out.total = counts->total;
  out.overdue = counts->up_to_first;
  out.due_soon = counts->up_to_second;
  return out;
}

nlohmann::json AckSummary::to_json() const {
  return {{"total", total}, {"overdue", overdue}, {"due_soon", due_soon}};
}

nlohmann::json ack_item_json(const AckItem& item) {
  nlohmann::json j = {{"gift_id", item.gift.gift_id},
                      {"constituent_id", item.gift.constituent_id},
                      {"donor", item.gift.donor_name},
                      {"received_on", item.gift.received_on},
                      {"amount_minor", item.gift.amount_minor},
                      {"currency", item.gift.currency},
                      {"channel", ack_channel_name(item.channel)},
                      {"reason", item.reason},
                      {"personal_call", item.personal_call},
                      {"in_flight", item.gift.in_flight},
                      {"due_by", domain::format_instant(item.deadline.due_by)},
                      {"overdue", item.deadline.overdue},
                      {"due_soon", item.deadline.due_soon}};
  if (item.channel == AckChannel::kEmail && item.gift.email) j["email"] = *item.gift.email;
  return j;
}

Result<AckQueueAnswer> ack_queue_answer(store::Unit& unit, const AckRule& rule) {
  AckRule fixed = rule;
  fixed.now = rule.now.value_or(domain::now_instant());  // the same clock for items and counts
  auto summary = ack_summary(unit, fixed);
  if (!summary) return summary.status();
  auto items = ack_queue(unit, fixed);
  if (!items) return items.status();
  return AckQueueAnswer{std::move(*items), *summary};
}

nlohmann::json AckQueueAnswer::to_json() const {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& item : items) list.push_back(ack_item_json(item));
  return {{"items", list},
          {"counts", summary.to_json()},
          {"thank_within_hours", summary.thank_within_hours},
          {"as_of", domain::format_instant(summary.now)}};
}

std::optional<store::QueueCursor> next_page(const std::vector<AckItem>& page, int limit) {
  if (page.empty() || static_cast<int>(page.size()) < limit) return std::nullopt;
  return store::QueueCursor{page.back().gift.received_on, page.back().gift.gift_id};
}

}  // namespace steward::engine
