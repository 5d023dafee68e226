// The demo organisation as plain values, generated in memory before anything is written.
// Records refer to each other by index into DemoData's vectors (not database ids), so the same
// seed produces the same data on SQLite and PostgreSQL; demo_writer turns indexes into ids.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/date.hpp"
#include "engine/demo_random.hpp"

namespace steward::engine::demo {

using OptText = std::optional<std::string>;

// The four program funds, in this order (index = position in DemoData::funds).
enum FundIndex { kMedical = 0, kTransport = 1, kChurchBuilding = 2, kGeneral = 3 };

// How generously a donor gives: shapes amounts and frequency.
enum class Tier { kProspect, kSmall, kMid, kLarge, kMajor };

struct Constituent {
  std::string kind;  // individual | household | organization
  OptText first_name, last_name, organization_name, organization_type;
  std::string display_name, sort_name;
  OptText salutation, addressee, donor_source, stage, notes;
  bool restricted = false, do_not_email = false, do_not_mail = false, do_not_call = false,
       do_not_solicit = false, anonymous_giver = false;
  domain::Date since;  // when the record was created; gifts come after it
  // Generation hints (not stored):
  Tier tier = Tier::kSmall;
  bool korean = false;        // Korean-speaking
  bool in_household = false;  // a member of a household (gives mostly through it)
  std::string country = "US";
  std::string email_stem;  // "grace.kim"
};

struct Email {
  int who;
  std::string email, kind;
  bool primary;
};
struct Phone {
  int who;
  std::string phone, normalized, kind;
  bool primary;
};
struct Address {
  int who;
  std::string kind, line1;
  OptText line2;
  std::string city, region, postal_code, country;
  bool primary, undeliverable;
};
struct HouseholdMember {
  int household, member;
  std::string role, started_on;
};
struct Relationship {
  int from, to;
  std::string type, reciprocal_type;
};

struct Fund {
  std::string code, name, program, description;
  std::optional<std::int64_t> monthly_need_minor;
  std::optional<long long> people_served;
  bool restricted;
};

struct Campaign {
  std::string code, name, description, starts_on, ends_on;
  std::int64_t goal_minor;
  bool active;
};
struct Appeal {
  int campaign;
  std::string code, name, channel, starts_on, ends_on;
  std::int64_t goal_minor;
};

struct Transition {
  OptText from;
  std::string to, reason, at;  // at: timestamp
};
struct Plan {
  int who;
  std::int64_t amount_minor;
  std::string currency = "USD";
  unsigned anchor_day;
  std::string starts_on;
  OptText ends_on;
  std::string status;
  int fund;
  std::string processor, processor_reference, payment_method;
  OptText next_expected_on, last_paid_on;
  int consecutive_failures = 0;
  OptText status_changed_at, notes;
  std::vector<Transition> transitions;
};

struct Installment {
  std::string due_on;
  std::int64_t amount_minor;
};
struct Pledge {
  int who;
  std::int64_t amount_minor;
  int fund;
  int campaign = -1;
  std::string pledged_on, status;
  std::int64_t written_off_minor = 0;
  OptText written_off_on, write_off_reason, notes;
  std::vector<Installment> installments;
};

struct Allocation {
  int fund;
  std::int64_t amount_minor, refunded_minor = 0;
};
struct SoftCredit {
  int who;
  std::int64_t amount_minor;
  std::string role;
};
struct Gift {
  int who;
  std::string received_on;
  std::int64_t amount_minor;
  std::string currency = "USD";
  std::int64_t base_amount_minor;
  std::string exchange_rate = "1";
  std::int64_t fee_minor = 0, refunded_minor = 0, base_refunded_minor = 0;
  std::string payment_method, status = "completed";
  OptText check_number, source, external_id;
  int campaign = -1, appeal = -1, plan = -1, pledge = -1;
  OptText tribute_type, tribute_name;
  bool anonymous = false;
  OptText acknowledged_at, acknowledgment_method, receipt_number, notes;
  std::vector<Allocation> allocations;
  std::vector<SoftCredit> soft_credits;
};

struct Interaction {
  int who;
  std::string kind, occurred_at, staff, summary;
  OptText details;
  bool restricted;
};
struct Task {
  int who;  // -1: not about one constituent
  std::string assignee, title;
  OptText details, due_on;
  std::string status;
  OptText completed_at;
  std::string created_at;
};
struct StageChange {
  int who;
  OptText from;
  std::string to, changed_by, note, at;
};

struct DemoData {
  domain::Date today, start;  // gifts fall in [start, today]
  // Prefixes processor references, payment ids and receipt numbers so that several generated
  // chunks loaded into one database stay unique (empty for the demo).
  std::string key_prefix;
  std::vector<Constituent> constituents;
  std::vector<Email> emails;
  std::vector<Phone> phones;
  std::vector<Address> addresses;
  std::vector<HouseholdMember> household_members;
  std::vector<Relationship> relationships;
  std::vector<Fund> funds;
  std::vector<Campaign> campaigns;
  std::vector<Appeal> appeals;
  std::vector<Plan> plans;
  std::vector<Pledge> pledges;
  std::vector<Gift> gifts;
  std::vector<Interaction> interactions;
  std::vector<Task> tasks;
  std::vector<StageChange> stage_history;
  std::vector<std::string> tags;
  std::vector<std::pair<int, int>> constituent_tags;  // (constituent, tag)
};

// Generation steps, in the order demo_generate() runs them (each file holds one).
void generate_funds(DemoData& data);
void generate_people(Rng& rng, DemoData& data, int target);  // demo_people.cpp
void generate_contacts(Rng& rng, DemoData& data);            // demo_contacts.cpp
void generate_campaigns(DemoData& data);                     // demo_campaigns.cpp
void generate_recurring(Rng& rng, DemoData& data);           // demo_recurring.cpp
void generate_pledges(Rng& rng, DemoData& data);             // demo_pledges.cpp
void generate_gifts(Rng& rng, DemoData& data);               // demo_gifts.cpp
void finish_gifts(Rng& rng, DemoData& data);                 // demo_gifts.cpp
void generate_activity(Rng& rng, DemoData& data);            // demo_activity.cpp

// Helpers shared by the generators.
std::string at_time(const domain::Date& day, int hour, int minute = 0);  // "YYYY-MM-DDTHH:MM:00Z"
domain::Date random_day(Rng& rng, const domain::Date& from, const domain::Date& to);
// The campaign (and one of its appeals) running on `day`, or -1.
int campaign_on(const DemoData& data, const std::string& day);
int appeal_for(Rng& rng, const DemoData& data, int campaign);
// A gift with one allocation, acknowledged or not; callers adjust the rest.
Gift make_gift(int who, const domain::Date& day, std::int64_t amount, int fund,
               const std::string& method);

}  // namespace steward::engine::demo
