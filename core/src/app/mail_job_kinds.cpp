#include "app/mail_job_kinds.hpp"

#include <filesystem>
#include <memory>

#include <nlohmann/json.hpp>

#include "auth/secret_box.hpp"
#include "auth/unsubscribe_token.hpp"
#include "engine/mail_run.hpp"
#include "engine/mailer_choice.hpp"
#include "plugins/plugin_service.hpp"
#include "store/appeal_send_repository.hpp"

namespace steward::app {
namespace {

// Hands `m` to the mailer `mailer_id`, opening it into `handle` on first use; a mailer that
// cannot be opened answers kUnavailable (the run reports the rest as not attempted).
Result<std::vector<sdk::RecipientStatus>> deliver_through(
    Context& ctx, store::Database& db, const std::string& mailer_id,
    std::unique_ptr<plugins::PluginHandle>& handle, const store::Actor& actor,
    const sdk::MailMessage& m) {
  if (!handle) {
    if (mailer_id.empty()) return Status::unavailable("no mailer: set mail.mailer");
    plugins::IsolationOptions iso;
    iso.timeout_ms = ctx.config.plugin_timeout_ms;
    auto opened = db.write(actor, [&](store::Unit& u) {
      return plugins::open_plugin(u, std::filesystem::path(ctx.config.plugin_dir), mailer_id, iso);
    });
    if (!opened) {
      return Status::unavailable("mailer " + mailer_id + ": " + opened.status().message());
    }
    handle = std::move(*opened);
  }
  return handle->deliver(m);
}

// The options of a run: the send's mailer (opened on first use) and the link signer.
struct Runner {
  Context& ctx;
  store::Database& db;
  std::string mailer_id;
  std::shared_ptr<auth::SecretBox> secrets;
  std::unique_ptr<auth::UnsubscribeSigner> signer;
  std::unique_ptr<plugins::PluginHandle> handle;

  Status init(long long send_id) {
    auto send = db.read([&](store::Unit& u) { return store::appeal_sends::get(u, send_id); });
    if (!send) return send.status();
    mailer_id = send->mailer;
    auto box = auth::SecretBox::load_or_create(ctx.config.secret_key_file);
    if (!box) return box.status();
    secrets = *box;
    static const store::Actor actor{"system:mail.appeal", ""};
    auto loaded = db.write(
        actor, [&](store::Unit& u) { return auth::UnsubscribeSigner::load(u, *secrets, true); });
    if (!loaded) return loaded.status();
    signer = std::make_unique<auth::UnsubscribeSigner>(*loaded);
    return Status::ok();
  }

  engine::appeals::RunOptions options() {
    engine::appeals::RunOptions o;
    o.token = [this](long long id, const std::string& email) { return signer->token(id, email); };
    o.deliver = [this](const sdk::MailMessage& m) {
      static const store::Actor actor{"system:mail.appeal", ""};
      return deliver_through(ctx, db, mailer_id, handle, actor, m);
    };
    return o;
  }
};

Result<long long> send_id_of(const domain::Job& job) {
  auto payload = nlohmann::json::parse(job.payload, nullptr, false);
  if (!payload.is_object() || !payload.contains("appeal_send_id") ||
      !payload["appeal_send_id"].is_number_integer()) {
    return Status::invalid_field("payload.appeal_send_id", "required: the appeal send to run");
  }
  return payload["appeal_send_id"].get<long long>();
}

// A thank-you or statement run's mailer: chosen and opened on the first email, so a run that
// emails nobody needs none; one that cannot be opened answers kUnavailable (the run then
// reports the rest as not attempted).
struct RunMailer {
  Context& ctx;
  store::Database& db;
  std::string mailer_id;
  std::unique_ptr<plugins::PluginHandle> handle;

  engine::mail_runs::RunOptions options() {
    engine::mail_runs::RunOptions o;
    if (mailer_id.empty()) {
      auto chosen = db.read([](store::Unit& u) { return engine::choose_mailer_id(u); });
      if (chosen) mailer_id = *chosen;
    }
    o.mailer_id = mailer_id;
    o.deliver = [this](const sdk::MailMessage& m) {
      static const store::Actor actor{"system:mail.run", ""};
      return deliver_through(ctx, db, mailer_id, handle, actor, m);
    };
    return o;
  }
};

}  // namespace

engine::mail_runs::RunOptions mail_run_options(Context& ctx, store::Database& db,
                                               const std::string& mailer_id,
                                               std::shared_ptr<void>& keep_alive) {
  auto mailer = std::make_shared<RunMailer>(RunMailer{ctx, db, mailer_id, nullptr});
  auto options = mailer->options();
  keep_alive = mailer;
  return options;
}

void register_mail_job_kinds(engine::JobRegistry& registry, Context& ctx) {
  registry.add(engine::appeals::kAppealJobKind,
               [&ctx](store::Database& db, const domain::Job& job) -> Status {
                 auto send_id = send_id_of(job);
                 if (!send_id) return send_id.status();
                 Runner runner{ctx, db, {}, nullptr, nullptr, nullptr};
                 if (auto s = runner.init(*send_id); !s) return s;
                 return engine::appeals::run_appeal_job(db, job, runner.options());
               });
  registry.add(engine::mail_runs::kMailRunJobKind,
               [&ctx](store::Database& db, const domain::Job& job) -> Status {
                 std::shared_ptr<void> mailer;
                 auto options = mail_run_options(ctx, db, "", mailer);
                 return engine::mail_runs::run_mail_run_job(db, job, options);
               });
}

Result<engine::appeals::RunReport> run_appeal_send_here(Context& ctx, store::Database& db,
                                                        long long send_id) {
  Runner runner{ctx, db, {}, nullptr, nullptr, nullptr};
  if (auto s = runner.init(send_id); !s) return s;
  auto options = runner.options();
  options.budget = std::chrono::hours(24 * 365);
  return engine::appeals::run_appeal_send(db, send_id, options);
}

}  // namespace steward::app
