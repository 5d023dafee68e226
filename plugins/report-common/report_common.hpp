// Shared by the built-in report plugins: civil-date arithmetic and fiscal years, reading the
// plain values a QueryCapability returns, money rounding and parameter specs. SDK only.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "steward/sdk/report.hpp"

namespace steward::reports {

using sdk::Date;
using sdk::Value;

// Days since 1970-01-01 and back (proleptic Gregorian).
std::int64_t days_from_civil(const Date& d);
Date civil_from_days(std::int64_t days);
Date add_days(const Date& d, std::int64_t days);
// The same day `years` later; 29 February becomes 28 February in a common year.
Date add_years(const Date& d, int years);

// Fiscal years are named by the calendar year they end in (July start: 2025-07-01..2026-06-30
// is FY2026), as in the rest of Steward. start_month 1 = calendar years.
int fiscal_year_of(const Date& d, int start_month);
Date fiscal_year_start(int fiscal_year, int start_month);
Date fiscal_year_end(int fiscal_year, int start_month);

// Reading cells: integers (also integral reals and numeric text), text, dates from text.
std::int64_t as_int(const Value& v);
std::string as_text(const Value& v);
Date as_date(const Value& v);
bool is_null(const Value& v);

// a / b rounded half away from zero (b > 0).
std::int64_t divide_rounded(std::int64_t a, std::int64_t b);
// part / whole as a percentage rounded to two decimals; 0 when whole is 0.
double percent(std::int64_t part, std::int64_t whole);
// True when the capability runs on PostgreSQL, for the few places where its SQL is much faster
// than the portable form (ordered-set aggregates). Asks `SELECT version()`: SQLite has no such
// function and refuses the statement when preparing it, which spoils no transaction.
bool is_postgresql(const sdk::QueryCapability& db);

// Parameter specs used by several reports.
sdk::ParameterSpec as_of_parameter();
sdk::ParameterSpec fiscal_start_parameter();
sdk::ParameterSpec counting_parameter();  // individual | household
sdk::ParameterSpec flag_parameter(const std::string& name, const std::string& label, bool value);

// The SQL expression of the counting unit in analytics_gifts: the donor, or the household the
// donor belonged to on the gift's date (the donor when none).
const char* unit_expression(const std::string& counting);

// Values from run()'s params.
Date date_param(const std::map<std::string, Value>& p, const std::string& name);
std::int64_t int_param(const std::map<std::string, Value>& p, const std::string& name);
std::string text_param(const std::map<std::string, Value>& p, const std::string& name);
bool flag_param(const std::map<std::string, Value>& p, const std::string& name);

// Checks fiscal_year_start_month is 1..12 (invalid_field otherwise).
Status check_start_month(std::int64_t month);

}  // namespace steward::reports
