// Recording a gift as a fundraiser expects it (docs/giving-rules.md): the gift with its
// allocations and soft credits (store::gifts::create keeps summaries and pledges exact), then
// the recurring plan it pays (engine::attach_gift: by plan id, processor reference, or donor +
// amount + date window). A repeated idempotent request returns the first gift and attaches
// nothing again. Every caller that records gifts (command line, API, imports) goes through here.
#pragma once

#include <optional>
#include <string>

#include "domain/gift.hpp"
#include "engine/recurring_matcher.hpp"
#include "store/database.hpp"

namespace steward::engine {

struct RecordedGift {
  domain::Gift gift;
  MatchOutcome plan;  // kNoPlan when the gift pays no plan
};

Result<RecordedGift> record_gift(store::Unit& unit, const domain::GiftInput& input,
                                 const std::optional<std::string>& processor_reference = {});

}  // namespace steward::engine
