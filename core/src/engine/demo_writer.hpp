// Writes generated demo data with bound, prepared statements re-executed per row, in the
// caller's unit of work. Indexes in DemoData become database ids here.
#pragma once

#include <vector>

#include "engine/demo_data.hpp"
#include "store/database.hpp"

namespace steward::engine::demo {

struct Ids {
  std::vector<long long> constituents, funds, campaigns, appeals, plans, pledges;
};

// demo_write_people.cpp: constituents and everything hanging off them but gifts.
void write_people(store::Unit& unit, const DemoData& data, Ids& ids);
void write_activity(store::Unit& unit, const DemoData& data, const Ids& ids);
// demo_write_gifts.cpp: campaigns, appeals, plans, pledges, gifts, allocations, soft credits.
void write_campaigns(store::Unit& unit, const DemoData& data, Ids& ids);
void write_giving(store::Unit& unit, const DemoData& data, Ids& ids);

}  // namespace steward::engine::demo
