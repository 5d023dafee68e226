#include "domain/segment_filter.hpp"

#include <algorithm>
#include <initializer_list>
#include <tuple>
#include <utility>

#include <nlohmann/json.hpp>

#include "domain/date.hpp"
#include "domain/money.hpp"
#include "domain/validation.hpp"

namespace steward::domain::segment {
namespace {

using nlohmann::json;

std::string child(const std::string& path, std::string_view key) {
  return path.empty() ? std::string(key) : path + "." + std::string(key);
}

std::string filter_at(const std::string& path, std::size_t index) {
  return path + "[" + std::to_string(index) + "]";
}

Status bad(const std::string& path, const std::string& why) {
  return Status::invalid_field(path.empty() ? "filter" : path, why);
}

std::string filter_join(std::initializer_list<std::string_view> words) {
  std::string out;
  for (std::string_view w : words) {
    if (!out.empty()) out += ", ";
    out += w;
  }
  return out;
}

class Parser {
 public:
  explicit Parser(const ParseOptions& options) : options_(options) {}

  Result<Filter> node(const json& j, const std::string& path, int depth) {
    if (++nodes_ > kMaxNodes) {
      return bad(path, "the filter has more than " + std::to_string(kMaxNodes) + " conditions");
    }
    if (depth > kMaxDepth) {
      return bad(path, "nested more than " + std::to_string(kMaxDepth) + " levels deep");
    }
    if (!j.is_object()) return bad(path, "expected a condition object like {\"tag\":\"Board\"}");
    if (j.empty()) {
      if (path.empty()) return Filter{Everyone{}};
      return bad(path, "empty condition");
    }
    if (j.size() != 1) {
      return bad(path, "a condition has exactly one key, found " + std::to_string(j.size()) +
                           " (combine several with {\"and\":[...]})");
    }
    const std::string& key = j.begin().key();
    const json& v = j.begin().value();
    std::string p = child(path, key);
    if (key == "and" || key == "or") return combinator(key, v, p, depth);
    if (key == "not") {
      auto inner = node(v, p, depth + 1);
      if (!inner) return inner.status();
      Not n;
      n.item.push_back(std::move(inner.value()));
      return Filter{std::move(n)};
    }
    if (key == "gave") return gave(v, p);
    if (key == "last_gift") return last_gift(v, p);
    if (key == "first_gift") return first_gift(v, p);
    if (key == "lifetime") return lifetime(v, p);
    if (key == "recurring") return recurring(v, p);
    if (key == "lybunt" || key == "sybunt") return fiscal(key, v, p);
    if (key == "tag") {
      auto r = ref(v, p, "a tag id or tag name");
      if (!r) return r.status();
      return Filter{Tag{*r}};
    }
    if (key == "kind") {
      auto s = one_of(v, p, {"individual", "household", "organization"});
      if (!s) return s.status();
      return Filter{Kind{*s}};
    }
    if (key == "organization_type") {
      auto s = one_of(v, p, {"church", "foundation", "business", "other"});
      if (!s) return s.status();
      return Filter{OrganizationType{*s}};
    }
    if (key == "region") {
      auto s = text(v, p, 100);
      if (!s) return s.status();
      return Filter{Region{*s}};
    }
    if (key == "country") return country(v, p);
    if (key == "can_be_emailed" || key == "can_be_mailed" || key == "restricted") {
      if (!v.is_boolean()) return bad(p, "expected true or false");
      bool b = v.get<bool>();
      if (key == "can_be_emailed") return Filter{CanBeEmailed{b}};
      if (key == "can_be_mailed") return Filter{CanBeMailed{b}};
      return Filter{Restricted{b}};
    }
    return bad(p,
               "unknown condition (expected one of: and, or, not, gave, last_gift, first_gift, "
               "lifetime, recurring, lybunt, sybunt, tag, kind, organization_type, region, "
               "country, can_be_emailed, can_be_mailed, restricted)");
  }

 private:
  Result<Filter> combinator(const std::string& key, const json& v, const std::string& p,
                            int depth) {
    if (!v.is_array()) return bad(p, "expected a list of conditions");
    if (v.empty()) return bad(p, "needs at least one condition");
    std::vector<Filter> items;
    for (std::size_t i = 0; i < v.size(); ++i) {
      auto item = node(v[i], filter_at(p, i), depth + 1);
      if (!item) return item.status();
      items.push_back(std::move(item.value()));
    }
    if (key == "and") return Filter{AllOf{std::move(items)}};
    return Filter{AnyOf{std::move(items)}};
  }

  // Checks that `v` is an object whose keys are all in `allowed`.
  static Status object_with(const json& v, const std::string& p,
                            std::initializer_list<std::string_view> allowed) {
    if (!v.is_object()) return bad(p, "expected an object with keys: " + filter_join(allowed));
    for (auto it = v.begin(); it != v.end(); ++it) {
      if (std::find(allowed.begin(), allowed.end(), it.key()) == allowed.end()) {
        return bad(child(p, it.key()), "unknown key (expected " + filter_join(allowed) + ")");
      }
    }
    return Status::ok();
  }

