// The row moves of a constituent merge (see merge_service.hpp). Table and column names below
// are constants; every value is bound.
#include <algorithm>
#include <functional>
#include <map>
#include <set>
#include <tuple>

#include "domain/date.hpp"
#include "domain/name_normalizer.hpp"
#include "engine/merge_service.hpp"
#include "store/row_reader.hpp"

namespace steward::engine::merge::detail {
namespace {

using store::RowReader;
using store::Unit;

long long affected(soci::statement& st) { return st.get_affected_rows(); }

void delete_row(Unit& unit, const std::string& table, long long id) {
  unit.sql() << "DELETE FROM " + table + " WHERE id = :id", soci::use(id);
}

// Booleans are bound (0/1 is accepted by SQLite INTEGER and PostgreSQL BOOLEAN alike).
const int kYes = 1;
const int kNo = 0;

struct Point {
  long long id;
  long long owner;
  std::string key;
  bool primary;
};

// Moves one kind of contact point: a value the survivor (or an earlier loser) already has is
// dropped, the rest move as non-primary; then the survivor ends with exactly one primary.
nlohmann::json move_points(Unit& unit, const std::string& table, const std::string& value_sql,
                           const std::function<std::string(RowReader&)>& key_of, long long survivor,
                           const std::vector<long long>& losers) {
  std::vector<long long> owners{survivor};
  owners.insert(owners.end(), losers.begin(), losers.end());
  std::vector<Point> points;
  for (long long owner : owners) {
    soci::rowset<soci::row> rows =
        (unit.sql().prepare << "SELECT id, is_primary, " + value_sql + " FROM " + table +
                                   " WHERE constituent_id = :c ORDER BY is_primary DESC, id",
         soci::use(owner));
    for (const soci::row& row : rows) {
      RowReader r(row);
      Point p;
      p.id = r.integer();
      p.primary = r.flag();
      p.owner = owner;
      p.key = key_of(r);
      points.push_back(std::move(p));
    }
  }
  std::set<std::string> seen;
  bool has_primary = false;
  long long promote = 0;
  int moved = 0, dropped = 0;
  std::string now = domain::utc_now_iso();
  for (const Point& p : points) {
    if (p.owner == survivor) {
      seen.insert(p.key);
      has_primary = has_primary || p.primary;
      continue;
    }
    if (seen.count(p.key)) {
      delete_row(unit, table, p.id);
      ++dropped;
      continue;
    }
    seen.insert(p.key);
    unit.sql() << "UPDATE " + table +
                      " SET constituent_id = :s, is_primary = :p, updated_at = :u WHERE id = :id",
        soci::use(survivor), soci::use(kNo), soci::use(now), soci::use(p.id);
    ++moved;
    if (p.primary && promote == 0) promote = p.id;
  }
  if (!has_primary) {
    if (promote == 0) {
      soci::indicator ind = soci::i_null;
      long long first = 0;
      unit.sql() << "SELECT MIN(id) FROM " + table + " WHERE constituent_id = :s",
          soci::use(survivor), soci::into(first, ind);
      if (ind == soci::i_ok) promote = first;
    }
    if (promote != 0)
      unit.sql() << "UPDATE " + table + " SET is_primary = :p, updated_at = :u WHERE id = :id",
          soci::use(kYes), soci::use(now), soci::use(promote);
  }
  return {{"moved", moved}, {"dropped_duplicates", dropped}};
}

}  // namespace

nlohmann::json move_contact_points(Unit& unit, long long survivor,
                                   const std::vector<long long>& losers) {
  nlohmann::json out;
  out["emails"] = move_points(
      unit, "emails", "email", [](RowReader& r) { return domain::normalize_email(r.text()); },
      survivor, losers);
  out["phones"] = move_points(
      unit, "phones", "phone",
      [](RowReader& r) {
        std::string raw = r.text();
        std::string key = domain::normalize_phone(raw);
        return key.empty() ? raw : key;
      },
      survivor, losers);
  out["addresses"] = move_points(
      unit, "addresses", "line1, postal_code",
      [](RowReader& r) {
        std::string line1 = domain::normalize_street(r.text());
        return line1 + '\x1f' + domain::normalize_postal(r.opt_text().value_or(""));
      },
      survivor, losers);
  return out;
}

nlohmann::json move_gifts_and_credits(Unit& unit, long long survivor,
                                      const std::vector<long long>& losers) {
  std::string now = domain::utc_now_iso();
  long long gifts = 0;
  for (long long loser : losers) {
    soci::statement st =
        (unit.sql().prepare << "UPDATE gifts SET constituent_id = :s, updated_at = :u "
                               "WHERE constituent_id = :l",
         soci::use(survivor), soci::use(now), soci::use(loser));
    st.execute(true);
    gifts += affected(st);
    unit.sql() << "UPDATE gifts SET tribute_notify_id = :s WHERE tribute_notify_id = :l",
        soci::use(survivor), soci::use(loser);
  }
  // Soft credits to any of the merged records, grouped by gift (after the gifts moved).
  struct Credit {
    long long id, gift, person, amount, gift_owner;
  };
  std::map<long long, std::vector<Credit>> by_gift;
  std::vector<long long> people{survivor};
  people.insert(people.end(), losers.begin(), losers.end());
  for (long long person : people) {
    soci::rowset<soci::row> rows =
        (unit.sql().prepare << "SELECT sc.id, sc.gift_id, sc.constituent_id, sc.amount_minor, "
                               "g.constituent_id FROM soft_credits sc JOIN gifts g ON "
                               "g.id = sc.gift_id WHERE sc.constituent_id = :c ORDER BY sc.id",
         soci::use(person));
    for (const soci::row& row : rows) {
      RowReader r(row);
      Credit c{r.integer(), r.integer(), r.integer(), r.integer(), r.integer()};
      by_gift[c.gift].push_back(c);
    }
  }
  int self_dropped = 0, combined = 0, moved = 0;
  for (auto& [gift, credits] : by_gift) {
    if (credits.front().gift_owner == survivor) {  // a soft credit on one's own gift
      for (const Credit& c : credits) delete_row(unit, "soft_credits", c.id);
      self_dropped += static_cast<int>(credits.size());
      continue;
    }
    auto keep = std::find_if(credits.begin(), credits.end(),
                             [&](const Credit& c) { return c.person == survivor; });
    if (keep == credits.end()) keep = credits.begin();
    long long amount = 0;
    for (const Credit& c : credits) amount = std::max(amount, c.amount);
    for (const Credit& c : credits) {
      if (c.id == keep->id) continue;
      delete_row(unit, "soft_credits", c.id);
      ++combined;
    }
    if (keep->person != survivor || keep->amount != amount) {
      unit.sql() << "UPDATE soft_credits SET constituent_id = :s, amount_minor = :a, "
                    "updated_at = :u WHERE id = :id",
          soci::use(survivor), soci::use(amount), soci::use(now), soci::use(keep->id);
      if (keep->person != survivor) ++moved;
    }
  }
  return {{"gifts_moved", gifts},
          {"soft_credits_moved", moved},
          {"soft_credits_dropped_self", self_dropped},
          {"soft_credits_combined", combined}};
}

nlohmann::json move_relationships(Unit& unit, long long survivor,
                                  const std::vector<long long>& losers) {
  std::set<long long> loser_set(losers.begin(), losers.end());
  auto remap = [&](long long id) { return loser_set.count(id) ? survivor : id; };
  struct Rel {
    long long id, a, b;
    std::string type;
    bool touches_loser;
  };
  std::map<long long, Rel> rels;
  std::vector<long long> people{survivor};
  people.insert(people.end(), losers.begin(), losers.end());
  for (long long person : people) {
    soci::rowset<soci::row> rows =
        (unit.sql().prepare << "SELECT id, constituent_id, related_id, type FROM relationships "
                               "WHERE constituent_id = :c OR related_id = :c2",
         soci::use(person), soci::use(person));
    for (const soci::row& row : rows) {
      RowReader r(row);
      Rel rel{r.integer(), r.integer(), r.integer(), r.text(), false};
      rel.touches_loser = loser_set.count(rel.a) || loser_set.count(rel.b);
      rels.emplace(rel.id, rel);
    }
  }
  std::vector<Rel> ordered;
  for (auto& [id, rel] : rels) ordered.push_back(rel);
  std::stable_sort(ordered.begin(), ordered.end(), [](const Rel& x, const Rel& y) {
    return !x.touches_loser && y.touches_loser;  // the survivor's own rows win
  });
  std::set<std::tuple<long long, long long, std::string>> seen;
  int moved = 0, dropped_self = 0, dropped_duplicate = 0;
  std::string now = domain::utc_now_iso();
  for (const Rel& rel : ordered) {
    long long a = remap(rel.a), b = remap(rel.b);
    if (a == b) {
      delete_row(unit, "relationships", rel.id);
      ++dropped_self;
      continue;
    }
    if (!seen.insert({a, b, rel.type}).second) {
      delete_row(unit, "relationships", rel.id);
      ++dropped_duplicate;
      continue;
    }
    if (rel.touches_loser) {
      unit.sql() << "UPDATE relationships SET constituent_id = :a, related_id = :b, "
                    "updated_at = :u WHERE id = :id",
          soci::use(a), soci::use(b), soci::use(now), soci::use(rel.id);
      ++moved;
    }
  }
  nlohmann::json out = {{"relationships",
                         {{"moved", moved},
                          {"dropped_self", dropped_self},
                          {"dropped_duplicates", dropped_duplicate}}}};

  // Household memberships: a member has at most one current household.
  struct Member {
    long long id, household, member;
    bool current;
    bool touches_loser;
  };
  std::map<long long, Member> members;
  for (long long person : people) {
    soci::rowset<soci::row> rows =
        (unit.sql().prepare << "SELECT id, household_id, member_id, ended_on FROM "
                               "household_members WHERE household_id = :c OR member_id = :c2",
         soci::use(person), soci::use(person));
    for (const soci::row& row : rows) {
      RowReader r(row);
      Member m{r.integer(), r.integer(), r.integer(), false, false};
      m.current = !r.opt_text().has_value();
      m.touches_loser = loser_set.count(m.household) || loser_set.count(m.member);
      members.emplace(m.id, m);
    }
  }
  std::vector<Member> mem_ordered;
  for (auto& [id, m] : members) mem_ordered.push_back(m);
  std::stable_sort(mem_ordered.begin(), mem_ordered.end(), [](const Member& x, const Member& y) {
    return !x.touches_loser && y.touches_loser;
  });
  std::map<long long, long long> current_of;  // member -> current household
  int m_moved = 0, m_dropped = 0, m_ended = 0;
  std::string today = domain::Date::today().to_string();
  for (const Member& m : mem_ordered) {
    long long h = remap(m.household), p = remap(m.member);
    if (!m.touches_loser) {
      if (m.current) current_of[p] = h;
      continue;
    }
    bool end_it = false;
    if (m.current) {
      auto it = current_of.find(p);
      if (it != current_of.end() && it->second == h) {
        delete_row(unit, "household_members", m.id);
        ++m_dropped;
        continue;
      }
      if (it != current_of.end()) {
        end_it = true;
      } else {
        current_of[p] = h;
      }
    }
    if (end_it) {
      unit.sql() << "UPDATE household_members SET household_id = :h, member_id = :m, "
                    "ended_on = :e, updated_at = :u WHERE id = :id",
          soci::use(h), soci::use(p), soci::use(today), soci::use(now), soci::use(m.id);
      ++m_ended;
    } else {
      unit.sql() << "UPDATE household_members SET household_id = :h, member_id = :m, "
                    "updated_at = :u WHERE id = :id",
          soci::use(h), soci::use(p), soci::use(now), soci::use(m.id);
    }
    ++m_moved;
  }
  out["household_members"] = {
      {"moved", m_moved}, {"dropped_duplicates", m_dropped}, {"ended", m_ended}};
  return out;
}

nlohmann::json move_simple_rows(Unit& unit, long long survivor,
                                const std::vector<long long>& losers) {
  static const char* kTables[] = {"recurring_plans", "pledges", "interactions", "tasks",
                                  "stage_history"};
  std::string now = domain::utc_now_iso();
  nlohmann::json out;
  for (const char* table : kTables) {
    long long n = 0;
    for (long long loser : losers) {
      soci::statement st = (unit.sql().prepare << std::string("UPDATE ") + table +
                                                      " SET constituent_id = :s, updated_at = :u "
                                                      "WHERE constituent_id = :l",
                            soci::use(survivor), soci::use(now), soci::use(loser));
      st.execute(true);
      n += affected(st);
    }
    out[table] = n;
  }
  // Tags: the union, each once.
  std::set<long long> have;
  {
    soci::rowset<soci::row> rows =
        (unit.sql().prepare << "SELECT tag_id FROM constituent_tags WHERE constituent_id = :s",
         soci::use(survivor));
    for (const soci::row& row : rows) have.insert(RowReader(row).integer(0));
  }
  int added = 0;
  for (long long loser : losers) {
    std::vector<long long> tags;
    soci::rowset<soci::row> rows =
        (unit.sql().prepare << "SELECT tag_id FROM constituent_tags WHERE constituent_id = :l",
         soci::use(loser));
    for (const soci::row& row : rows) tags.push_back(RowReader(row).integer(0));
    for (long long tag : tags) {
      if (!have.insert(tag).second) continue;
      unit.sql() << "INSERT INTO constituent_tags (constituent_id, tag_id, created_at, "
                    "updated_at) VALUES (:s, :t, :c, :u)",
          soci::use(survivor), soci::use(tag), soci::use(now), soci::use(now);
      ++added;
    }
    unit.sql() << "DELETE FROM constituent_tags WHERE constituent_id = :l", soci::use(loser);
  }
  out["tags_added"] = added;
  return out;
}

}  // namespace steward::engine::merge::detail
