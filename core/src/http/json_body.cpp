#include "http/json_body.hpp"

#include "domain/money.hpp"
#include "domain/validation.hpp"

namespace steward::http {

std::optional<Response> parse_json_body(const Request& request, nlohmann::json& out) {
  auto type = request.header("content-type");
  if (!type || type->rfind("application/json", 0) != 0) {
    return Response::problem(415, "unsupported-media-type", "send a JSON body",
                             "Content-Type must be application/json");
  }
  if (!domain::is_clean_text(request.body, true)) {
    return Response::problem(400, "malformed-json", "the body is not valid UTF-8 text");
  }
  bool too_deep = false;
  auto depth_guard = [&too_deep](int depth, nlohmann::json::parse_event_t, nlohmann::json&) {
    if (depth > kMaxJsonDepth) too_deep = true;
    return !too_deep;
  };
  try {
    out = nlohmann::json::parse(request.body, depth_guard);
  } catch (const nlohmann::json::parse_error& e) {
    std::string what = e.what();
    auto colon = what.find("parse error");
    return Response::problem(400, "malformed-json", "the body is not valid JSON",
                             colon == std::string::npos ? what : what.substr(colon));
  } catch (const nlohmann::json::exception&) {
    // A number too large for a double (1e999) is out_of_range in nlohmann, not parse_error.
    return Response::problem(400, "malformed-json", "the body is not valid JSON",
                             "a number is out of range");
  }
  if (too_deep) {
    return Response::problem(400, "malformed-json", "the body is nested too deeply",
                             "at most " + std::to_string(kMaxJsonDepth) + " levels");
  }
  if (!out.is_object()) {
    return Response::problem(400, "malformed-json", "the body must be a JSON object");
  }
  return std::nullopt;
}

JsonReader::JsonReader(const nlohmann::json& object, std::string prefix)
    : object_(object), prefix_(std::move(prefix)) {}

const nlohmann::json* JsonReader::field(const std::string& key, bool required) {
  seen_.insert(key);
  auto it = object_.find(key);
  if (it == object_.end() || it->is_null()) {
    if (required) error(key, "is required");
    return nullptr;
  }
  return &*it;
}

bool JsonReader::has(const std::string& key) const { return object_.contains(key); }

std::optional<std::string> JsonReader::text(const std::string& key, bool required) {
  const nlohmann::json* v = field(key, required);
  if (!v) return std::nullopt;
  if (!v->is_string()) {
    error(key, "must be a string");
    return std::nullopt;
  }
  return v->get<std::string>();
}

std::optional<long long> JsonReader::integer(const std::string& key, bool required) {
  const nlohmann::json* v = field(key, required);
  if (!v) return std::nullopt;
  if (v->is_number_unsigned() && v->get<unsigned long long>() > 9007199254740991ULL) {
    error(key, "is too large");
    return std::nullopt;
  }
  if (!v->is_number_integer()) {
    error(key, "must be a whole number");
    return std::nullopt;
  }
  long long n = v->get<long long>();
  if (n > 9007199254740991LL || n < -9007199254740991LL) {
    error(key, "is too large");
    return std::nullopt;
  }
  return n;
}

std::optional<bool> JsonReader::boolean(const std::string& key, bool required) {
  const nlohmann::json* v = field(key, required);
  if (!v) return std::nullopt;
  if (!v->is_boolean()) {
    error(key, "must be true or false");
    return std::nullopt;
  }
  return v->get<bool>();
}

std::optional<sdk::Money> JsonReader::money(const std::string& key, bool required) {
  const nlohmann::json* v = field(key, required);
  if (!v) return std::nullopt;
  if (!v->is_object()) {
    error(key, "must be an object like {\"amount\": \"50.00\", \"currency\": \"USD\"}");
    return std::nullopt;
  }
  JsonReader inner(*v, name(key) + ".");
  auto amount = inner.text("amount", true);
  auto currency = inner.text("currency", true);
  inner.seen_.insert("minor");  // echoed back by clients that round-trip money_json
  Status s = inner.finish();
  if (!s) {
    for (const FieldError& f : s.fields()) errors_.push_back(f);
    return std::nullopt;
  }
  if (!domain::is_valid_currency(*currency)) {
    error(key + ".currency", "is not an ISO 4217 currency code");
    return std::nullopt;
  }
  auto parsed = domain::parse_money(*amount, *currency);
  if (!parsed) {
    error(key + ".amount", "is not an amount in " + *currency + " (write it like \"50.00\")");
    return std::nullopt;
  }
  return parsed.value();
}

const nlohmann::json* JsonReader::object(const std::string& key, bool required) {
  const nlohmann::json* v = field(key, required);
  if (v && !v->is_object()) {
    error(key, "must be an object");
    return nullptr;
  }
  return v;
}

const nlohmann::json* JsonReader::array(const std::string& key, bool required) {
  const nlohmann::json* v = field(key, required);
  if (v && !v->is_array()) {
    error(key, "must be an array");
    return nullptr;
  }
  return v;
}

void JsonReader::error(const std::string& key, const std::string& message) {
  errors_.push_back({name(key), message});
}

Status JsonReader::finish() {
  for (auto it = object_.begin(); it != object_.end(); ++it) {
    if (!seen_.count(it.key())) errors_.push_back({name(it.key()), "is not a known field"});
  }
  if (errors_.empty()) return Status::ok();
  const FieldError& first = errors_.front();
  return Status::invalid(first.field + ": " + first.message, errors_);
}

nlohmann::json money_json(const sdk::Money& money) {
  return {{"amount", domain::format_decimal(money)},
          {"minor", money.minor},
          {"currency", money.currency}};
}

nlohmann::json date_json(const std::optional<domain::Date>& date) {
  return date ? nlohmann::json(date->to_string()) : nlohmann::json(nullptr);
}

}  // namespace steward::http
