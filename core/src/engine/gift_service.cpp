#include "engine/gift_service.hpp"

#include "store/gift_repository.hpp"

namespace steward::engine {

Result<RecordedGift> record_gift(store::Unit& unit, const domain::GiftInput& input,
                                 const std::optional<std::string>& processor_reference) {
  auto gift = store::gifts::create(unit, input);
  if (!gift) return gift.status();
  RecordedGift out{gift.value(), {}};
  if (gift->replayed) return out;
  auto matched = attach_gift(unit, gift->id, processor_reference);
  if (!matched) return matched.status();
  out.plan = matched.value();
  if (out.plan.result == MatchResult::kAttached || out.plan.result == MatchResult::kFailedAttempt) {
    auto reloaded = store::gifts::get(unit, gift->id);
    if (!reloaded) return reloaded.status();
    out.gift = reloaded.value();
  }
  return out;
}

}  // namespace steward::engine
