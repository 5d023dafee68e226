#include "domain/report_parameters.hpp"

#include <cerrno>
#include <cstdlib>
#include <sstream>

#include <fmt/format.h>

#include "domain/money.hpp"

namespace steward::domain {
namespace {

using sdk::Value;
using sdk::ValueType;

bool parse_int(const std::string& text, std::int64_t& out) {
  if (text.empty() || text.size() > 20) return false;
  std::size_t i = (text[0] == '-' || text[0] == '+') ? 1 : 0;
  if (i == text.size()) return false;
  for (std::size_t k = i; k < text.size(); ++k)
    if (text[k] < '0' || text[k] > '9') return false;
  errno = 0;
  char* end = nullptr;
  long long v = std::strtoll(text.c_str(), &end, 10);
  if (errno == ERANGE || *end != '\0') return false;
  out = v;
  return true;
}

bool parse_number(const std::string& text, double& out) {
  if (text.empty()) return false;
  for (char ch : text) {
    if (!((ch >= '0' && ch <= '9') || ch == '.' || ch == '-' || ch == '+')) return false;
  }
  errno = 0;
  char* end = nullptr;
  double v = std::strtod(text.c_str(), &end);
  if (errno == ERANGE || *end != '\0') return false;
  out = v;
  return true;
}

Result<Value> from_text(const sdk::ParameterSpec& spec, const std::string& text,
                        const HostDefaults& host) {
  switch (spec.type) {
    case ValueType::kText:
      return Value{text};
    case ValueType::kInteger: {
      std::int64_t v = 0;
      if (!parse_int(text, v)) return Status::invalid_field(spec.name, "must be a whole number");
      return Value{v};
    }
    case ValueType::kNumber: {
      double v = 0;
      if (!parse_number(text, v)) return Status::invalid_field(spec.name, "must be a number");
      return Value{v};
    }
    case ValueType::kBoolean:
      if (text == "true" || text == "yes" || text == "1") return Value{true};
      if (text == "false" || text == "no" || text == "0") return Value{false};
      return Status::invalid_field(spec.name, "must be true or false");
    case ValueType::kDate: {
      sdk::Date d;
      if (!sdk::Date::parse(text, d))
        return Status::invalid_field(spec.name, "must be a date YYYY-MM-DD");
      return Value{d};
    }
    case ValueType::kMoney: {
      std::string amount = text;
      std::string currency = host.base_currency;
      if (auto space = text.find(' '); space != std::string::npos) {
        amount = text.substr(0, space);
        currency = text.substr(space + 1);
      }
      if (!is_valid_currency(currency))
        return Status::invalid_field(spec.name, "unknown currency " + currency);
      auto money = parse_money(amount, currency);
      if (!money)
        return Status::invalid_field(spec.name, "must be an amount like 12.50 or 12.50 USD");
      return Value{*money};
    }
    case ValueType::kNull:
      break;
  }
  return Status::invalid_field(spec.name, "has no usable type");
}

}  // namespace

Result<Value> coerce_parameter(const sdk::ParameterSpec& spec, const Value& supplied,
                               const HostDefaults& host) {
  const ValueType got = sdk::type_of(supplied);
  Value value = supplied;
  if (got == ValueType::kText && spec.type != ValueType::kText) {
    auto parsed = from_text(spec, std::get<std::string>(supplied), host);
    if (!parsed) return parsed.status();
    value = *parsed;
  } else if (got == ValueType::kInteger && spec.type == ValueType::kNumber) {
    value = static_cast<double>(std::get<std::int64_t>(supplied));
  } else if (got != spec.type) {
    return Status::invalid_field(spec.name,
                                 fmt::format("must be {}, not {}", sdk::value_type_name(spec.type),
                                             sdk::value_type_name(got)));
  }
  if (spec.type == ValueType::kText && !spec.choices.empty()) {
    const auto& text = std::get<std::string>(value);
    bool known = false;
    std::string list;
    for (const auto& c : spec.choices) {
      known = known || c == text;
      list += (list.empty() ? "" : ", ") + c;
    }
    if (!known) return Status::invalid_field(spec.name, "must be one of: " + list);
  }
  if (spec.type == ValueType::kDate && !std::get<sdk::Date>(value).valid())
    return Status::invalid_field(spec.name, "must be a real date");
  return value;
}

Result<std::map<std::string, Value>> resolve_parameters(
    const std::vector<sdk::ParameterSpec>& specs, const std::map<std::string, Value>& supplied,
    const HostDefaults& host) {
  std::string known;
  for (const auto& s : specs) known += (known.empty() ? "" : ", ") + s.name;
  for (const auto& [name, value] : supplied) {
    bool declared = false;
    for (const auto& s : specs) declared = declared || s.name == name;
    if (!declared)
      return Status::invalid_field(
          name, "unknown parameter (known: " + (known.empty() ? std::string("none") : known) + ")");
  }
  std::map<std::string, Value> out;
  for (const auto& spec : specs) {
    Value value;
    auto it = supplied.find(spec.name);
    if (it != supplied.end() && sdk::type_of(it->second) != ValueType::kNull) {
      auto coerced = coerce_parameter(spec, it->second, host);
      if (!coerced) return coerced.status();
      value = *coerced;
    } else if (sdk::type_of(spec.default_value) != ValueType::kNull) {
      value = spec.default_value;
    } else if (spec.name == "fiscal_year_start_month" && spec.type == ValueType::kInteger) {
      value = static_cast<std::int64_t>(host.fiscal_year_start_month);
    } else if (spec.name == "as_of" && spec.type == ValueType::kDate) {
      sdk::Date today;
      if (sdk::Date::parse(host.today, today)) value = today;
    } else if (spec.name == "currency" && spec.type == ValueType::kText) {
      value = host.base_currency;
    }
    if (spec.required && sdk::type_of(value) == ValueType::kNull)
      return Status::invalid_field(spec.name, "is required");
    out[spec.name] = std::move(value);
  }
  return out;
}

std::string value_text(const Value& value) {
  switch (sdk::type_of(value)) {
    case ValueType::kNull:
      return "";
    case ValueType::kBoolean:
      return std::get<bool>(value) ? "true" : "false";
    case ValueType::kInteger:
      return std::to_string(std::get<std::int64_t>(value));
    case ValueType::kNumber: {
      std::ostringstream s;
      s.precision(15);
      s << std::get<double>(value);
      return s.str();
    }
    case ValueType::kText:
      return std::get<std::string>(value);
    case ValueType::kDate:
      return std::get<sdk::Date>(value).iso();
    case ValueType::kMoney:
      return format_decimal(std::get<sdk::Money>(value));
  }
  return "";
}

}  // namespace steward::domain