  static Result<std::optional<std::string>> date(const json& v, const std::string& key,
                                                 const std::string& p) {
    if (!v.contains(key)) return std::optional<std::string>{};
    const json& d = v.at(key);
    std::string path = child(p, key);
    if (!d.is_string()) return bad(path, "expected a date like \"2025-01-31\"");
    auto parsed = Date::parse(d.get<std::string>(), path);
    if (!parsed) return bad(path, "not a date (YYYY-MM-DD)");
    return std::optional<std::string>{parsed->to_string()};
  }

  Result<std::optional<std::int64_t>> amount(const json& v, const std::string& key,
                                             const std::string& p) const {
    if (!v.contains(key)) return std::optional<std::int64_t>{};
    const json& a = v.at(key);
    std::string path = child(p, key);
    std::string textual;
    if (a.is_string()) {
      textual = a.get<std::string>();
    } else if (a.is_number_integer()) {
      textual = a.dump();
    } else {
      return bad(path, "not a decimal amount (write it as text, like \"100.00\")");
    }
    auto money = parse_money(textual, options_.base_currency);
    if (!money) {
      return bad(path, "not a decimal amount in " + options_.base_currency + " (like \"100.00\")");
    }
    if (money->minor < 0) return bad(path, "must not be negative");
    return std::optional<std::int64_t>{money->minor};
  }

  static Result<Ref> ref(const json& v, const std::string& p, const std::string& what) {
    if (v.is_number_integer()) {
      long long id = v.get<long long>();
      if (id <= 0) return bad(p, "an id must be a positive integer");
      return Ref{id, std::nullopt};
    }
    if (v.is_string()) {
      std::string s = v.get<std::string>();
      if (Status st = require_text(p, s, 200); !st) return bad(p, "expected " + what);
      return Ref{std::nullopt, s};
    }
    return bad(p, "expected " + what);
  }

  static Result<std::optional<Ref>> opt_ref(const json& v, const std::string& key,
                                            const std::string& p, const std::string& what) {
    if (!v.contains(key)) return std::optional<Ref>{};
    auto r = ref(v.at(key), child(p, key), what);
    if (!r) return r.status();
    return std::optional<Ref>{*r};
  }

  static Result<std::string> text(const json& v, const std::string& p, std::size_t max) {
    if (!v.is_string()) return bad(p, "expected text");
    std::string s = v.get<std::string>();
    if (Status st = require_text(p, s, max); !st) return bad(p, st.fields().at(0).message);
    return s;
  }

  static Result<std::string> one_of(const json& v, const std::string& p,
                                    std::initializer_list<std::string_view> allowed) {
    if (!v.is_string() ||
        std::find(allowed.begin(), allowed.end(), v.get<std::string>()) == allowed.end()) {
      return bad(p, "expected one of: " + filter_join(allowed));
    }
    return v.get<std::string>();
  }

  static Result<Filter> country(const json& v, const std::string& p) {
    if (!v.is_string()) return bad(p, "expected a two-letter country code like \"KR\"");
    std::string s = v.get<std::string>();
    bool ok = s.size() == 2;
    for (char& c : s) {
      if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
      if (c < 'A' || c > 'Z') ok = false;
    }
    if (!ok) return bad(p, "expected a two-letter country code like \"KR\"");
    return Filter{Country{s}};
  }

  using Dates = std::pair<std::optional<std::string>, std::optional<std::string>>;
  using Amounts = std::pair<std::optional<std::int64_t>, std::optional<std::int64_t>>;

  // Two optional dates, the second not before the first.
  static Result<Dates> dates(const json& v, const std::string& p, const std::string& low,
                             const std::string& high) {
    auto a = date(v, low, p);
    if (!a) return a.status();
    auto b = date(v, high, p);
    if (!b) return b.status();
    if (*a && *b && **b < **a) return bad(child(p, high), "is before \"" + low + "\"");
    return Dates{*a, *b};
  }

  // Two optional amounts, the second not below the first.
  Result<Amounts> amounts(const json& v, const std::string& p, const std::string& low,
                          const std::string& high) const {
    auto a = amount(v, low, p);
    if (!a) return a.status();
    auto b = amount(v, high, p);
    if (!b) return b.status();
    if (*a && *b && **b < **a) return bad(child(p, high), "is smaller than \"" + low + "\"");
    return Amounts{*a, *b};
  }

  Result<Filter> gave(const json& v, const std::string& p) {
    if (Status s = object_with(
            v, p,
            {"from", "to", "min", "max", "total_min", "total_max", "fund", "campaign", "appeal"});
        !s)
      return s;
    Gave g;
    auto received = dates(v, p, "from", "to");
    if (!received) return received.status();
    std::tie(g.from, g.to) = *received;
    auto each = amounts(v, p, "min", "max");
    if (!each) return each.status();
    std::tie(g.min, g.max) = *each;
    auto total = amounts(v, p, "total_min", "total_max");
    if (!total) return total.status();
    std::tie(g.total_min, g.total_max) = *total;
    auto fund = opt_ref(v, "fund", p, "a fund id or fund code");
    if (!fund) return fund.status();
    auto campaign = opt_ref(v, "campaign", p, "a campaign id or campaign code");
    if (!campaign) return campaign.status();
    auto appeal = opt_ref(v, "appeal", p, "an appeal id or appeal code");
    if (!appeal) return appeal.status();
    g.fund = *fund;
    g.campaign = *campaign;
    g.appeal = *appeal;
    return Filter{std::move(g)};
  }

