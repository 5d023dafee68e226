#include "engine/mail_run_items.hpp"

namespace steward::engine::mail_runs {

store::mail_runs::Item message_item(const ThankYouOutcome& o) {
  return {"message", o.gift_id, o.state,
          nlohmann::json{{"gift_id", o.gift_id},
                         {"constituent_id", o.constituent_id},
                         {"donor", o.donor_name},
                         {"address", o.address},
                         {"language", o.language},
                         {"subject", o.subject},
                         {"state", o.state},
                         {"detail", o.detail},
                         {"personal_call", o.personal_call}}};
}

store::mail_runs::Item letter_item(const LetterOutcome& o) {
  return {"letter", o.gift_id, o.state,
          nlohmann::json{{"gift_id", o.gift_id},
                         {"constituent_id", o.constituent_id},
                         {"donor", o.donor_name},
                         {"language", o.language},
                         {"reason", o.reason},
                         {"state", o.state},
                         {"detail", o.detail},
                         {"personal_call", o.personal_call}}};
}

store::mail_runs::Item tribute_item(const TributeNoticeOutcome& o) {
  return {"tribute", o.gift_id, o.state,
          nlohmann::json{{"gift_id", o.gift_id},
                         {"notify_constituent_id", o.notify_id},
                         {"notify", o.notify_name},
                         {"donor", o.donor_name},
                         {"channel", o.channel},
                         {"address", o.address},
                         {"language", o.language},
                         {"state", o.state},
                         {"detail", o.detail}}};
}

store::mail_runs::Item statement_item(const StatementOutcome& o) {
  return {"statement", o.constituent_id, o.state,
          nlohmann::json{{"constituent_id", o.constituent_id},
                         {"donor", o.donor_name},
                         {"receipt_number", o.receipt_number},
                         {"replacement", o.replacement},
                         {"gift_count", o.gift_count},
                         {"totals", o.totals},
                         {"channel", o.channel},
                         {"address", o.address},
                         {"state", o.state},
                         {"detail", o.detail},
                         {"pdf", o.pdf_path.string()}}};
}

}  // namespace steward::engine::mail_runs
