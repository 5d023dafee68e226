// Matcher::attribute: campaign and appeal from the record's hints (decision 0154), matched the
// way fund_hint is: by code or exact name, case and accents folded.
#include "domain/name_normalizer.hpp"
#include "engine/import_matcher.hpp"

namespace steward::engine::imports {

void Matcher::attribute(const sdk::PaymentRecord& record, RowPlan& plan) const {
  auto note = [&](const std::string& text) {
    plan.notes += (plan.notes.empty() ? "" : "; ") + text;
  };
  std::string campaign = domain::normalize_text(record.campaign_hint);
  if (!campaign.empty()) {
    for (const FundName& c : campaigns_) {
      if (c.code == campaign || c.name == campaign) {
        plan.campaign_id = c.id;
        break;
      }
    }
    if (!plan.campaign_id) {
      note("campaign: no campaign has the code or name '" + record.campaign_hint +
           "'; the gift has no campaign");
    }
  }
  std::string appeal = domain::normalize_text(record.appeal_hint);
  if (appeal.empty()) return;
  const Appeal* found = nullptr;
  for (const Appeal& a : appeals_) {
    if (a.code != appeal && a.name != appeal) continue;
    // Two appeals of one name: prefer the one in the gift's campaign.
    if (!found || (plan.campaign_id && a.campaign_id == *plan.campaign_id)) found = &a;
  }
  if (!found) {
    note("appeal: no appeal has the code or name '" + record.appeal_hint +
         "'; the gift has no appeal");
    return;
  }
  if (plan.campaign_id && *plan.campaign_id != found->campaign_id) {
    note("appeal: '" + record.appeal_hint +
         "' belongs to another campaign; the gift has no appeal");
    return;
  }
  plan.appeal_id = found->id;
  if (!plan.campaign_id) plan.campaign_id = found->campaign_id;
}

}  // namespace steward::engine::imports
