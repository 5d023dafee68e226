#include "engine/thank_dry_run.hpp"

namespace steward::engine {

Result<ThankDryRun> thank_dry_run(store::Database& db, const store::Actor& actor,
                                  const ThankDryRunRequest& request) {
  if (request.sample_limit < 1 || request.sample_limit > 500) {
    return Status::invalid_field("sample_limit", "must be 1..500");
  }
  ThankDryRun out;
  out.sample_limit = request.sample_limit;
  auto counts =
      db.read([&](store::Unit& u) { return count_thank_run(u, request.since, request.gift_id); });
  if (!counts) return counts.status();
  out.counts = *counts;

  TributeNoticeOptions t;
  t.since = request.since;
  t.gift_id = request.gift_id;
  t.limit = request.sample_limit;
  t.paper = request.paper;
  auto tributes = send_tribute_notices(db, actor, t, DeliverFn());
  if (!tributes) return tributes.status();
  out.tributes = std::move(*tributes);

  ThankYouOptions m;
  m.rule.since = request.since;
  m.rule.gift_id = request.gift_id;
  m.rule.limit = request.sample_limit;
  auto messages = send_thank_yous(db, actor, m, DeliverFn());
  if (!messages) return messages.status();
  out.messages = std::move(*messages);

  LetterOptions l;
  l.rule = m.rule;
  l.paper = request.paper;
  auto letters = print_thank_you_letters(db, actor, l);
  if (!letters) return letters.status();
  out.letters = std::move(*letters);
  return out;
}

}  // namespace steward::engine
