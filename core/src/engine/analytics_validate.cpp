// The analytics query's whitelists and the checks that need no database.
#include <algorithm>
#include <set>

#include "domain/date.hpp"
#include "engine/analytics_query.hpp"

namespace steward::engine::analytics {
namespace {

bool known(const std::vector<std::string>& names, const std::string& name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

std::string joined(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& n : names) out += (out.empty() ? "" : ", ") + n;
  return out;
}

Status unknown(const std::string& field, const std::string& what, const std::string& name,
               const std::vector<std::string>& names) {
  return Status::invalid_field(
      field, "unknown " + what + " '" + name + "' (known: " + joined(names) + ")");
}

bool id_filter(const std::string& field) {
  return field == "fund" || field == "campaign" || field == "appeal" || field == "tag" ||
         field == "segment";
}

Status check_filter(const Filter& f, const std::string& at) {
  if (!known(filter_names(), f.field))
    return unknown(at + ".field", "filter field", f.field, filter_names());
  static const std::vector<std::string> kSetOps{"=", "!=", "in", "not_in"};
  static const std::vector<std::string> kAmountOps{"=", "!=", "<", "<=", ">", ">="};
  const auto& ops = f.field == "amount" ? kAmountOps : kSetOps;
  if (!known(ops, f.op)) return unknown(at + ".op", "operator for " + f.field, f.op, ops);
  const bool many = f.op == "in" || f.op == "not_in";
  if (f.values.empty())
    return Status::invalid_field(at + (many ? ".values" : ".value"), "is required");
  if (!many && f.values.size() != 1)
    return Status::invalid_field(at + ".value", "takes one value; use op 'in' for several");
  if (f.values.size() > 1000) return Status::invalid_field(at + ".values", "at most 1000 values");
  const bool integers = id_filter(f.field) || f.field == "amount";
  for (std::size_t i = 0; i < f.values.size(); ++i) {
    const std::string where = at + (many ? ".values[" + std::to_string(i) + "]" : ".value");
    const sdk::ValueType type = sdk::type_of(f.values[i]);
    if (integers && type != sdk::ValueType::kInteger)
      return Status::invalid_field(where, f.field == "amount"
                                              ? "must be an integer amount in minor units"
                                              : "must be an integer id");
    if (!integers && type != sdk::ValueType::kText)
      return Status::invalid_field(where, "must be text");
  }
  return Status::ok();
}

}  // namespace

const std::vector<std::string>& measure_names() {
  static const std::vector<std::string> names{"amount", "gift_count", "donor_count",    "average",
                                              "median", "new_donors", "retained_donors"};
  return names;
}

const std::vector<std::string>& dimension_names() {
  static const std::vector<std::string> names{"period", "fund",   "campaign",          "appeal",
                                              "method", "kind",   "organisation_type", "region",
                                              "tag",    "segment"};
  return names;
}

const std::vector<std::string>& filter_names() {
  static const std::vector<std::string> names{
      "fund",   "campaign", "appeal",  "method", "kind", "organisation_type",
      "region", "tag",      "segment", "amount"};
  return names;
}

const std::vector<std::string>& grain_names() {
  static const std::vector<std::string> names{"month", "quarter", "year", "fiscal_year"};
  return names;
}

Status validate(const Query& q) {
  if (q.measures.empty())
    return Status::invalid_field("measures",
                                 "name at least one (known: " + joined(measure_names()) + ")");
  std::set<std::string> seen;
  for (std::size_t i = 0; i < q.measures.size(); ++i) {
    const std::string at = "measures[" + std::to_string(i) + "]";
    if (!known(measure_names(), q.measures[i]))
      return unknown(at, "measure", q.measures[i], measure_names());
    if (!seen.insert(q.measures[i]).second) return Status::invalid_field(at, "named twice");
  }
  if (q.dimensions.size() > 4) return Status::invalid_field("dimensions", "at most 4");
  for (std::size_t i = 0; i < q.dimensions.size(); ++i) {
    const std::string at = "dimensions[" + std::to_string(i) + "]";
    if (!known(dimension_names(), q.dimensions[i]))
      return unknown(at, "dimension", q.dimensions[i], dimension_names());
    if (!seen.insert(q.dimensions[i]).second) return Status::invalid_field(at, "named twice");
  }
  if (!known(grain_names(), q.grain)) return unknown("grain", "grain", q.grain, grain_names());
  std::optional<domain::Date> from;
  std::optional<domain::Date> to;
  if (!q.from.empty()) {
    auto d = domain::Date::parse(q.from, "from");
    if (!d) return d.status();
    from = *d;
  }
  if (!q.to.empty()) {
    auto d = domain::Date::parse(q.to, "to");
    if (!d) return d.status();
    to = *d;
  }
  if (from && to && *to < *from) return Status::invalid_field("to", "must not be before from");
  for (std::size_t i = 0; i < q.filters.size(); ++i)
    if (Status s = check_filter(q.filters[i], "filters[" + std::to_string(i) + "]"); !s) return s;
  for (std::size_t i = 0; i < q.sort.size(); ++i) {
    if (!seen.count(q.sort[i].field))
      return Status::invalid_field(
          "sort[" + std::to_string(i) + "].field",
          "'" + q.sort[i].field + "' is not one of the query's measures or dimensions");
  }
  if (q.limit < 1 || q.limit > kMaxLimit)
    return Status::invalid_field("limit", "must be 1.." + std::to_string(kMaxLimit));
  if (q.fiscal_year_start_month &&
      (*q.fiscal_year_start_month < 1 || *q.fiscal_year_start_month > 12))
    return Status::invalid_field("fiscal_year_start_month", "must be 1..12");
  return Status::ok();
}

}  // namespace steward::engine::analytics
