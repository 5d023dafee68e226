// steward/sdk/report.hpp: the Report interface. A report declares its parameters and, given
// values for them and a read-only query capability, returns a table (typed columns and rows)
// with an optional hint for drawing a chart.
//
// What the report does NOT do: write anything, check who may see it, or format for a medium.
// The QueryCapability it receives is read-only and already limited to what the requesting user
// may see (restricted records are excluded by the host); the engine renders the table as HTML,
// CSV or JSON.
//
// SQL: the capability runs one SELECT (or WITH ... SELECT) with `?` placeholders bound to the
// given values, in order, and returns every row as plain Values. Splicing user input into SQL
// text is forbidden: bind it. Portable SQL runs on both SQLite and PostgreSQL.
//
// Units: Money values are integer minor units with a currency; dates are civil dates.
// Errors: return a non-ok Result (e.g. Status::invalid_field("year", "must be 2000..2100")) for
// bad parameters; the host catches anything thrown and reports it naming the plugin.
// Ownership and threading: the host owns the report; one call at a time per object. The
// capability reference is valid only during run().
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "steward/sdk/date.hpp"
#include "steward/sdk/money.hpp"
#include "steward/sdk/result.hpp"

namespace steward::sdk {

enum class ValueType { kNull, kBoolean, kInteger, kNumber, kText, kDate, kMoney };

// One cell or parameter value. std::monostate is SQL NULL.
using Value = std::variant<std::monostate, bool, std::int64_t, double, std::string, Date, Money>;

inline ValueType type_of(const Value& value) { return static_cast<ValueType>(value.index()); }

inline const char* value_type_name(ValueType type) {
  switch (type) {
    case ValueType::kNull:
      return "null";
    case ValueType::kBoolean:
      return "boolean";
    case ValueType::kInteger:
      return "integer";
    case ValueType::kNumber:
      return "number";
    case ValueType::kText:
      return "text";
    case ValueType::kDate:
      return "date";
    case ValueType::kMoney:
      return "money";
  }
  return "null";
}

// The rows one query returned; every row has columns.size() values.
struct QueryRows {
  std::vector<std::string> columns;
  std::vector<std::vector<Value>> rows;
};

// A read-only SQL runner handed to Report::run. Implemented by the host.
class QueryCapability {
 public:
  virtual ~QueryCapability() = default;
  // Runs `sql` with `params` bound to its `?` placeholders in order. Text comes back as kText,
  // integers as kInteger, reals as kNumber, NULL as monostate (the report converts minor units
  // to Money itself, since only it knows the currency column).
  virtual Result<QueryRows> query(std::string_view sql, const std::vector<Value>& params) const = 0;
};

struct ParameterSpec {
  std::string name;   // [a-z0-9_]+, the key in run()'s params
  std::string label;  // for forms, e.g. "Fiscal year"
  ValueType type = ValueType::kText;
  Value default_value;               // monostate = no default
  std::vector<std::string> choices;  // when non-empty, the only allowed text values
  bool required = false;
};

struct Column {
  std::string name;   // a stable key, e.g. "total"
  std::string label;  // the heading shown, UTF-8
  ValueType type = ValueType::kText;
};

enum class ChartKind { kBar, kLine, kPie };

struct ChartHint {
  ChartKind kind = ChartKind::kBar;
  std::string x_column;                // a Column::name
  std::vector<std::string> y_columns;  // Column::names of numeric or money columns
};

struct Table {
  std::vector<Column> columns;
  std::vector<std::vector<Value>> rows;  // each row has columns.size() values
  std::optional<ChartHint> chart;
};

class Report {
 public:
  virtual ~Report() = default;
  Report(const Report&) = delete;
  Report& operator=(const Report&) = delete;

  virtual std::vector<ParameterSpec> parameters() const = 0;
  // `params` holds a value for every declared parameter (defaults filled in by the host,
  // types checked against the specs).
  virtual Result<Table> run(const QueryCapability& db,
                            const std::map<std::string, Value>& params) = 0;

 protected:
  Report() = default;
};

}  // namespace steward::sdk
