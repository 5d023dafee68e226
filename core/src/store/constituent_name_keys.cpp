#include "store/constituent_name_keys.hpp"

#include <optional>

#include "domain/name_normalizer.hpp"
#include "domain/text.hpp"
#include "store/row_reader.hpp"
#include "store/soci_optional.hpp"

namespace steward::store::name_keys {
namespace {

void write(Unit& unit, long long id, const Keys& keys) {
  std::optional<std::string> person = domain::null_if_empty(keys.person);
  std::optional<std::string> display = domain::null_if_empty(keys.display);
  unit.sql() << "UPDATE constituents SET name_key = :p, display_name_key = :d, "
                "name_keys_ready = 1 WHERE id = :id",
      soci::use(person), soci::use(display), soci::use(id);
}

}  // namespace

Keys compute(const std::string& display_name, const std::string& first_name,
             const std::string& last_name) {
  Keys k;
  if (!display_name.empty()) k.display = domain::name_key(display_name);
  if (!last_name.empty()) k.person = domain::person_name_key(first_name, last_name);
  return k;
}

Status refresh(Unit& unit, long long id) {
  soci::row row;
  unit.sql() << "SELECT display_name, first_name, last_name FROM constituents WHERE id = :id",
      soci::use(id), soci::into(row);
  if (!unit.sql().got_data()) {
    return Status::not_found("constituent " + std::to_string(id) + " does not exist");
  }
  RowReader r(row);
  std::string display = r.opt_text().value_or("");
  std::string first = r.opt_text().value_or("");
  std::string last = r.opt_text().value_or("");
  write(unit, id, compute(display, first, last));
  return Status::ok();
}

Result<long long> fill_missing(Unit& unit) {
  long long done = 0;
  while (true) {
    struct Pending {
      long long id;
      Keys keys;
    };
    std::vector<Pending> batch;
    soci::rowset<soci::row> rs =
        (unit.sql().prepare << "SELECT id, display_name, first_name, last_name FROM constituents "
                               "WHERE name_keys_ready = 0 ORDER BY id LIMIT 5000");
    for (const soci::row& row : rs) {
      RowReader r(row);
      long long id = r.integer();
      std::string display = r.opt_text().value_or("");
      std::string first = r.opt_text().value_or("");
      std::string last = r.opt_text().value_or("");
      batch.push_back({id, compute(display, first, last)});
    }
    if (batch.empty()) return done;
    long long id = 0;
    std::optional<std::string> person, display;
    soci::statement st =
        (unit.sql().prepare << "UPDATE constituents SET name_key = :p, display_name_key = :d, "
                               "name_keys_ready = 1 WHERE id = :id",
         soci::use(person), soci::use(display), soci::use(id));
    for (const Pending& p : batch) {
      id = p.id;
      person = domain::null_if_empty(p.keys.person);
      display = domain::null_if_empty(p.keys.display);
      st.execute(true);
    }
    done += static_cast<long long>(batch.size());
  }
}

Result<std::vector<long long>> find(Unit& unit, const std::string& key) {
  std::vector<long long> out;
  if (key.empty()) return out;
  soci::rowset<soci::row> rs =
      (unit.sql().prepare << "SELECT id FROM constituents WHERE (name_key = :k1 OR "
                             "display_name_key = :k2) AND deleted_at IS NULL AND "
                             "merged_into_id IS NULL AND erased_at IS NULL ORDER BY id",
       soci::use(key), soci::use(key));
  for (const soci::row& row : rs) out.push_back(RowReader(row).integer(0));
  return out;
}

}  // namespace steward::store::name_keys
