#include "support/report_fixtures.hpp"

#include <stdexcept>

#include <gtest/gtest.h>

#include "domain/report_parameters.hpp"
#include "store/gift_repository.hpp"
#include "support/gift_fixtures.hpp"

namespace steward::testing {
namespace {

const store::Actor kFixture{"test:fixture", ""};

}  // namespace

long long fund_for(store::Database& db, const std::string& code) {
  auto existing = db.read([&](store::Unit& u) -> Result<long long> {
    long long id = 0;
    soci::indicator ind = soci::i_null;
    u.sql() << "SELECT id FROM funds WHERE code = :c", soci::use(code), soci::into(id, ind);
    return u.sql().got_data() ? id : 0LL;
  });
  if (existing && *existing > 0) return *existing;
  return make_fund(db, code);
}

long long give(store::Database& db, long long donor, long long amount_minor, const std::string& day,
               long long fund) {
  if (fund == 0) fund = fund_for(db, "GEN");
  auto gift = db.write(kFixture, [&](store::Unit& u) {
    return store::gifts::create(u, gift_input(donor, amount_minor, day, fund));
  });
  if (!gift) throw std::runtime_error(gift.status().to_string());
  return gift->id;
}

void refund(store::Database& db, long long gift, long long amount_minor, const std::string& day) {
  auto r = db.write(kFixture, [&](store::Unit& u) {
    store::gifts::RefundInput in;
    if (amount_minor > 0) in.amount = sdk::Money{amount_minor, "USD"};
    in.refunded_on = day;
    return store::gifts::refund(u, gift, in);
  });
  if (!r) throw std::runtime_error(r.status().to_string());
}

void make_restricted(store::Database& db, long long constituent) {
  Status s = db.write(kFixture, [&](store::Unit& u) {
    u.sql() << "UPDATE constituents SET restricted = TRUE WHERE id = :id", soci::use(constituent);
    return Status::ok();
  });
  if (!s) throw std::runtime_error(s.to_string());
}

std::string cell(const sdk::Value& value) {
  if (auto* m = std::get_if<sdk::Money>(&value)) return std::to_string(m->minor);
  return domain::value_text(value);
}

std::size_t column_index(const sdk::Table& table, const std::string& name) {
  for (std::size_t i = 0; i < table.columns.size(); ++i)
    if (table.columns[i].name == name) return i;
  ADD_FAILURE() << "no column " << name;
  return 0;
}

const std::vector<sdk::Value>& row_where(const sdk::Table& table, const std::string& key_column,
                                         const std::string& key) {
  std::size_t c = column_index(table, key_column);
  for (const auto& row : table.rows)
    if (cell(row.at(c)) == key) return row;
  static const std::vector<sdk::Value> kNone;
  ADD_FAILURE() << "no row with " << key_column << " = " << key;
  return kNone;
}

}  // namespace steward::testing
