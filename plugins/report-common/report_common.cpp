#include "report_common.hpp"

#include <cstdlib>

namespace steward::reports {

std::int64_t days_from_civil(const Date& d) {
  std::int64_t y = d.year - (d.month <= 2 ? 1 : 0);
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const std::int64_t yoe = y - era * 400;
  const std::int64_t m = d.month;
  const std::int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d.day - 1;
  const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

Date civil_from_days(std::int64_t z) {
  z += 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const std::int64_t doe = z - era * 146097;
  const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t y = yoe + era * 400;
  const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const std::int64_t mp = (5 * doy + 2) / 153;
  const std::int64_t d = doy - (153 * mp + 2) / 5 + 1;
  const std::int64_t m = mp + (mp < 10 ? 3 : -9);
  return Date{static_cast<int>(y + (m <= 2 ? 1 : 0)), static_cast<int>(m), static_cast<int>(d)};
}

Date add_days(const Date& d, std::int64_t days) {
  return civil_from_days(days_from_civil(d) + days);
}

Date add_years(const Date& d, int years) {
  Date out{d.year + years, d.month, d.day};
  if (!out.valid()) out.day = 28;
  return out;
}

int fiscal_year_of(const Date& d, int start_month) {
  if (start_month <= 1) return d.year;
  return d.month >= start_month ? d.year + 1 : d.year;
}

Date fiscal_year_start(int fiscal_year, int start_month) {
  if (start_month <= 1) return Date{fiscal_year, 1, 1};
  return Date{fiscal_year - 1, start_month, 1};
}

Date fiscal_year_end(int fiscal_year, int start_month) {
  return add_days(fiscal_year_start(fiscal_year + 1, start_month), -1);
}

bool is_null(const Value& v) { return std::holds_alternative<std::monostate>(v); }

std::int64_t as_int(const Value& v) {
  if (auto* i = std::get_if<std::int64_t>(&v)) return *i;
  if (auto* d = std::get_if<double>(&v)) return static_cast<std::int64_t>(*d);
  if (auto* b = std::get_if<bool>(&v)) return *b ? 1 : 0;
  if (auto* s = std::get_if<std::string>(&v)) return std::strtoll(s->c_str(), nullptr, 10);
  if (auto* m = std::get_if<sdk::Money>(&v)) return m->minor;
  return 0;
}

std::string as_text(const Value& v) {
  if (auto* s = std::get_if<std::string>(&v)) return *s;
  if (auto* i = std::get_if<std::int64_t>(&v)) return std::to_string(*i);
  if (auto* d = std::get_if<Date>(&v)) return d->iso();
  return "";
}

Date as_date(const Value& v) {
  if (auto* d = std::get_if<Date>(&v)) return *d;
  Date out;
  Date::parse(as_text(v).substr(0, 10), out);
  return out;
}

std::int64_t divide_rounded(std::int64_t a, std::int64_t b) {
  if (b == 0) return 0;
  const std::int64_t q = a / b;
  const std::int64_t r = a % b;
  if (2 * (r < 0 ? -r : r) >= b) return q + (a < 0 ? -1 : 1);
  return q;
}

double percent(std::int64_t part, std::int64_t whole) {
  if (whole == 0) return 0.0;
  // Exact to two decimals: basis points of ten-thousandths, rounded half away from zero.
  return static_cast<double>(divide_rounded(part * 10000, whole)) / 100.0;
}

bool is_postgresql(const sdk::QueryCapability& db) {
  return db.query("SELECT version()", {}).is_ok();
}

sdk::ParameterSpec as_of_parameter() {
  sdk::ParameterSpec p;
  p.name = "as_of";
  p.label = "As of (default today)";
  p.type = sdk::ValueType::kDate;
  return p;
}

sdk::ParameterSpec fiscal_start_parameter() {
  sdk::ParameterSpec p;
  p.name = "fiscal_year_start_month";
  p.label = "Fiscal year starts in month (default: the organisation setting)";
  p.type = sdk::ValueType::kInteger;
  return p;
}

sdk::ParameterSpec counting_parameter() {
  sdk::ParameterSpec p;
  p.name = "counting";
  p.label = "Count individuals or households";
  p.type = sdk::ValueType::kText;
  p.default_value = std::string("individual");
  p.choices = {"individual", "household"};
  return p;
}

sdk::ParameterSpec flag_parameter(const std::string& name, const std::string& label, bool value) {
  sdk::ParameterSpec p;
  p.name = name;
  p.label = label;
  p.type = sdk::ValueType::kBoolean;
  p.default_value = value;
  return p;
}

const char* unit_expression(const std::string& counting) {
  return counting == "household" ? "COALESCE(household_id, constituent_id)" : "constituent_id";
}

Date date_param(const std::map<std::string, Value>& p, const std::string& name) {
  auto it = p.find(name);
  if (it == p.end()) return Date{};
  return as_date(it->second);
}

std::int64_t int_param(const std::map<std::string, Value>& p, const std::string& name) {
  auto it = p.find(name);
  return it == p.end() ? 0 : as_int(it->second);
}

std::string text_param(const std::map<std::string, Value>& p, const std::string& name) {
  auto it = p.find(name);
  return it == p.end() ? "" : as_text(it->second);
}

bool flag_param(const std::map<std::string, Value>& p, const std::string& name) {
  auto it = p.find(name);
  if (it == p.end()) return false;
  if (auto* b = std::get_if<bool>(&it->second)) return *b;
  return as_int(it->second) != 0;
}

Status check_start_month(std::int64_t month) {
  if (month < 1 || month > 12)
    return Status::invalid_field("fiscal_year_start_month", "must be 1..12");
  return Status::ok();
}

}  // namespace steward::reports
