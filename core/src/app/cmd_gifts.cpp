// steward gifts add|show|list|refund|delete|unacknowledged|acknowledge
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/cli.hpp"
#include "app/cmd_helpers.hpp"
#include "app/gift_output.hpp"
#include "domain/date.hpp"
#include "domain/money.hpp"
#include "engine/gift_service.hpp"
#include "store/gift_repository.hpp"
#include "store/settings_repository.hpp"
#include "store/soci_optional.hpp"

namespace steward::app {
namespace {

struct GiftAddOptions {
  long long donor = 0;
  std::string amount, currency = "USD", date, method = "cash", status = "completed";
  std::vector<std::string> funds, soft_credits;
  std::optional<std::string> in_honor, in_memory;
  std::optional<std::string> key, check_number, notes, source, external_id;
  std::optional<long long> batch;
  bool anonymous = false, json = false;
};

sdk::Money gift_money(const std::string& field, const std::string& text,
                      const std::string& currency) {
  auto m = domain::parse_money(text, currency);
  if (!m) stop(Status::invalid_field(field, m.status().message()));
  return *m;
}

// --fund ID[:AMOUNT]: one fund may omit the amount and takes what the others leave.
std::vector<domain::Allocation> allocations(const GiftAddOptions& o, const sdk::Money& total) {
  std::vector<domain::Allocation> out;
  std::optional<std::size_t> rest;
  long long given = 0;
  for (const std::string& spec : o.funds) {
    auto colon = spec.find(':');
    domain::Allocation a;
    try {
      a.fund_id = std::stoll(spec.substr(0, colon));
    } catch (const std::exception&) {
      stop(Status::invalid_field("fund", "'" + spec + "' is not ID or ID:AMOUNT"));
    }
    if (colon == std::string::npos) {
      if (rest) stop(Status::invalid_field("fund", "only one fund may omit its amount"));
      rest = out.size();
      a.amount = {0, total.currency};
    } else {
      a.amount = gift_money("fund", spec.substr(colon + 1), total.currency);
      given += a.amount.minor;
    }
    out.push_back(a);
  }
  if (rest) out[*rest].amount.minor = total.minor - given;
  return out;
}

// --soft-credit ID[:AMOUNT[:ROLE]]: amount defaults to the whole gift, role to "other".
std::vector<domain::SoftCredit> soft_credits(const GiftAddOptions& o, const sdk::Money& total) {
  std::vector<domain::SoftCredit> out;
  for (const std::string& spec : o.soft_credits) {
    domain::SoftCredit c;
    c.amount = total;
    auto first = spec.find(':');
    try {
      c.constituent_id = std::stoll(spec.substr(0, first));
    } catch (const std::exception&) {
      stop(Status::invalid_field("soft-credit", "'" + spec + "' is not ID[:AMOUNT[:ROLE]]"));
    }
    if (first != std::string::npos) {
      auto second = spec.find(':', first + 1);
      std::string amount = spec.substr(
          first + 1, second == std::string::npos ? std::string::npos : second - first - 1);
      if (!amount.empty()) c.amount = gift_money("soft-credit", amount, total.currency);
      if (second != std::string::npos) c.role = spec.substr(second + 1);
    }
    out.push_back(c);
  }
  return out;
}

void gift_print(const domain::Gift& g, bool json) {
  if (json) {
    std::cout << gift_json(g).dump(2) << "\n";
  } else {
    std::cout << gift_line(g) << (g.replayed ? "  (already recorded)" : "") << "\n";
  }
}

void gift_add_add(CLI::App& gifts, Context& ctx) {
  auto o = std::make_shared<GiftAddOptions>();
  auto* cmd = gifts.add_subcommand("add", "record a gift");
  cmd->add_option("--donor", o->donor, "constituent id of the donor")->required();
  cmd->add_option("--amount", o->amount, "amount, e.g. 50.00")->required();
  cmd->add_option("--currency", o->currency, "ISO 4217 code (default USD)");
  cmd->add_option("--date", o->date, "received on, YYYY-MM-DD (default today)");
  cmd->add_option("--fund", o->funds, "fund ID[:AMOUNT], repeatable")->required();
  cmd->add_option("--method", o->method, "cash check card ach wire stock in_kind other");
  cmd->add_option("--status", o->status, "completed (default), pending or failed");
  cmd->add_option("--check-number", o->check_number, "check number");
  cmd->add_option("--idempotency-key", o->key, "repeat-safe key: same key, same gift");
  cmd->add_option("--batch", o->batch, "gift batch id");
  cmd->add_option("--source", o->source, "where the gift came from (e.g. stripe)");
  cmd->add_option("--external-id", o->external_id, "the source's id for the gift");
  cmd->add_option("--notes", o->notes, "notes");
  cmd->add_option("--soft-credit", o->soft_credits,
                  "soft credit ID[:AMOUNT[:ROLE]], repeatable (role: solicitor, church, "
                  "matching_employer, tribute, household_member, other)");
  cmd->add_option("--in-honor-of", o->in_honor, "tribute: given in honour of this person");
  cmd->add_option("--in-memory-of", o->in_memory, "tribute: given in memory of this person");
  cmd->add_flag("--anonymous", o->anonymous, "the donor asks not to be named");
  cmd->add_flag("--json", o->json, "print JSON");
  cmd->callback([&ctx, o] {
    store::Database& db = open_database(ctx);
    domain::GiftInput in;
    in.constituent_id = o->donor;
    in.amount = gift_money("amount", o->amount, o->currency);
    in.received_on = o->date.empty() ? domain::Date::today().to_string() : o->date;
    in.allocations = allocations(*o, in.amount);
    in.payment_method = o->method;
    in.status = o->status;
    in.check_number = o->check_number;
    in.idempotency_key = o->key;
    in.batch_id = o->batch;
    in.source = o->source;
    in.external_id = o->external_id;
    in.notes = o->notes;
    in.anonymous = o->anonymous;
    in.soft_credits = soft_credits(*o, in.amount);
    if (o->in_honor) in.tribute = domain::Tribute{"in_honor", *o->in_honor, {}, {}};
    if (o->in_memory) in.tribute = domain::Tribute{"in_memory", *o->in_memory, {}, {}};
    auto g = db.write(ctx.actor(), [&](store::Unit& u) { return engine::record_gift(u, in); });
    if (!g) stop(g.status());
    gift_print(g->gift, o->json);
    if (!o->json && g->plan.result != engine::MatchResult::kNoPlan) {
      std::cout << "recurring plan: " << g->plan.message << "\n";
    }
  });
}

void add_show_delete_refund(CLI::App& gifts, Context& ctx) {
  auto id = std::make_shared<long long>(0);
  auto json = std::make_shared<bool>(false);
  auto* show = gifts.add_subcommand("show", "show one gift");
  show->add_option("id", *id, "gift id")->required();
  show->add_flag("--json", *json, "print JSON");
  show->callback([&ctx, id, json] {
    auto g = open_database(ctx).read([&](store::Unit& u) { return store::gifts::get(u, *id); });
    if (!g) stop(g.status());
    gift_print(*g, *json);
  });

  auto* del = gifts.add_subcommand("delete", "delete a gift (kept in the audit trail)");
  del->add_option("id", *id, "gift id")->required();
  del->callback([&ctx, id] {
    Status s = open_database(ctx).write(
        ctx.actor(), [&](store::Unit& u) { return store::gifts::soft_delete(u, *id); });
    if (!s) stop(s);
    std::cout << "deleted gift " << *id << "\n";
  });

  auto amount = std::make_shared<std::string>();
  auto date = std::make_shared<std::string>();
  auto reason = std::make_shared<std::optional<std::string>>();
  auto* refund = gifts.add_subcommand("refund", "refund all or part of a gift");
  refund->add_option("id", *id, "gift id")->required();
  refund->add_option("--amount", *amount, "amount to refund (default: all that is left)");
  refund->add_option("--date", *date, "refunded on, YYYY-MM-DD (default today)");
  refund->add_option("--reason", *reason, "why");
  refund->callback([&ctx, id, amount, date, reason] {
    store::Database& db = open_database(ctx);
    auto g = db.write(ctx.actor(), [&](store::Unit& u) -> Result<domain::Gift> {
      auto before = store::gifts::get(u, *id);
      if (!before) return before.status();
      store::gifts::RefundInput in;
      if (!amount->empty()) {
        auto m = domain::parse_money(*amount, before->amount.currency);
        if (!m) return Status::invalid_field("amount", m.status().message());
        in.amount = *m;
      }
      in.refunded_on = date->empty() ? domain::Date::today().to_string() : *date;
      in.reason = *reason;
      return store::gifts::refund(u, *id, in);
    });
    if (!g) stop(g.status());
    gift_print(*g, false);
  });
}

void gift_add_list(CLI::App& gifts, Context& ctx) {
  auto f = std::make_shared<store::gifts::ListFilter>();
  auto json = std::make_shared<bool>(false);
  auto* cmd = gifts.add_subcommand("list", "list gifts, newest first");
  cmd->add_option("--donor", f->constituent_id, "donor constituent id");
  cmd->add_option("--from", f->from, "received on or after YYYY-MM-DD");
  cmd->add_option("--to", f->to, "received on or before YYYY-MM-DD");
  cmd->add_option("--fund", f->fund_id, "allocated to fund id");
  cmd->add_option("--campaign", f->campaign_id, "campaign id");
  cmd->add_option("--appeal", f->appeal_id, "appeal id");
  cmd->add_option("--batch", f->batch_id, "batch id");
  cmd->add_option("--status", f->status, "completed pending failed refunded partially_refunded");
  cmd->add_option("--limit", f->page.limit, "page size (default 50)");
  cmd->add_option("--after", f->page.after_id, "continue after this gift id (from 'next:')");
  cmd->add_flag("--json", *json, "print JSON");
  cmd->callback([&ctx, f, json] {
    auto page = open_database(ctx).read([&](store::Unit& u) { return store::gifts::list(u, *f); });
    if (!page) stop(page.status());
    if (*json) {
      nlohmann::json out = {{"items", nlohmann::json::array()}};
      for (const auto& g : page->items) out["items"].push_back(gift_json(g));
      if (page->next_after_id) out["next_after_id"] = *page->next_after_id;
      std::cout << out.dump(2) << "\n";
      return;
    }
    for (const auto& g : page->items) std::cout << gift_line(g) << "\n";
    if (page->next_after_id) std::cout << "next: --after " << *page->next_after_id << "\n";
  });
}

void add_acknowledgments(CLI::App& gifts, Context& ctx) {
  auto f = std::make_shared<store::gifts::UnacknowledgedFilter>();
  auto min_amount = std::make_shared<std::string>();
  auto json = std::make_shared<bool>(false);
  auto* un = gifts.add_subcommand("unacknowledged", "gifts not yet thanked, oldest first");
  un->add_option("--from", f->from, "received on or after YYYY-MM-DD");
  un->add_option("--to", f->to, "received on or before YYYY-MM-DD");
  un->add_option("--min-amount", *min_amount, "at least this much (base currency)");
  un->add_option("--fund", f->fund_id, "allocated to fund id");
  un->add_flag("--largest-first", f->largest_first, "order by amount, largest first");
  un->add_option("--limit", f->limit, "at most this many (default 500)");
  un->add_flag("--json", *json, "print JSON");
  un->callback([&ctx, f, min_amount, json] {
    auto list = open_database(ctx).read([&](store::Unit& u) -> Result<std::vector<domain::Gift>> {
      if (!min_amount->empty()) {
        auto s = store::settings::get(u);
        if (!s) return s.status();
        auto m = domain::parse_money(*min_amount, s->base_currency);
        if (!m) return Status::invalid_field("min-amount", m.status().message());
        f->min_amount_minor = m->minor;
      }
      return store::gifts::unacknowledged(u, *f);
    });
    if (!list) stop(list.status());
    if (*json) {
      nlohmann::json out = nlohmann::json::array();
      for (const auto& g : *list) out.push_back(gift_json(g));
      std::cout << out.dump(2) << "\n";
      return;
    }
    for (const auto& g : *list) std::cout << gift_line(g) << "\n";
  });

  auto ids = std::make_shared<std::vector<long long>>();
  auto method = std::make_shared<std::string>();
  auto date = std::make_shared<std::string>();
  auto* ack = gifts.add_subcommand("acknowledge", "mark gifts as thanked");
  ack->add_option("ids", *ids, "gift ids")->required();
  ack->add_option("--method", *method, "email letter phone in_person other")->required();
  ack->add_option("--date", *date, "thanked on, YYYY-MM-DD (default today)");
  ack->callback([&ctx, ids, method, date] {
    std::string day = date->empty() ? domain::Date::today().to_string() : *date;
    auto n = open_database(ctx).write(ctx.actor(), [&](store::Unit& u) {
      return store::gifts::acknowledge(u, *ids, day, *method);
    });
    if (!n) stop(n.status());
    std::cout << "acknowledged " << *n << " gift(s)\n";
  });
}

}  // namespace

void add_gifts_command(CLI::App& app, Context& ctx) {
  auto* gifts = app.add_subcommand("gifts", "record, refund and acknowledge gifts");
  gifts->require_subcommand(1);
  gift_add_add(*gifts, ctx);
  add_show_delete_refund(*gifts, ctx);
  gift_add_list(*gifts, ctx);
  add_acknowledgments(*gifts, ctx);
}

}  // namespace steward::app
