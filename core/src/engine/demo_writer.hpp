// Writes generated demo data with bound, prepared statements re-executed per row, in the
// caller's unit of work. Indexes in DemoData become database ids here.
#pragma once

#include <vector>

#include "engine/demo_data.hpp"
#include "engine/demo_loader.hpp"
#include "store/database.hpp"

namespace steward::engine::demo {

struct Ids {
  std::vector<long long> constituents, funds, campaigns, appeals, plans, pledges;
  std::vector<long long> tags;  // written once; later chunks of a generated load reuse them
};

// demo_write_people.cpp: constituents and everything hanging off them but gifts.
void write_people(store::Unit& unit, const DemoData& data, Ids& ids);
void write_activity(store::Unit& unit, const DemoData& data, const Ids& ids);
// demo_write_gifts.cpp: campaigns, appeals, plans, pledges, gifts, allocations, soft credits.
void write_campaigns(store::Unit& unit, const DemoData& data, Ids& ids);
void write_giving(store::Unit& unit, const DemoData& data, Ids& ids);

// demo_loader.cpp: shared by the demo load and the generator (demo_generator.cpp).
// Generates everything in memory; gifts fall in [start, today]; key_prefix: see DemoData.
DemoData generate_data(std::uint64_t seed, const domain::Date& today, const domain::Date& start,
                       int constituents, const std::string& key_prefix);
// Settings (organisation name, base currency, fiscal year) and the funds, through their
// repositories; fills ids.funds.
Status write_setup(store::Unit& unit, const DemoData& data, Ids& ids);
// Adds the counts of `data` to the report (funds, campaigns and appeals are set, not added).
void add_counts(const DemoData& data, DemoReport& report);

}  // namespace steward::engine::demo
