#include "engine/mail_delivery.hpp"

namespace steward::engine {

sdk::RecipientStatus delivery_status(const Result<std::vector<sdk::RecipientStatus>>& delivered,
                                     const std::string& address, MailerHealth& health) {
  sdk::RecipientStatus status{address, sdk::DeliveryState::kDeferred, ""};
  if (!delivered) {
    status.reply = delivered.status().message();
    if (delivered.status().code() == StatusCode::kInvalid) {
      status.state = sdk::DeliveryState::kRejected;  // the message itself is unsendable
    } else {
      health.down = true;
      health.problem = "mailer unavailable: " + delivered.status().message();
    }
  } else if (!delivered->empty()) {
    status = delivered->front();
  }
  return status;
}

}  // namespace steward::engine
