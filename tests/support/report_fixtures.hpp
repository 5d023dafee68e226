// Fixtures for report tests: a fake QueryCapability for plugin unit tests, and helpers that
// record gifts, refunds and restricted donors for end-to-end report runs on both backends.
#pragma once

#include <deque>
#include <string>
#include <vector>

#include "steward/sdk/report.hpp"
#include "store/database.hpp"

namespace steward::testing {

// Answers each query with the next canned QueryRows (empty rows when none are left) and keeps
// the SQL and parameters it was given.
class FakeQuery : public sdk::QueryCapability {
 public:
  void answer(std::vector<std::string> columns, std::vector<std::vector<sdk::Value>> rows) {
    answers_.push_back({std::move(columns), std::move(rows)});
  }
  Result<sdk::QueryRows> query(std::string_view sql,
                               const std::vector<sdk::Value>& params) const override {
    calls.push_back({std::string(sql), params});
    if (answers_.empty()) return sdk::QueryRows{};
    sdk::QueryRows out = answers_.front();
    answers_.pop_front();
    return out;
  }
  struct Call {
    std::string sql;
    std::vector<sdk::Value> params;
  };
  mutable std::vector<Call> calls;

 private:
  mutable std::deque<sdk::QueryRows> answers_;
};

// A completed cash gift in USD to `fund` (created with make_fund when 0), returning its id.
long long give(store::Database& db, long long donor, long long amount_minor, const std::string& day,
               long long fund = 0);
// Refunds `amount_minor` (everything when 0) of a gift.
void refund(store::Database& db, long long gift, long long amount_minor, const std::string& day);
void make_restricted(store::Database& db, long long constituent);
// A fund with this code, created once per database.
long long fund_for(store::Database& db, const std::string& code);

// The text of a cell (for assertions): integers, text, dates and money minor units.
std::string cell(const sdk::Value& value);
// The row whose column `key_column` has text `key`, or fails the test.
const std::vector<sdk::Value>& row_where(const sdk::Table& table, const std::string& key_column,
                                         const std::string& key);
std::size_t column_index(const sdk::Table& table, const std::string& name);

}  // namespace steward::testing
