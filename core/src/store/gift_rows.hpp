// Internal to the gift repository files: reading gift rows and their children, JSON images for
// the audit trail, and the set of constituents a gift credits.
#pragma once

#include <initializer_list>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <soci/soci.h>
#include <nlohmann/json.hpp>

#include "domain/gift.hpp"
#include "store/database.hpp"

namespace steward::store::gifts::detail {

extern const char* const kGiftColumns;  // for "SELECT <cols> FROM gifts g"
domain::Gift from_row(const soci::row& row);
// Fills allocations and soft credits.
void load_children(Unit& unit, domain::Gift& gift);
// The gift row with children; include_deleted for internal reads.
Result<domain::Gift> load(Unit& unit, long long id, bool include_deleted);
nlohmann::json input_json(const domain::GiftInput& g);
nlohmann::json to_json(const domain::Gift& g);
// Donor, households the donor belonged to on the gift's date, and soft-credited constituents.
std::set<long long> credited(Unit& unit, long long gift_id);
Status recompute_all(Unit& unit, const std::set<long long>& ids);
// Pledge status (open/fulfilled) follows its payments: refreshed for each pledge a gift
// change touched, in the same unit.
Status refresh_pledges(Unit& unit, std::initializer_list<std::optional<long long>> pledge_ids);

// What create/update write besides the input: base-currency values and the final soft credits
// (explicit ones plus derived household_member credits). gift_prepare.cpp.
struct Prepared {
  long long base_minor = 0;
  std::string base_currency;
  std::string exchange_rate;
  std::vector<domain::SoftCredit> soft_credits;
};
// Validates the input against the database (donor, funds, soft-credited people, batch open and
// in the gift's currency, source + external_id free; `self` is the gift being updated or 0) and
// works out the Prepared values.
Result<Prepared> prepare(Unit& unit, const domain::GiftInput& input, long long self);
// Inserts allocations and soft credits of gift `id`.
void insert_children(Unit& unit, long long id, const domain::GiftInput& input,
                     const std::vector<domain::SoftCredit>& credits);
// FNV-1a 64 of the canonical JSON of the request (idempotency key excluded), as hex.
std::string request_hash(const domain::GiftInput& input);

}  // namespace steward::store::gifts::detail
