#include "engine/thank_run_counts.hpp"

#include "engine/ack_queue.hpp"
#include "store/tribute_notice_repository.hpp"

namespace steward::engine {

long long ThankCounts::skipped_total() const {
  long long n = 0;
  for (const auto& [reason, count] : skipped) n += count;
  return n;
}

long long ThankCounts::total() const {
  return emails + letters + tribute_emails + tribute_letters + skipped_total();
}

nlohmann::json ThankCounts::to_json() const {
  return {{"total", total()},
          {"emailed", emails + tribute_emails},
          {"printed", letters + tribute_letters},
          {"skipped", skipped_total()},
          {"skipped_by_reason", skipped},
          {"letters_by_reason", letter_reasons},
          {"messages", emails},
          {"letters", letters},
          {"tribute_notifications", {{"emailed", tribute_emails}, {"printed", tribute_letters}}}};
}

Result<ThankCounts> count_thank_run(store::Unit& unit, const std::optional<std::string>& since,
                                    std::optional<long long> gift_id, int page) {
  ThankCounts c;
  // Tribute notices (tribute_notices.cpp): restricted donors' gifts are skipped, an email in
  // flight is skipped, the rest go by email when the person can be emailed, else by letter.
  store::tribute_notices::DueFilter due{since, gift_id, page, {}};
  for (;;) {
    auto rows = store::tribute_notices::due(unit, due);
    if (!rows) return rows.status();
    for (const auto& d : *rows) {
      const bool email = !d.notify_do_not_email && d.notify_email && !d.notify_email->empty();
      if (d.donor_restricted) {
        ++c.skipped["restricted"];
      } else if (email && d.in_flight) {
        ++c.skipped["in_flight"];
      } else {
        ++(email ? c.tribute_emails : c.tribute_letters);
      }
    }
    if (static_cast<int>(rows->size()) < page) break;
    due.after = {rows->back().received_on, rows->back().gift_id};
  }
  // Thank-yous (thank_you_sender.cpp, thank_you_letters.cpp): by the queue's channel; an email
  // in flight is skipped.
  AckRule rule;
  rule.since = since;
  rule.gift_id = gift_id;
  rule.limit = page;
  for (;;) {
    auto items = ack_queue(unit, rule);
    if (!items) return items.status();
    for (const auto& item : *items) {
      if (item.channel == AckChannel::kLetter) {
        ++c.letters;
        ++c.letter_reasons[item.reason];
      } else if (item.gift.in_flight) {
        ++c.skipped["in_flight"];
      } else {
        ++c.emails;
      }
    }
    auto next = next_page(*items, rule.limit);
    if (!next) break;
    rule.after = *next;
  }
  return c;
}

}  // namespace steward::engine
