// steward duplicates find [--rules email,phone,name_postal,name_street] [--weights ...]
//                         [--min-score N] [--limit N] [--json]
// steward duplicates merge SURVIVOR LOSER... [--take FIELD=ID]... [--json]
#include <cstdio>
#include <iostream>
#include <memory>
#include <sstream>

#include <nlohmann/json.hpp>

#include "app/cli.hpp"
#include "engine/duplicate_finder.hpp"
#include "engine/merge_service.hpp"

namespace steward::app {
namespace {

namespace dup = engine::duplicates;

std::vector<std::string> duplicates_split_commas(const std::string& text) {
  std::vector<std::string> out;
  std::stringstream in(text);
  for (std::string item; std::getline(in, item, ',');)
    if (!item.empty()) out.push_back(item);
  return out;
}

Result<long long> parse_id(const std::string& text, const std::string& field) {
  try {
    std::size_t used = 0;
    long long v = std::stoll(text, &used);
    if (used == text.size() && v > 0) return v;
  } catch (const std::exception&) {
  }
  return Status::invalid_field(field, "'" + text + "' is not a record id");
}

// --rules picks the rules (default: all); --weights is "rule=N,..." or N,... in --rules order.
Result<std::vector<dup::RuleWeight>> parse_rules(const std::string& rules_text,
                                                 const std::string& weights_text) {
  std::vector<dup::RuleWeight> rules;
  std::vector<std::string> names = duplicates_split_commas(
      rules_text.empty() ? std::string("email,phone,name_postal,name_street") : rules_text);
  for (const std::string& n : names) {
    auto r = dup::parse_rule(n);
    if (!r) return r.status();
    rules.push_back({*r, dup::default_weight(*r)});
  }
  std::vector<std::string> weights = duplicates_split_commas(weights_text);
  for (std::size_t i = 0; i < weights.size(); ++i) {
    std::string w = weights[i];
    std::size_t target = i;
    if (auto eq = w.find('='); eq != std::string::npos) {
      auto r = dup::parse_rule(w.substr(0, eq));
      if (!r) return r.status();
      target = rules.size();
      for (std::size_t j = 0; j < rules.size(); ++j)
        if (rules[j].rule == *r) target = j;
      if (target == rules.size())
        return Status::invalid_field("weights", w.substr(0, eq) + " is not among --rules");
      w = w.substr(eq + 1);
    } else if (i >= rules.size()) {
      return Status::invalid_field("weights", "more weights than rules");
    }
    auto v = parse_id(w, "weights");
    if (!v) return Status::invalid_field("weights", "'" + w + "' is not a positive number");
    rules[target].weight = static_cast<int>(*v);
  }
  return rules;
}

nlohmann::json candidate_json(const dup::Candidate& c) {
  nlohmann::json rules = nlohmann::json::array();
  for (dup::Rule r : c.matched) rules.push_back(dup::rule_name(r));
  return {{"first_id", c.first_id},       {"first_name", c.first_name}, {"second_id", c.second_id},
          {"second_name", c.second_name}, {"score", c.score},           {"rules", rules}};
}

struct FindArgs {
  std::string rules, weights;
  int min_score = 50;
  int limit = 100;
  bool json = false;
};

struct MergeArgs {
  long long survivor = 0;
  std::vector<long long> losers;
  std::vector<std::string> takes;
  bool json = false;
};

void run_find(Context& ctx, const FindArgs& a) {
  store::Database* db = ctx.database();
  if (!db) throw CLI::RuntimeError(1);
  auto rules = parse_rules(a.rules, a.weights);
  if (!rules) throw CLI::RuntimeError(fail(rules.status()));
  dup::FinderOptions options;
  options.rules = *rules;
  options.min_score = a.min_score;
  options.limit = a.limit;
  auto found = db->read([&](store::Unit& u) { return dup::find(u, options); });
  if (!found) throw CLI::RuntimeError(fail(found.status()));
  if (a.json) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& c : *found) out.push_back(candidate_json(c));
    std::cout << out.dump(2) << "\n";
    return;
  }
  for (const auto& c : *found) {
    std::string rules_text;
    for (dup::Rule r : c.matched)
      rules_text += (rules_text.empty() ? "" : ",") + std::string(dup::rule_name(r));
    std::cout << c.score << "  " << c.first_id << " " << c.first_name << "  <->  " << c.second_id
              << " " << c.second_name << "  [" << rules_text << "]\n";
  }
  std::cout << found->size() << " candidate pair(s)\n";
}

void run_merge(Context& ctx, const MergeArgs& a) {
  store::Database* db = ctx.database();
  if (!db) throw CLI::RuntimeError(1);
  engine::merge::MergeRequest req{a.survivor, a.losers, {}};
  for (const std::string& t : a.takes) {
    auto eq = t.find('=');
    if (eq == std::string::npos)
      throw CLI::RuntimeError(fail(Status::invalid_field("take", "'" + t + "' is not FIELD=ID")));
    auto id = parse_id(t.substr(eq + 1), "take." + t.substr(0, eq));
    if (!id) throw CLI::RuntimeError(fail(id.status()));
    req.choices.push_back({t.substr(0, eq), *id});
  }
  auto done = db->write(ctx.actor(), [&](store::Unit& u) { return engine::merge::merge(u, req); });
  if (!done) throw CLI::RuntimeError(fail(done.status()));
  if (a.json) {
    nlohmann::json out = {{"merge_id", done->merge_id},
                          {"survivor_id", done->survivor_id},
                          {"merged_ids", done->merged_ids},
                          {"summary", done->summary}};
    std::cout << out.dump(2) << "\n";
    return;
  }
  std::cout << "merged " << done->merged_ids.size() << " record(s) into " << done->survivor_id
            << " (merge " << done->merge_id << ")\n"
            << done->summary.dump() << "\n";
}

}  // namespace

void add_duplicates_command(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand("duplicates", "find and merge duplicate constituents");
  cmd->require_subcommand(1);

  auto find_args = std::make_shared<FindArgs>();
  auto* find = cmd->add_subcommand("find", "list candidate duplicate pairs, best first");
  find->add_option("--rules", find_args->rules,
                   "comma-separated rules: email,phone,name_postal,name_street (default: all)");
  find->add_option("--weights", find_args->weights,
                   "weights as rule=N,... or N,... in --rules order (defaults 60,40,50,60)");
  find->add_option("--min-score", find_args->min_score, "lowest score listed (default 50)");
  find->add_option("--limit", find_args->limit, "most pairs listed, 0 for all (default 100)");
  find->add_flag("--json", find_args->json, "print JSON");
  find->callback([&ctx, find_args] { run_find(ctx, *find_args); });

  auto merge_args = std::make_shared<MergeArgs>();
  auto* merge = cmd->add_subcommand("merge", "merge LOSER records into SURVIVOR");
  merge->add_option("survivor", merge_args->survivor, "the record that stays")->required();
  merge->add_option("losers", merge_args->losers, "the records merged into it")->required();
  merge->add_option("--take", merge_args->takes,
                    "FIELD=ID: keep this record's value of FIELD (repeatable)");
  merge->add_flag("--json", merge_args->json, "print JSON");
  merge->callback([&ctx, merge_args] { run_merge(ctx, *merge_args); });
}

}  // namespace steward::app
