#include "support/appeal_fixtures.hpp"

#include <stdexcept>

#include "engine/mail_starter_templates.hpp"
#include "store/segment_repository.hpp"
#include "support/gift_fixtures.hpp"
#include "support/mail_fixtures.hpp"
#include "support/segment_fixtures.hpp"

namespace steward::testing {
namespace {

const store::Actor kFixture{"test:fixture", ""};

}  // namespace

long long make_segment(store::Database& db, const std::string& name, const std::string& filter) {
  domain::SegmentInput in;
  in.name = name;
  in.filter = filter;
  auto made = db.write(kFixture, [&](store::Unit& u) { return store::segments::create(u, in); });
  if (!made) throw std::runtime_error(made.status().to_string());
  return made->id;
}

AppealSetup make_appeal_setup(store::Database& db) {
  set_setting(db, "organization_name", "새희망 선교회");
  set_mail_setting(db, "mail.from", "새희망 선교회 <office@example.org>");
  set_mail_setting(db, "mail.public_url", "https://crm.example.org/");
  set_mail_setting(db, "mail.signer_name", "이은혜");
  auto installed =
      db.write(kFixture, [](store::Unit& u) { return engine::install_starter_templates(u); });
  if (!installed) throw std::runtime_error(installed.status().to_string());
  SegmentFixtures f(db);
  AppealSetup s;
  s.campaign_id = f.campaign("WINTER");
  s.appeal_id = f.appeal(s.campaign_id, "WINTER-EMAIL");
  s.segment_id = make_segment(db, "Everyone", "{}");
  return s;
}

std::string address_of(const std::string& to) {
  auto lt = to.rfind('<');
  auto gt = to.rfind('>');
  if (lt == std::string::npos || gt == std::string::npos || gt < lt) return to;
  return to.substr(lt + 1, gt - lt - 1);
}

std::function<Result<std::vector<sdk::RecipientStatus>>(const sdk::MailMessage&)>
RecordingMailer::fn() {
  return [this](const sdk::MailMessage& m) -> Result<std::vector<sdk::RecipientStatus>> {
    if (down) return Status::unavailable("smtp: cannot connect");
    sent.push_back(m);
    std::vector<sdk::RecipientStatus> out;
    for (const auto& to : m.to) {
      bool reject = to.find("reject") != std::string::npos;
      bool defer = to.find("defer") != std::string::npos;
      out.push_back({to,
                     reject  ? sdk::DeliveryState::kRejected
                     : defer ? sdk::DeliveryState::kDeferred
                             : sdk::DeliveryState::kAccepted,
                     reject  ? "550 5.1.1 unknown user"
                     : defer ? "451 4.7.1 try again later"
                             : "250 2.0.0 queued"});
    }
    if (after_each) after_each();
    return out;
  };
}

std::map<std::string, int> RecordingMailer::per_address() const {
  std::map<std::string, int> out;
  for (const auto& m : sent) {
    for (const auto& to : m.to) ++out[address_of(to)];
  }
  return out;
}

}  // namespace steward::testing
