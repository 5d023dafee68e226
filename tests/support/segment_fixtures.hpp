// Test data for segment suites, written with plain SQL inserts (the constituent and gift
// repositories are built elsewhere): constituents, emails, addresses, tags, funds, campaigns,
// appeals, gifts with allocations, refunds and recurring plans. Every helper fails the test
// (ADD_FAILURE) when its insert fails and returns the new row's id.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "store/database.hpp"

namespace steward::testing {

struct GiftSpec {
  std::string received_on;
  std::int64_t amount_minor = 0;
  std::string status = "completed";
  std::int64_t refunded_minor = 0;   // also the base refund (same currency)
  std::optional<long long> fund_id;  // one allocation of the whole amount
  std::optional<long long> campaign_id;
  std::optional<long long> appeal_id;
  bool deleted = false;
};

class SegmentFixtures {
 public:
  explicit SegmentFixtures(store::Database& db) : db_(db) {}

  long long constituent(const std::string& display_name, const std::string& kind = "individual",
                        const std::optional<std::string>& organization_type = std::nullopt);
  void set_flag(long long id, const std::string& column, bool value);  // restricted, do_not_*
  void soft_delete(long long id);
  void email(long long id, const std::string& address, bool primary = true,
             bool unsubscribed = false);
  void address(long long id, const std::string& country, const std::string& region,
               bool primary = true, bool undeliverable = false);
  long long tag(long long id, const std::string& name);  // creates the tag when new
  long long fund(const std::string& code);
  long long campaign(const std::string& code);
  long long appeal(long long campaign_id, const std::string& code);
  long long gift(long long id, const GiftSpec& spec);
  long long gift(long long id, const std::string& received_on, std::int64_t amount_minor,
                 const std::string& status = "completed", std::int64_t refunded_minor = 0,
                 std::optional<long long> fund_id = std::nullopt,
                 std::optional<long long> campaign_id = std::nullopt,
                 std::optional<long long> appeal_id = std::nullopt);
  long long plan(long long id, const std::string& status);
  void set_setting(const std::string& key, const std::string& value);

 private:
  store::Database& db_;
};

}  // namespace steward::testing
