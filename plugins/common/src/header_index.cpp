#include "steward/plugin_common/header_index.hpp"

#include "steward/plugin_common/text.hpp"

namespace steward::plugin_common {

HeaderIndex::HeaderIndex(const std::vector<std::string>& names) : names_(names) {
  keys_.reserve(names.size());
  for (std::size_t i = 0; i < names.size(); ++i) {
    keys_.push_back(normalize_name(names[i]));
    if (!keys_.back().empty()) named_width_ = i + 1;
  }
}

Column HeaderIndex::find(std::string_view name) const {
  std::string key = normalize_name(name);
  for (std::size_t i = 0; i < keys_.size(); ++i) {
    if (keys_[i] == key) return i;
  }
  return std::nullopt;
}

Column HeaderIndex::find_any(std::initializer_list<std::string_view> names) const {
  for (auto name : names) {
    if (auto column = find(name)) return column;
  }
  return std::nullopt;
}

std::string_view cell(const std::vector<std::string>& fields, Column column) {
  if (!column || *column >= fields.size()) return {};
  return trim(fields[*column]);
}

}  // namespace steward::plugin_common
