#include "engine/tribute_by_hand.hpp"

#include "store/gift_repository.hpp"
#include "store/tribute_notice_repository.hpp"

namespace steward::engine {

Result<nlohmann::json> mark_tribute_by_hand(store::Unit& unit, long long gift_id,
                                            const std::optional<std::string>& note) {
  std::optional<std::string> text = note;
  if (text) {
    const auto first = text->find_first_not_of(" \t\r\n");
    const auto last = text->find_last_not_of(" \t\r\n");
    text = first == std::string::npos ? std::string() : text->substr(first, last - first + 1);
    if (text->empty()) text.reset();
  }
  if (text && text->size() > 500)
    return Status::invalid_field("note", "must be 500 characters or fewer");
  auto gift = store::gifts::get(unit, gift_id);
  if (!gift) return gift.status();
  if (!gift->tribute || !gift->tribute->notify_id) {
    return Status::invalid_field("gift_id", "the gift names nobody to notify of the tribute");
  }
  const long long notify = *gift->tribute->notify_id;
  if (Status s = store::tribute_notices::record_by_hand(unit, gift_id, notify, text); !s) return s;
  nlohmann::json out = {{"gift_id", gift_id},
                        {"notify_constituent_id", notify},
                        {"method", "by_hand"},
                        {"note", text ? nlohmann::json(*text) : nlohmann::json(nullptr)}};
  return out;
}

}  // namespace steward::engine
