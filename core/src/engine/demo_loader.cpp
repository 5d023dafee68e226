#include "engine/demo_loader.hpp"

#include "store/giving_summary_repository.hpp"

#include "domain/date.hpp"
#include "domain/fund.hpp"
#include "engine/demo_data.hpp"
#include "engine/demo_writer.hpp"
#include "store/audit.hpp"
#include "store/fund_repository.hpp"
#include "store/settings_repository.hpp"

namespace steward::engine {
namespace {

constexpr const char* kOrganizationName = "Hope Bridge Ministry";

demo::DemoData generate(std::uint64_t seed, const domain::Date& today, int constituents) {
  return demo::generate_data(seed, today, today.add_months(-36).add_days(1), constituents, "");
}

}  // namespace

namespace demo {

DemoData generate_data(std::uint64_t seed, const domain::Date& today, const domain::Date& start,
                       int constituents, const std::string& key_prefix) {
  Rng rng(seed);
  DemoData d;
  d.today = today;
  d.start = start;
  d.key_prefix = key_prefix;
  generate_funds(d);
  generate_people(rng, d, constituents);
  generate_contacts(rng, d);
  generate_campaigns(d);
  generate_recurring(rng, d);
  generate_pledges(rng, d);
  generate_gifts(rng, d);
  finish_gifts(rng, d);
  generate_activity(rng, d);
  return d;
}

void add_counts(const DemoData& d, DemoReport& r) {
  r.constituents += static_cast<long long>(d.constituents.size());
  for (const auto& c : d.constituents) {
    if (c.kind == "individual") ++r.individuals;
    if (c.kind == "household") ++r.households;
    if (c.kind == "organization") ++r.organizations;
  }
  r.emails += static_cast<long long>(d.emails.size());
  r.phones += static_cast<long long>(d.phones.size());
  r.addresses += static_cast<long long>(d.addresses.size());
  r.relationships += static_cast<long long>(d.relationships.size());
  // Funds, campaigns and appeals are the same in every chunk of a generated organisation.
  r.funds = static_cast<long long>(d.funds.size());
  r.campaigns = static_cast<long long>(d.campaigns.size());
  r.appeals = static_cast<long long>(d.appeals.size());
  r.recurring_plans += static_cast<long long>(d.plans.size());
  r.pledges += static_cast<long long>(d.pledges.size());
  r.gifts += static_cast<long long>(d.gifts.size());
  for (const auto& g : d.gifts) {
    r.allocations += static_cast<long long>(g.allocations.size());
    r.soft_credits += static_cast<long long>(g.soft_credits.size());
    if (g.refunded_minor > 0) ++r.refunds;
    r.total_given_minor += g.base_amount_minor - g.base_refunded_minor;
  }
  if (!d.gifts.empty()) {
    if (r.first_gift_on.empty() || d.gifts.front().received_on < r.first_gift_on)
      r.first_gift_on = d.gifts.front().received_on;
    if (d.gifts.back().received_on > r.last_gift_on) r.last_gift_on = d.gifts.back().received_on;
  }
  r.interactions += static_cast<long long>(d.interactions.size());
  r.tasks += static_cast<long long>(d.tasks.size());
  r.tags = static_cast<long long>(d.tags.size());
  r.stage_changes += static_cast<long long>(d.stage_history.size());
}

// Settings and funds go through their repositories (validated and audited one by one); an
// existing fund with the same code is reused.
Status write_setup(store::Unit& unit, const DemoData& d, Ids& ids) {
  for (const auto& [key, value] :
       {std::pair<std::string, std::string>{"organization_name", kOrganizationName},
        {"base_currency", "USD"},
        {"fiscal_year_start_month", "1"}}) {
    if (Status s = store::settings::set(unit, key, value); !s) return s;
  }
  for (const Fund& f : d.funds) {
    auto existing = store::funds::get_by_code(unit, f.code);
    if (existing) {
      ids.funds.push_back(existing->id);
      continue;
    }
    domain::FundInput in;
    in.code = f.code;
    in.name = f.name;
    in.program = f.program;
    in.description = f.description;
    in.restricted = f.restricted;
    if (f.monthly_need_minor) in.monthly_need = sdk::Money{*f.monthly_need_minor, "USD"};
    in.people_served = f.people_served;
    auto made = store::funds::create(unit, in);
    if (!made) return made.status();
    ids.funds.push_back(made->id);
  }
  return Status::ok();
}

}  // namespace demo

nlohmann::json DemoReport::to_json() const {
  return {{"skipped", skipped},
          {"existing_constituents", existing_constituents},
          {"seed", seed},
          {"today", today},
          {"first_gift_on", first_gift_on},
          {"last_gift_on", last_gift_on},
          {"constituents", constituents},
          {"individuals", individuals},
          {"households", households},
          {"organizations", organizations},
          {"emails", emails},
          {"phones", phones},
          {"addresses", addresses},
          {"relationships", relationships},
          {"funds", funds},
          {"campaigns", campaigns},
          {"appeals", appeals},
          {"recurring_plans", recurring_plans},
          {"pledges", pledges},
          {"gifts", gifts},
          {"allocations", allocations},
          {"soft_credits", soft_credits},
          {"refunds", refunds},
          {"interactions", interactions},
          {"tasks", tasks},
          {"tags", tags},
          {"stage_changes", stage_changes},
          {"total_given", {{"minor", total_given_minor}, {"currency", currency}}}};
}

Result<DemoReport> load_demo(store::Unit& unit, const DemoOptions& options) {
  if (options.constituents < 50 || options.constituents > 20000) {
    return Status::invalid_field("constituents", "must be between 50 and 20000");
  }
  domain::Date today = domain::Date::today();
  if (options.today) {
    auto parsed = domain::Date::parse(*options.today, "today");
    if (!parsed) return parsed.status();
    today = *parsed;
  }
  DemoReport report;
  report.seed = options.seed;
  report.today = today.to_string();
  long long existing = 0;
  unit.sql() << "SELECT COUNT(*) FROM constituents", soci::into(existing);
  if (existing > 0) {
    if (options.if_empty) {
      report.skipped = true;
      report.existing_constituents = existing;
      return report;
    }
    return Status::precondition_failed(
        "the database already has " + std::to_string(existing) +
        " constituent(s); the demo loads only into an empty database (--if-empty skips it)");
  }
  demo::DemoData data = generate(options.seed, today, options.constituents);
  demo::Ids ids;
  if (Status s = demo::write_setup(unit, data, ids); !s) return s;
  demo::write_campaigns(unit, data, ids);
  demo::write_people(unit, data, ids);
  demo::write_giving(unit, data, ids);
  demo::write_activity(unit, data, ids);
  // Giving summaries of every donor, household and soft-credited constituent, set-based.
  if (Status s = store::giving::rebuild_all(unit); !s) return s;
  demo::add_counts(data, report);
  store::record_audit(unit, "demo_load", "organization", 0, nullptr, report.to_json());
  return report;
}

Result<DemoReport> load_demo(store::Database& db, const store::Actor& actor,
                             const DemoOptions& options) {
  return db.write(actor, [&](store::Unit& unit) { return load_demo(unit, options); });
}

}  // namespace steward::engine
