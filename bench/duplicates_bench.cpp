// Duplicate finder at scale: generates N constituents (default 100,000) with emails, phones and
// addresses into a fresh SQLite file, plants a few percent of duplicates (changed case, spacing,
// name order, phone formatting, Hangul names with and without a space), then times
// duplicates::find with every rule. Prints the figures; exits 1 above the target (10 s) or when
// fewer than 90% of the planted pairs are among those found.
//
//   duplicates_bench [N] [--keep PATH]
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <random>
#include <set>
#include <string>
#include <vector>

#include <unistd.h>

#include "domain/date.hpp"
#include "engine/duplicate_finder.hpp"
#include "store/database.hpp"
#include "store/migrations.hpp"

namespace {

using namespace steward;

const char* kFirst[] = {"James",    "Mary",    "John",  "Patricia", "Robert",
                        "Jennifer", "Michael", "Linda", "David",    "Elizabeth",
                        "William",  "Susan",   "José",  "María",    "Younghee",
                        "Minsoo",   "Chloé",   "Zoë",   "Ahmed",    "Fatima"};
const char* kLast[] = {"Smith",   "Johnson", "Williams", "Brown", "Jones",  "Garcia", "Miller",
                       "Davis",   "Núñez",   "Martinez", "Kim",   "Lee",    "Park",   "Choi",
                       "O'Brien", "Nguyen",  "Müller",   "Rossi", "Dubois", "Cohen"};
const char* kHangulFamily[] = {"김", "이", "박", "최", "정"};
const char* kHangulGiven[] = {"영희", "민수", "지우", "서연", "도윤", "하은"};

struct Person {
  std::string first, last, email, phone, line1, postal;
};

std::string upper(std::string s) {
  for (char& c : s)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return s;
}

}  // namespace

