// Reading JSON request bodies strictly: the body must be a JSON object (Content-Type
// application/json), valid UTF-8, nested at most 32 levels; fields have the type the API says;
// unknown fields are refused (a typo must not be silently ignored). Every error names the field.
//
//   nlohmann::json body;
//   if (auto bad = parse_json_body(call.request, body)) return *bad;
//   JsonReader in(body);
//   auto code = in.text("code", true);
//   auto need = in.money("monthly_need", false);
//   if (Status s = in.finish(); !s) return Response::from_status(s);
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "domain/date.hpp"
#include "http/message.hpp"
#include "steward/sdk/money.hpp"

namespace steward::http {

inline constexpr int kMaxJsonDepth = 32;

// nullopt and `out` filled on success; otherwise the 400/415 problem response to send.
std::optional<Response> parse_json_body(const Request& request, nlohmann::json& out);

class JsonReader {
 public:
  explicit JsonReader(const nlohmann::json& object, std::string prefix = "");

  // Each returns nullopt when absent or null (an error when `required`) or of the wrong type.
  std::optional<std::string> text(const std::string& key, bool required);
  std::optional<long long> integer(const std::string& key, bool required);
  std::optional<bool> boolean(const std::string& key, bool required);
  // {"amount": "50.00", "currency": "USD"}: exact decimal text, never a float.
  std::optional<sdk::Money> money(const std::string& key, bool required);
  // A nested object or array (returned as is; read it with another JsonReader).
  const nlohmann::json* object(const std::string& key, bool required);
  const nlohmann::json* array(const std::string& key, bool required);
  // Whether the key was sent at all (null included): for partial updates.
  bool has(const std::string& key) const;
  // Accepts and ignores a key (read-only fields a client echoes back: id, created_at).
  void ignore(const std::string& key) { seen_.insert(key); }

  // Adds an error found by the caller.
  void error(const std::string& key, const std::string& message);
  // The first error, or an error for each unknown key; ok when everything was read cleanly.
  Status finish();

 private:
  const nlohmann::json* field(const std::string& key, bool required);
  std::string name(const std::string& key) const { return prefix_ + key; }

  const nlohmann::json& object_;
  std::string prefix_;
  std::set<std::string> seen_;
  std::vector<FieldError> errors_;
};

// {"amount": "50.00", "minor": 5000, "currency": "USD"}
nlohmann::json money_json(const sdk::Money& money);

// An optional field of a response: the value, or null when there is none.
template <typename T>
nlohmann::json optional_json(const std::optional<T>& value) {
  return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}
// An optional date of a response: "YYYY-MM-DD", or null.
nlohmann::json date_json(const std::optional<domain::Date>& date);

}  // namespace steward::http
