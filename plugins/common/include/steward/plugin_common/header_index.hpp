// steward/plugin_common/header_index.hpp: find columns of a CSV header by name.
//
// Names compare case-insensitively after trimming (normalize_name), so "Customer Email",
// " customer email" and "CUSTOMER\u00a0EMAIL" are one column. The first of equal names wins.
#pragma once

#include <cstddef>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace steward::plugin_common {

using Column = std::optional<std::size_t>;

class HeaderIndex {
 public:
  HeaderIndex() = default;
  explicit HeaderIndex(const std::vector<std::string>& names);

  Column find(std::string_view name) const;
  // The first of `names` present.
  Column find_any(std::initializer_list<std::string_view> names) const;
  bool has(std::string_view name) const { return find(name).has_value(); }

  std::size_t size() const { return names_.size(); }
  // Columns up to the last one with a name (ragged headers end in empty names).
  std::size_t named_width() const { return named_width_; }
  const std::string& name(std::size_t i) const { return names_[i]; }       // as in the file
  const std::string& normalized(std::size_t i) const { return keys_[i]; }  // as compared

 private:
  std::vector<std::string> names_;
  std::vector<std::string> keys_;
  std::size_t named_width_ = 0;
};

// The trimmed text of `column` in `fields`, or "" when the column is absent or the row short.
std::string_view cell(const std::vector<std::string>& fields, Column column);

}  // namespace steward::plugin_common
