#include "store/row_reader.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <stdexcept>

#include "domain/date.hpp"

namespace steward::store {
namespace {

std::string format_tm(const std::tm& t, bool with_time) {
  char buf[96];
  if (with_time) {
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02dZ", t.tm_year + 1900, t.tm_mon + 1,
                  t.tm_mday, t.tm_hour, t.tm_min, t.tm_sec);
  } else {
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", t.tm_year + 1900, t.tm_mon + 1, t.tm_mday);
  }
  return buf;
}

}  // namespace

std::optional<long long> RowReader::opt_integer(std::size_t i) const {
  if (is_null(i)) return std::nullopt;
  switch (row_.get_properties(i).get_data_type()) {
    case soci::dt_integer:
      return row_.get<int>(i);
    case soci::dt_long_long:
      return row_.get<long long>(i);
    case soci::dt_unsigned_long_long:
      return static_cast<long long>(row_.get<unsigned long long>(i));
    case soci::dt_double:
      return std::llround(row_.get<double>(i));
    case soci::dt_string: {
      std::string s = row_.get<std::string>(i);
      if (s == "t" || s == "true") return 1;
      if (s == "f" || s == "false") return 0;
      char* end = nullptr;
      long long v = std::strtoll(s.c_str(), &end, 10);
      if (end == s.c_str()) {
        throw std::runtime_error("column " + row_.get_properties(i).get_name() +
                                 " is not an integer: " + s);
      }
      return v;
    }
    default:
      throw std::runtime_error("column " + row_.get_properties(i).get_name() +
                               " cannot be read as an integer");
  }
}

std::optional<std::string> RowReader::opt_text(std::size_t i) const {
  if (is_null(i)) return std::nullopt;
  switch (row_.get_properties(i).get_data_type()) {
    case soci::dt_string:
    case soci::dt_xml:
    case soci::dt_blob:
      return row_.get<std::string>(i);
    case soci::dt_date:
      return format_tm(row_.get<std::tm>(i), true);
    default:
      return std::to_string(*opt_integer(i));
  }
}

std::optional<std::string> RowReader::opt_date(std::size_t i) const {
  if (is_null(i)) return std::nullopt;
  if (row_.get_properties(i).get_data_type() == soci::dt_date) {
    return format_tm(row_.get<std::tm>(i), false);
  }
  std::string s = row_.get<std::string>(i);
  return s.substr(0, 10);
}

std::optional<std::string> RowReader::opt_timestamp(std::size_t i) const {
  if (is_null(i)) return std::nullopt;
  if (row_.get_properties(i).get_data_type() == soci::dt_date) {
    return format_tm(row_.get<std::tm>(i), true);
  }
  return domain::normalize_timestamp(row_.get<std::string>(i));
}

}  // namespace steward::store
