#include "engine/mailer_choice.hpp"

#include <vector>

#include "store/mail_settings.hpp"
#include "store/plugin_repository.hpp"

namespace steward::engine {

Result<std::string> choose_mailer_id(store::Unit& unit) {
  auto settings = store::mail_settings::get(unit);
  if (!settings) return settings.status();
  if (!settings->mailer.empty()) return settings->mailer;
  auto records = store::plugin_records::list(unit);
  if (!records) return records.status();
  std::vector<std::string> enabled;
  for (const auto& r : *records) {
    if (r.kind == "mailer" && r.enabled) enabled.push_back(r.plugin_id);
  }
  if (enabled.size() == 1) return enabled.front();
  return Status::invalid_field(
      "mail.mailer", enabled.empty() ? "no mailer plugin is enabled"
                                     : "several mailers are enabled: choose one in mail.mailer");
}

}  // namespace steward::engine
