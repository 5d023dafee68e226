// Reads a soci::row the same way on SQLite and PostgreSQL.
//
// soci::row::get<T>() insists on the backend's own type for a column (a PostgreSQL BIGINT is
// long long, INTEGER is int, DATE is std::tm; SQLite decides per declared type), so code that
// reads rows directly works on one backend and throws std::bad_cast on the other. RowReader
// converts whatever the backend produced into the type the caller asks for:
//   integer()/flag()  from any integer, double or numeric text ('t'/'f' booleans too)
//   text()            from text, or any number / date rendered as text
//   date()            "YYYY-MM-DD" from DATE (std::tm) or text
//   timestamp()       "YYYY-MM-DDTHH:MM:SSZ" (UTC) from TIMESTAMPTZ (std::tm) or text
// Each has an opt_ form that returns std::nullopt for NULL; the plain forms throw
// std::runtime_error naming the column on NULL. Columns are read in order with the no-argument
// calls, or by index.
#pragma once

#include <cstddef>
#include <optional>
#include <string>

#include <soci/soci.h>

namespace steward::store {

class RowReader {
 public:
  explicit RowReader(const soci::row& row) : row_(row) {}

  bool is_null(std::size_t i) const { return row_.get_indicator(i) == soci::i_null; }

  std::optional<long long> opt_integer(std::size_t i) const;
  std::optional<std::string> opt_text(std::size_t i) const;
  std::optional<std::string> opt_date(std::size_t i) const;
  std::optional<std::string> opt_timestamp(std::size_t i) const;

  long long integer(std::size_t i) const { return required(opt_integer(i), i); }
  bool flag(std::size_t i) const { return integer(i) != 0; }
  std::string text(std::size_t i) const { return required(opt_text(i), i); }
  std::string date(std::size_t i) const { return required(opt_date(i), i); }
  std::string timestamp(std::size_t i) const { return required(opt_timestamp(i), i); }

  // Sequential reading: each call reads the next column.
  std::optional<long long> opt_integer() { return opt_integer(next_++); }
  std::optional<std::string> opt_text() { return opt_text(next_++); }
  std::optional<std::string> opt_date() { return opt_date(next_++); }
  std::optional<std::string> opt_timestamp() { return opt_timestamp(next_++); }
  long long integer() { return integer(next_++); }
  bool flag() { return flag(next_++); }
  std::string text() { return text(next_++); }
  std::string date() { return date(next_++); }
  std::string timestamp() { return timestamp(next_++); }
  void skip(std::size_t n = 1) { next_ += n; }

 private:
  template <typename T>
  T required(std::optional<T> v, std::size_t i) const {
    if (!v) throw std::runtime_error("column " + row_.get_properties(i).get_name() + " is NULL");
    return std::move(*v);
  }
  const soci::row& row_;
  std::size_t next_ = 0;
};

}  // namespace steward::store
