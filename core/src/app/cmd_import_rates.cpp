// `steward import rates ...`: the exchange rates imports convert foreign payments with
// (store/exchange_rate_repository.hpp, decision 0154).
//
//   steward import rates set CURRENCY YYYY-MM-DD RATE   (RATE base units per 1 CURRENCY)
//   steward import rates list [--json]
#include <iostream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "app/cmd_helpers.hpp"
#include "app/cmd_import.hpp"
#include "store/exchange_rate_repository.hpp"

namespace steward::app {

void add_import_rates(CLI::App* import, Context& ctx) {
  auto* rates = import->add_subcommand(
      "rates", "Exchange rates for payments in another currency than the base currency");
  rates->require_subcommand(1);
  {
    auto* sub = rates->add_subcommand("set", "Set the rate of a currency on a date");
    auto currency = std::make_shared<std::string>();
    auto on = std::make_shared<std::string>();
    auto rate = std::make_shared<std::string>();
    sub->add_option("currency", *currency, "ISO 4217 code, e.g. EUR")->required();
    sub->add_option("date", *on, "YYYY-MM-DD: used for payments on or after it")->required();
    sub->add_option("rate", *rate, "base-currency units per 1 unit, e.g. 1.0875")->required();
    sub->callback([&ctx, currency, on, rate] {
      auto& db = open_database(ctx);
      auto set = db.write(ctx.actor(), [&](store::Unit& u) {
        return store::exchange_rates::set(u, *currency, *on, *rate);
      });
      if (!set) stop(set.status());
      std::cout << fmt::format("1 {} = {} {} from {}\n", set->currency, set->rate,
                               set->base_currency, set->rate_on);
    });
  }
  {
    auto* sub = rates->add_subcommand("list", "Every rate, by currency and date");
    auto json = std::make_shared<bool>(false);
    sub->add_flag("--json", *json, "print JSON");
    sub->callback([&ctx, json] {
      auto& db = open_database(ctx);
      auto list = db.read([](store::Unit& u) { return store::exchange_rates::list(u); });
      if (!list) stop(list.status());
      if (*json) {
        nlohmann::json out = nlohmann::json::array();
        for (const auto& r : *list) {
          out.push_back({{"currency", r.currency},
                         {"date", r.rate_on},
                         {"rate", r.rate},
                         {"base_currency", r.base_currency}});
        }
        std::cout << out.dump(2) << "\n";
        return;
      }
      if (list->empty()) std::cout << "no exchange rates\n";
      for (const auto& r : *list) {
        std::cout << fmt::format("{}  {}  {} {}\n", r.currency, r.rate_on, r.rate, r.base_currency);
      }
    });
  }
}

}  // namespace steward::app
