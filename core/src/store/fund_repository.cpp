#include "store/fund_repository.hpp"

#include <nlohmann/json.hpp>

#include "domain/date.hpp"
#include "store/audit.hpp"
#include "store/row_reader.hpp"
#include "store/soci_optional.hpp"

namespace steward::store::funds {
namespace {

const char* kFundColumns =
    "id, code, name, program, description, restricted, active, monthly_need_minor, "
    "monthly_need_currency, people_served, created_at, updated_at";

domain::Fund fund_from_row(const soci::row& row) {
  RowReader r(row);
  domain::Fund f;
  f.id = r.integer();
  f.code = r.text();
  f.name = r.text();
  f.program = r.opt_text();
  f.description = r.opt_text();
  f.restricted = r.flag();
  f.active = r.flag();
  auto need = r.opt_integer();
  auto need_currency = r.opt_text();
  if (need && need_currency) f.monthly_need = sdk::Money{*need, *need_currency};
  f.people_served = r.opt_integer();
  f.created_at = r.timestamp();
  f.updated_at = r.timestamp();
  return f;
}

nlohmann::json fund_to_json(const domain::Fund& f) {
  nlohmann::json j = {{"id", f.id},
                      {"code", f.code},
                      {"name", f.name},
                      {"restricted", f.restricted},
                      {"active", f.active}};
  if (f.program) j["program"] = *f.program;
  if (f.description) j["description"] = *f.description;
  if (f.monthly_need) {
    j["monthly_need"] = {{"minor", f.monthly_need->minor}, {"currency", f.monthly_need->currency}};
  }
  if (f.people_served) j["people_served"] = *f.people_served;
  return j;
}

// Binds the input's columns in a fixed order for INSERT and UPDATE.
struct FundBinds {
  std::optional<long long> need_minor;
  std::optional<std::string> need_currency;
  int restricted;
  int active;
  explicit FundBinds(const domain::FundInput& in)
      : restricted(in.restricted ? 1 : 0), active(in.active ? 1 : 0) {
    if (in.monthly_need) {
      need_minor = in.monthly_need->minor;
      need_currency = in.monthly_need->currency;
    }
  }
};

}  // namespace

Result<domain::Fund> get(Unit& unit, long long id) {
  soci::row row;
  unit.sql() << "SELECT " + std::string(kFundColumns) + " FROM funds WHERE id = :id", soci::use(id),
      soci::into(row);
  if (!unit.sql().got_data())
    return Status::not_found("fund " + std::to_string(id) + " does not exist");
  return fund_from_row(row);
}

Result<domain::Fund> get_by_code(Unit& unit, const std::string& code) {
  soci::row row;
  unit.sql() << "SELECT " + std::string(kFundColumns) + " FROM funds WHERE code = :code",
      soci::use(code), soci::into(row);
  if (!unit.sql().got_data()) return Status::not_found("fund '" + code + "' does not exist");
  return fund_from_row(row);
}

Result<domain::Fund> create(Unit& unit, const domain::FundInput& input) {
  if (Status s = domain::validate(input); !s) return s;
  long long taken = 0;
  unit.sql() << "SELECT COUNT(*) FROM funds WHERE code = :code", soci::use(input.code),
      soci::into(taken);
  if (taken > 0) return Status::conflict("a fund with code '" + input.code + "' already exists");
  FundBinds b(input);
  std::string now = domain::utc_now_iso();
  long long id = 0;
  unit.sql() << "INSERT INTO funds (code, name, program, description, restricted, active, "
                "monthly_need_minor, monthly_need_currency, people_served, created_at, updated_at) "
                "VALUES (:code, :name, :program, :description, :restricted, :active, :need, "
                ":need_currency, :people, :created, :updated) RETURNING id",
      soci::use(input.code), soci::use(input.name), soci::use(input.program),
      soci::use(input.description), soci::use(b.restricted), soci::use(b.active),
      soci::use(b.need_minor), soci::use(b.need_currency), soci::use(input.people_served),
      soci::use(now), soci::use(now), soci::into(id);
  auto created = get(unit, id);
  if (created) record_audit(unit, "create", "fund", id, nullptr, fund_to_json(*created));
  return created;
}

Result<domain::Fund> update(Unit& unit, long long id, const domain::FundInput& input) {
  if (Status s = domain::validate(input); !s) return s;
  auto before = get(unit, id);
  if (!before) return before.status();
  long long taken = 0;
  unit.sql() << "SELECT COUNT(*) FROM funds WHERE code = :code AND id <> :id",
      soci::use(input.code), soci::use(id), soci::into(taken);
  if (taken > 0) return Status::conflict("a fund with code '" + input.code + "' already exists");
  FundBinds b(input);
  std::string now = domain::utc_now_iso();
  unit.sql() << "UPDATE funds SET code = :code, name = :name, program = :program, "
                "description = :description, restricted = :restricted, active = :active, "
                "monthly_need_minor = :need, monthly_need_currency = :need_currency, "
                "people_served = :people, updated_at = :updated WHERE id = :id",
      soci::use(input.code), soci::use(input.name), soci::use(input.program),
      soci::use(input.description), soci::use(b.restricted), soci::use(b.active),
      soci::use(b.need_minor), soci::use(b.need_currency), soci::use(input.people_served),
      soci::use(now), soci::use(id);
  auto after = get(unit, id);
  if (after) record_audit(unit, "update", "fund", id, fund_to_json(*before), fund_to_json(*after));
  return after;
}

Result<Page<domain::Fund>> list(Unit& unit, const ListFilter& filter) {
  int limit = clamp_limit(filter.page.limit);
  int fetch = limit + 1;
  // Keyset on (name, id): the page starts after the last row of the previous one.
  std::string after_name;
  long long after_id = filter.page.after_id;
  if (after_id > 0) {
    auto last = get(unit, after_id);
    if (!last) return Status::invalid_field("after", "the cursor no longer points at a fund");
    after_name = last->name;
  }
  int active_filter = filter.active.value_or(true) ? 1 : 0;
  int has_active_filter = filter.active.has_value() ? 1 : 0;
  int has_cursor = after_id > 0 ? 1 : 0;
  soci::rowset<soci::row> rows =
      (unit.sql().prepare << "SELECT " + std::string(kFundColumns) +
                                 " FROM funds WHERE (:has_active = 0 OR active = (:active = 1)) "
                                 "AND (:has_cursor = 0 OR name > :after_name OR "
                                 "(name = :after_name2 AND id > :after_id)) "
                                 "ORDER BY name, id LIMIT :fetch",
       soci::use(has_active_filter), soci::use(active_filter), soci::use(has_cursor),
       soci::use(after_name), soci::use(after_name), soci::use(after_id), soci::use(fetch));
  Page<domain::Fund> page;
  for (const soci::row& r : rows) page.items.push_back(fund_from_row(r));
  if (static_cast<int>(page.items.size()) > limit) {
    page.items.pop_back();
    page.next_after_id = page.items.back().id;
  }
  return page;
}

}  // namespace steward::store::funds