  Result<Filter> last_gift(const json& v, const std::string& p) {
    if (Status s = object_with(v, p, {"before", "after"}); !s) return s;
    LastGift g;
    auto both = dates(v, p, "after", "before");
    if (!both) return both.status();
    std::tie(g.after, g.before) = *both;
    if (!g.before && !g.after) return bad(p, "give \"before\" or \"after\" (or both)");
    if (g.before && g.after && *g.before == *g.after) {
      return bad(child(p, "before"), "must be later than \"after\"");
    }
    return Filter{std::move(g)};
  }

  Result<Filter> first_gift(const json& v, const std::string& p) {
    if (Status s = object_with(v, p, {"from", "to"}); !s) return s;
    FirstGift g;
    auto both = dates(v, p, "from", "to");
    if (!both) return both.status();
    std::tie(g.from, g.to) = *both;
    if (!g.from && !g.to) return bad(p, "give \"from\" or \"to\" (or both)");
    return Filter{std::move(g)};
  }

  Result<Filter> lifetime(const json& v, const std::string& p) {
    if (Status s = object_with(v, p, {"min", "max"}); !s) return s;
    Lifetime l;
    auto both = amounts(v, p, "min", "max");
    if (!both) return both.status();
    std::tie(l.min, l.max) = *both;
    if (!l.min && !l.max) return bad(p, "give \"min\" or \"max\" (or both)");
    return Filter{l};
  }

  static Result<Filter> recurring(const json& v, const std::string& p) {
    if (Status s = object_with(v, p, {"status"}); !s) return s;
    Recurring r;
    if (!v.contains("status")) {
      r.statuses = {"active"};
      return Filter{std::move(r)};
    }
    const json& st = v.at("status");
    std::string sp = child(p, "status");
    json list = st.is_string() ? json::array({st}) : st;
    if (!list.is_array() || list.empty()) return bad(sp, "expected a list of plan statuses");
    for (std::size_t i = 0; i < list.size(); ++i) {
      auto s = one_of(list[i], st.is_string() ? sp : filter_at(sp, i),
                      {"active", "paused", "failing", "lapsed", "cancelled", "completed"});
      if (!s) return s.status();
      if (std::find(r.statuses.begin(), r.statuses.end(), *s) == r.statuses.end()) {
        r.statuses.push_back(*s);
      }
    }
    return Filter{std::move(r)};
  }

  static Result<Filter> fiscal(const std::string& key, const json& v, const std::string& p) {
    if (Status s = object_with(v, p, {"year"}); !s) return s;
    std::optional<int> year;
    if (v.contains("year")) {
      const json& y = v.at("year");
      if (!y.is_number_integer() || y.get<long long>() < 1901 || y.get<long long>() > 9999) {
        return bad(child(p, "year"), "expected a fiscal year like 2026");
      }
      year = static_cast<int>(y.get<long long>());
    }
    if (key == "lybunt") return Filter{Lybunt{year}};
    return Filter{Sybunt{year}};
  }

  const ParseOptions& options_;
  int nodes_ = 0;
};

bool mentions(const Node& node);

bool any_mentions(const std::vector<Filter>& items) {
  return std::any_of(items.begin(), items.end(), [](const Filter& f) { return mentions(f.node); });
}

bool mentions(const Node& node) {
  if (std::holds_alternative<Restricted>(node)) return true;
  if (auto* a = std::get_if<AllOf>(&node)) return any_mentions(a->items);
  if (auto* o = std::get_if<AnyOf>(&node)) return any_mentions(o->items);
  if (auto* n = std::get_if<Not>(&node)) return any_mentions(n->item);
  return false;
}

}  // namespace

Result<Filter> parse(std::string_view text, const ParseOptions& options) {
  if (text.size() > kMaxFilterBytes) {
    return bad("", "longer than " + std::to_string(kMaxFilterBytes) + " bytes");
  }
  json j;
  try {
    j = json::parse(text);
  } catch (const json::parse_error& e) {
    return bad("", "not valid JSON (at byte " + std::to_string(e.byte) + ")");
  } catch (const json::exception&) {
    // nlohmann reports a number too large for a double (1e999) as out_of_range, not parse_error.
    return bad("", "not valid JSON (a number is out of range)");
  }
  return parse_json(j, options);
}

Result<Filter> parse_json(const json& j, const ParseOptions& options) {
  Parser parser(options);
  return parser.node(j, "", 0);
}

bool mentions_restricted(const Filter& filter) { return mentions(filter.node); }

}  // namespace steward::domain::segment
