#include "plugins/config_schema.hpp"

#include <regex>

namespace steward::plugins {
namespace {

using nlohmann::json;

bool type_matches(const std::string& type, const json& value) {
  if (type == "object") return value.is_object();
  if (type == "string") return value.is_string();
  if (type == "integer") return value.is_number_integer();
  if (type == "number") return value.is_number();
  if (type == "boolean") return value.is_boolean();
  if (type == "array") return value.is_array();
  if (type == "null") return value.is_null();
  return true;  // unknown types are not enforced
}

std::string number_text(const json& n) {
  return n.is_number_integer() ? std::to_string(n.get<long long>()) : n.dump();
}

Status schema_check(const json& schema, const json& value, const std::string& path) {
  if (!schema.is_object()) return Status::ok();
  if (auto t = schema.find("type"); t != schema.end() && t->is_string()) {
    if (!type_matches(t->get<std::string>(), value)) {
      std::string type = t->get<std::string>();
      std::string article =
          (type == "object" || type == "integer" || type == "array") ? "an " : "a ";
      return Status::invalid_field(path, "must be " + article + type);
    }
  }
  if (auto e = schema.find("enum"); e != schema.end() && e->is_array()) {
    bool found = false;
    std::string allowed;
    for (const auto& option : *e) {
      if (option == value) found = true;
      allowed += (allowed.empty() ? "" : ", ") + option.dump();
    }
    if (!found) return Status::invalid_field(path, "must be one of " + allowed);
  }
  if (value.is_number()) {
    if (auto m = schema.find("minimum");
        m != schema.end() && m->is_number() && value.get<double>() < m->get<double>()) {
      return Status::invalid_field(path, "must be at least " + number_text(*m));
    }
    if (auto m = schema.find("maximum");
        m != schema.end() && m->is_number() && value.get<double>() > m->get<double>()) {
      return Status::invalid_field(path, "must be at most " + number_text(*m));
    }
  }
  if (value.is_string()) {
    const auto& text = value.get_ref<const std::string&>();
    if (auto m = schema.find("minLength");
        m != schema.end() && m->is_number_integer() && text.size() < m->get<std::size_t>()) {
      return Status::invalid_field(path, "must be at least " + number_text(*m) + " bytes long");
    }
    if (auto m = schema.find("maxLength");
        m != schema.end() && m->is_number_integer() && text.size() > m->get<std::size_t>()) {
      return Status::invalid_field(path, "must be at most " + number_text(*m) + " bytes long");
    }
    if (auto p = schema.find("pattern"); p != schema.end() && p->is_string()) {
      try {
        if (!std::regex_search(text, std::regex(p->get<std::string>()))) {
          return Status::invalid_field(path, "must match " + p->get<std::string>());
        }
      } catch (const std::regex_error&) {
        return Status::invalid_field(path, "the plugin's schema has a bad pattern");
      }
    }
  }
  if (value.is_array()) {
    if (auto items = schema.find("items"); items != schema.end()) {
      for (std::size_t i = 0; i < value.size(); ++i) {
        if (Status s = schema_check(*items, value[i], path + "[" + std::to_string(i) + "]"); !s)
          return s;
      }
    }
  }
  if (value.is_object()) {
    json properties = schema.value("properties", json::object());
    if (auto r = schema.find("required"); r != schema.end() && r->is_array()) {
      for (const auto& key : *r) {
        if (key.is_string() && !value.contains(key.get<std::string>())) {
          return Status::invalid_field(path + "." + key.get<std::string>(), "is required");
        }
      }
    }
    bool closed = schema.contains("additionalProperties") &&
                  schema["additionalProperties"].is_boolean() &&
                  !schema["additionalProperties"].get<bool>();
    for (const auto& [key, item] : value.items()) {
      std::string child = path + "." + key;
      if (properties.contains(key)) {
        if (Status s = schema_check(properties[key], item, child); !s) return s;
      } else if (closed) {
        return Status::invalid_field(child, "is not a setting of this plugin");
      }
    }
  }
  return Status::ok();
}

}  // namespace

Status validate_config(const std::string& schema_text, const json& config) {
  if (!config.is_object()) return Status::invalid_field("config", "must be a JSON object");
  if (schema_text.empty() || schema_text == "{}") {
    if (config.empty()) return Status::ok();
    return Status::invalid_field("config." + config.begin().key(),
                                 "is not a setting of this plugin (it takes no configuration)");
  }
  json schema = json::parse(schema_text, nullptr, false);
  if (schema.is_discarded() || !schema.is_object()) {
    return Status::invalid_field("config_schema", "the plugin's config schema is not JSON");
  }
  return schema_check(schema, config, "config");
}

Status apply_settings(json& config, const std::vector<std::string>& settings) {
  if (!config.is_object()) config = json::object();
  for (const std::string& setting : settings) {
    auto eq = setting.find('=');
    if (eq == std::string::npos || eq == 0) {
      return Status::invalid_field("set", "'" + setting + "' is not key=value");
    }
    std::string key = setting.substr(0, eq);
    std::string text = setting.substr(eq + 1);
    json* target = &config;
    std::size_t start = 0;
    std::size_t dot;
    while ((dot = key.find('.', start)) != std::string::npos) {
      std::string part = key.substr(start, dot - start);
      if (part.empty()) return Status::invalid_field("set", "'" + key + "' has an empty part");
      json& next = (*target)[part];
      if (!next.is_object()) next = json::object();
      target = &next;
      start = dot + 1;
    }
    std::string last = key.substr(start);
    if (last.empty()) return Status::invalid_field("set", "'" + key + "' has an empty part");
    if (text.empty()) {
      target->erase(last);
      continue;
    }
    json parsed = json::parse(text, nullptr, false);
    bool structured = !parsed.is_discarded() && !parsed.is_string();
    (*target)[last] = structured ? parsed : json(text);
  }
  return Status::ok();
}

}  // namespace steward::plugins
