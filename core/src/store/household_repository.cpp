#include "store/household_repository.hpp"

#include "store/giving_summary_repository.hpp"

#include <nlohmann/json.hpp>

#include "domain/date.hpp"
#include "domain/validation.hpp"
#include "store/audit.hpp"
#include "store/constituent_repository.hpp"
#include "store/row_reader.hpp"
#include "store/soci_optional.hpp"

namespace steward::store::households {
namespace {

const std::string kHouseholdSelect =
    "SELECT m.id, m.household_id, m.member_id, c.display_name, m.role, m.started_on, "
    "m.ended_on, c.erased_at FROM household_members m JOIN constituents c ON c.id = m.member_id ";

Membership household_from_row(const soci::row& row) {
  RowReader r(row);
  Membership m;
  m.id = r.integer();
  m.household_id = r.integer();
  m.member_id = r.integer();
  m.member_name = r.text();
  m.role = r.text();
  m.started_on = r.opt_date();
  m.ended_on = r.opt_date();
  m.member_erased_at = r.opt_timestamp();
  return m;
}

nlohmann::json household_to_json(const Membership& m) {
  nlohmann::json j = {
      {"id", m.id}, {"household_id", m.household_id}, {"member_id", m.member_id}, {"role", m.role}};
  if (m.started_on) j["started_on"] = *m.started_on;
  if (m.ended_on) j["ended_on"] = *m.ended_on;
  return j;
}

Result<std::vector<Membership>> household_query(Unit& unit, const std::string& where,
                                                long long id) {
  soci::rowset<soci::row> rows = (unit.sql().prepare << kHouseholdSelect + where, soci::use(id));
  std::vector<Membership> out;
  for (const soci::row& r : rows) out.push_back(household_from_row(r));
  return out;
}

// The member must be a live individual without a current household.
Status check_member(Unit& unit, long long member_id, const std::string& field) {
  auto person = constituents::get(unit, member_id);
  if (!person) return person.status();
  if (person->kind != domain::kIndividual)
    return Status::invalid_field(field, "only individuals can be household members (" +
                                            std::to_string(member_id) + " is " + person->kind +
                                            ")");
  long long current = 0;
  unit.sql() << "SELECT COUNT(*) FROM household_members WHERE member_id = :m AND ended_on IS "
                "NULL",
      soci::use(member_id), soci::into(current);
  if (current > 0)
    return Status::conflict(person->name() + " (" + std::to_string(member_id) +
                            ") already belongs to a household; remove them from it first");
  return Status::ok();
}

Result<Membership> insert_member(Unit& unit, long long household_id, long long member_id,
                                 const std::string& role) {
  std::string now = domain::utc_now_iso();
  std::string today = domain::Date::today().to_string();
  long long id = 0;
  unit.sql() << "INSERT INTO household_members (household_id, member_id, role, started_on, "
                "created_at, updated_at) VALUES (:h, :m, :role, :started, :created, :updated) "
                "RETURNING id",
      soci::use(household_id), soci::use(member_id), soci::use(role), soci::use(today),
      soci::use(now), soci::use(now), soci::into(id);
  auto rows = household_query(unit, "WHERE m.id = :id", id);
  if (!rows) return rows.status();
  Membership m = rows->at(0);
  record_audit(unit, "create", "household_member", id, nullptr, household_to_json(m));
  // The household's totals count a member's gifts from the day they joined.
  if (Status s = giving::recompute(unit, household_id); !s) return s;
  return m;
}

}  // namespace

Result<domain::Constituent> create(Unit& unit, const HouseholdInput& input) {
  if (input.member_ids.empty() && (!input.name || input.name->empty()))
    return Status::invalid_field("name", "give a name or at least one member");
  if (Status s = domain::check_text("name", input.name); !s) return s;
  for (std::size_t i = 0; i < input.member_ids.size(); ++i) {
    for (std::size_t j = 0; j < i; ++j) {
      if (input.member_ids[i] == input.member_ids[j])
        return Status::invalid_field(
            "member_ids", "member " + std::to_string(input.member_ids[i]) + " is listed twice");
    }
    if (Status s = check_member(unit, input.member_ids[i], "member_ids"); !s) return s;
  }
  domain::ConstituentInput hh;
  hh.kind = std::string(domain::kHousehold);
  if (!input.member_ids.empty()) {
    auto first = constituents::get(unit, input.member_ids.front());
    if (!first) return first.status();
    hh.last_name = first->last_name;
  }
  if (input.name && input.name->find_first_not_of(" \t") != std::string::npos)
    hh.display_name = input.name;
  auto made = constituents::create(unit, hh);
  if (!made) return made.status();
  for (long long member : input.member_ids) {
    auto m = insert_member(unit, made->id, member, "member");
    if (!m) return m.status();
  }
  return made;
}

Result<Membership> add_member(Unit& unit, long long household_id, long long member_id,
                              const std::string& role) {
  if (Status s =
          domain::require_one_of("role", role, {"head", "spouse", "partner", "child", "member"});
      !s)
    return s;
  auto household = constituents::get(unit, household_id);
  if (!household) return household.status();
  if (household->kind != domain::kHousehold)
    return Status::invalid_field("household_id",
                                 std::to_string(household_id) + " is not a household");
  if (Status s = check_member(unit, member_id, "member_id"); !s) return s;
  return insert_member(unit, household_id, member_id, role);
}

Status remove_member(Unit& unit, long long household_id, long long member_id) {
  soci::row row;
  unit.sql() << kHouseholdSelect +
                    "WHERE m.household_id = :h AND m.member_id = :m AND m.ended_on IS NULL",
      soci::use(household_id), soci::use(member_id), soci::into(row);
  if (!unit.sql().got_data())
    return Status::not_found("constituent " + std::to_string(member_id) +
                             " is not a current member of household " +
                             std::to_string(household_id));
  Membership before = household_from_row(row);
  std::string now = domain::utc_now_iso();
  std::string today = domain::Date::today().to_string();
  unit.sql() << "UPDATE household_members SET ended_on = :ended, updated_at = :updated WHERE id = "
                ":id",
      soci::use(today), soci::use(now), soci::use(before.id);
  Membership after = before;
  after.ended_on = today;
  record_audit(unit, "update", "household_member", before.id, household_to_json(before),
               household_to_json(after));
  // Past gifts stay with the household (docs/giving-rules.md); recompute from the dates.
  if (Status s = giving::recompute(unit, household_id); !s) return s;
  return giving::recompute(unit, member_id);
}

Result<std::vector<Membership>> members(Unit& unit, long long household_id) {
  return household_query(unit, "WHERE m.household_id = :h AND m.ended_on IS NULL ORDER BY m.id",
                         household_id);
}

Result<std::vector<Membership>> history(Unit& unit, long long household_id) {
  return household_query(unit, "WHERE m.household_id = :h ORDER BY m.id", household_id);
}

Result<std::optional<Membership>> household_of(Unit& unit, long long member_id) {
  auto rows = household_query(unit, "WHERE m.member_id = :m AND m.ended_on IS NULL", member_id);
  if (!rows) return rows.status();
  if (rows->empty()) return std::optional<Membership>();
  return std::optional<Membership>(rows->front());
}

}  // namespace steward::store::households