int main(int argc, char** argv) {
  int n = 100000;
  std::string keep;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--keep" && i + 1 < argc) {
      keep = argv[++i];
    } else {
      n = std::stoi(a);
    }
  }
  const double kTargetSeconds = 10.0;
  auto dir =
      std::filesystem::temp_directory_path() / ("steward-bench-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  std::string path = keep.empty() ? (dir / "bench.db").string() : keep;
  std::filesystem::remove(path);
  auto opened = store::Database::open("sqlite:" + path);
  if (!opened) {
    std::fprintf(stderr, "%s\n", opened.status().to_string().c_str());
    return 2;
  }
  store::Database& db = **opened;
  store::MigrationRunner runner(db);
  if (auto m = runner.migrate(); !m) {
    std::fprintf(stderr, "%s\n", m.status().to_string().c_str());
    return 2;
  }

  std::mt19937 rng(42);
  auto pick = [&](auto& arr) { return std::string(arr[rng() % (sizeof(arr) / sizeof(arr[0]))]); };
  int planted = 0;
  std::set<std::pair<long long, long long>> planted_pairs;  // (original id, copy id)
  std::vector<Person> people;
  people.reserve(static_cast<std::size_t>(n));
  for (int i = 0; i < n; ++i) {
    bool plant = i > 0 && rng() % 100 < 3;
    Person p;
    if (plant) {
      // A duplicate of a recent record, typed differently.
      std::size_t from = people.size() - 1 - rng() % std::min<std::size_t>(people.size(), 500);
      const Person& o = people[from];
      planted_pairs.insert({static_cast<long long>(from) + 1, static_cast<long long>(i) + 1});
      p = o;
      unsigned variant = rng() % 4;
      if ((variant == 0 && o.email.empty()) || (variant == 1 && o.phone.size() != 10))
        variant = 2;  // nothing to vary there: vary the name order instead
      switch (variant) {
        case 0:
          p.email = "  " + upper(o.email) + " ";
          p.phone.clear();
          break;
        case 1:
          p.phone =
              "+1 (" + o.phone.substr(0, 3) + ") " + o.phone.substr(3, 3) + "-" + o.phone.substr(6);
          p.email.clear();
          break;
        case 2:
          std::swap(p.first, p.last);  // name order
          p.email.clear();
          p.phone.clear();
          break;
        default:
          p.first = upper(o.first);
          p.email.clear();
          p.line1 = "Other " + std::to_string(i);
          break;
      }
      ++planted;
    } else {
      if (rng() % 10 == 0) {
        p.last = pick(kHangulFamily);
        p.first = pick(kHangulGiven);
      } else {
        p.first = pick(kFirst);
        p.last = pick(kLast);
      }
      if (rng() % 10 < 8) p.email = "person" + std::to_string(i) + "@example.org";
      if (rng() % 10 < 6) p.phone = std::to_string(2000000000LL + i * 7919LL % 7999999999LL);
      p.line1 = std::to_string(1 + rng() % 9999) + " " + pick(kLast) + " Street";
      p.postal = std::to_string(10000 + rng() % 89999);
    }
    people.push_back(std::move(p));
  }

  auto t0 = std::chrono::steady_clock::now();
  {
    store::Database::Lease lease(db);
    soci::session& sql = lease.sql();
    soci::transaction tx(sql);
    std::string now = domain::utc_now_iso();
    long long id = 0;
    std::string first, last, display, sort, value, norm, line1, postal;
    int one = 1;
    soci::statement person = (sql.prepare << "INSERT INTO constituents (id, kind, first_name, "
                                             "last_name, display_name, sort_name, created_at, "
                                             "updated_at) VALUES (:id, 'individual', :f, :l, "
                                             ":d, :s, :c, :u)",
                              soci::use(id), soci::use(first), soci::use(last), soci::use(display),
                              soci::use(sort), soci::use(now), soci::use(now));
    soci::statement email = (sql.prepare << "INSERT INTO emails (constituent_id, email, "
                                            "is_primary) VALUES (:c, :e, :p)",
                             soci::use(id), soci::use(value), soci::use(one));
    soci::statement phone =
        (sql.prepare << "INSERT INTO phones (constituent_id, phone, phone_normalized, "
                        "is_primary) VALUES (:c, :p, :n, :x)",
         soci::use(id), soci::use(value), soci::use(norm), soci::use(one));
    soci::statement address =
        (sql.prepare << "INSERT INTO addresses (constituent_id, line1, postal_code, is_primary) "
                        "VALUES (:c, :l, :z, :p)",
         soci::use(id), soci::use(line1), soci::use(postal), soci::use(one));
    for (std::size_t i = 0; i < people.size(); ++i) {
      const Person& p = people[i];
      id = static_cast<long long>(i) + 1;
      first = p.first;
      last = p.last;
      display = p.first + " " + p.last;
      sort = p.last + ", " + p.first;
      person.execute(true);
      if (!p.email.empty()) {
        value = p.email;
        email.execute(true);
      }
      if (!p.phone.empty()) {
        value = p.phone;
        norm = p.phone;
        phone.execute(true);
      }
      line1 = p.line1;
      postal = p.postal;
      address.execute(true);
    }
    tx.commit();
  }
  double load_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();

  engine::duplicates::FinderOptions options;  // every rule, default weights
  options.min_score = 40;
  auto t1 = std::chrono::steady_clock::now();
  auto found = db.read([&](store::Unit& u) { return engine::duplicates::find(u, options); });
  double find_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t1).count();
  if (!found) {
    std::fprintf(stderr, "%s\n", found.status().to_string().c_str());
    return 2;
  }
  std::size_t recalled = 0;
  for (const auto& c : *found) recalled += planted_pairs.count({c.first_id, c.second_id});
  std::printf(
      "duplicates_bench: constituents %d, planted duplicates %d (pairs %zu), pairs found "
      "%zu, planted pairs found %zu, load %.2f s, find %.2f s (target %.0f s)\n",
      n, planted, planted_pairs.size(), found->size(), recalled, load_s, find_s, kTargetSeconds);
  if (keep.empty()) std::filesystem::remove_all(dir);
  bool ok = find_s <= kTargetSeconds && recalled * 10 >= planted_pairs.size() * 9;
  if (!ok) std::printf("duplicates_bench: FAILED\n");
  return ok ? 0 : 1;
}
