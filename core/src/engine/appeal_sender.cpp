#include "engine/appeal_sender.hpp"

#include <thread>

#include <spdlog/spdlog.h>
#include <nlohmann/json.hpp>

#include "engine/appeal_message.hpp"
#include "engine/mail_ids.hpp"
#include "store/appeal_send_repository.hpp"
#include "store/job_repository.hpp"
#include "store/mail_message_repository.hpp"
#include "store/mail_settings.hpp"

namespace steward::engine::appeals {
namespace {

const store::Actor& system_actor() {
  static const store::Actor actor{"system:mail.appeal", ""};
  return actor;
}

struct PreparedAppeal {
  bool ready = false;  // claimed and composed: deliver it
  long long log_id = 0;
  sdk::MailMessage message;
};

// Step 1: claim, check again, compose, log.
Result<PreparedAppeal> appeal_prepare(store::Unit& unit,
                                      const store::appeal_sends::SendRecord& send,
                                      const store::appeal_sends::Recipient& r,
                                      const RunOptions& options, RunReport& report) {
  PreparedAppeal p;
  auto claimed = store::appeal_sends::claim(unit, r.id);
  if (!claimed) return claimed.status();
  if (!*claimed) return p;  // another worker has it
  auto reason = store::appeal_sends::stop_reason(unit, r.constituent_id, r.address);
  if (!reason) return reason.status();
  if (*reason) {
    if (auto s = store::appeal_sends::finish(unit, r.id, "skipped", **reason, std::nullopt); !s) {
      return s;
    }
    ++report.skipped;
    return p;
  }
  auto settings = store::mail_settings::get(unit);
  if (!settings) return settings.status();
  AppealMessageInput in;
  in.constituent_id = r.constituent_id;
  in.template_id = r.template_id;
  in.address = r.address;
  in.appeal_id = send.appeal_id;
  in.unsubscribe_url =
      unsubscribe_url(settings->public_url, options.token(r.constituent_id, r.address));
  in.from = settings->from;
  in.message_id = new_message_id("appeal", r.id, settings->from);
  auto composed = compose_appeal(unit, in);
  if (!composed) return composed.status();
  store::mail_messages::MailMessageInput log;
  log.purpose = "appeal";
  log.template_id = r.template_id;
  log.constituent_id = r.constituent_id;
  log.address = r.address;
  log.subject = composed->message.subject;
  log.message_id = in.message_id;
  log.mailer = send.mailer;
  auto id = store::mail_messages::claim(unit, log);
  if (!id) return id.status();
  p.ready = true;
  p.log_id = *id;
  p.message = std::move(composed->message);
  return p;
}

// Step 3. `untried`: the mailer was not reached, so the recipient goes back to the queue (or
// becomes "cancelled" when the send was cancelled meanwhile).
Status appeal_record(store::Unit& unit, long long send_id, long long recipient_id,
                     const PreparedAppeal& p, const sdk::RecipientStatus& status, bool untried) {
  const std::string log_state = sdk::delivery_state_name(status.state);
  if (auto s = store::mail_messages::finish(unit, p.log_id, log_state, status.reply); !s) return s;
  std::string state = untried                                         ? "queued"
                      : status.state == sdk::DeliveryState::kAccepted ? "sent"
                                                                      : log_state;
  if (untried) {
    auto send = store::appeal_sends::get(unit, send_id);
    if (!send) return send.status();
    if (send->status == "cancelled") state = "cancelled";
  }
  return store::appeal_sends::finish(unit, recipient_id, state, status.reply, p.log_id);
}

}  // namespace

Result<StartedSend> start_appeal_send(store::Unit& unit, const StartRequest& request) {
  if (request.mailer.empty()) return Status::invalid_field("mailer", "is required");
  auto settings = store::mail_settings::get(unit);
  if (!settings) return settings.status();
  if (settings->from.empty()) {
    return Status::invalid_field("mail.from",
                                 "is not set: the sender, e.g. \"New Hope <office@example.org>\"");
  }
  if (settings->public_url.empty()) {
    return Status::invalid_field(
        "mail.public_url",
        "is not set: where donors reach this server (for unsubscribe links), e.g. "
        "https://crm.example.org");
  }
  const int rate = request.rate_per_minute.value_or(settings->appeal_rate_per_minute);
  if (rate < 1 || rate > 6000) {
    return Status::invalid_field("rate_per_minute", "must be between 1 and 6000 messages a minute");
  }
  auto audience = appeal_audience(unit, request.audience);
  if (!audience) return audience.status();
  if (audience->recipients.empty()) {
    return Status::precondition_failed("nobody in the segment can be sent this appeal (" +
                                       std::to_string(audience->excluded.total()) + " left out)");
  }
  store::appeal_sends::SendInput in;
  in.appeal_id = request.audience.appeal_id;
  in.segment_id = request.audience.segment_id;
  in.template_name = request.audience.template_name;
  in.mailer = request.mailer;
  in.rate_per_minute = rate;
  in.recipient_count = static_cast<long long>(audience->recipients.size());
  in.exclusions = audience->excluded.to_json().dump();
  auto send_id = store::appeal_sends::create(unit, in);
  if (!send_id) return send_id.status();
  std::vector<store::appeal_sends::RecipientInput> list;
  list.reserve(audience->recipients.size());
  for (const auto& m : audience->recipients)
    list.push_back({m.constituent_id, m.template_id, m.email});
  if (auto s = store::appeal_sends::add_recipients(unit, *send_id, list); !s) return s;
  domain::JobInput job;
  job.kind = kAppealJobKind;
  job.payload = nlohmann::json{{"appeal_send_id", *send_id}}.dump();
  job.unique_key = std::string(kAppealJobKind) + ":" + std::to_string(*send_id);
  job.max_attempts = 10;
  auto queued = store::jobs::enqueue(unit, job);
  if (!queued) return queued.status();
  if (auto s = store::appeal_sends::set_job(unit, *send_id, queued->id); !s) return s;
  return StartedSend{*send_id, queued->id, std::move(*audience)};
}

Result<RunReport> run_appeal_send(store::Database& db, long long send_id,
                                  const RunOptions& options) {
  using Clock = std::chrono::steady_clock;
  RunReport report;
  auto send = db.read([&](store::Unit& u) { return store::appeal_sends::get(u, send_id); });
  if (!send) return send.status();
  if (send->status != "sending") {
    report.finished = send->status == "finished";
    report.cancelled = send->status == "cancelled";
    return report;
  }
  auto settings = db.read([](store::Unit& u) { return store::mail_settings::get(u); });
  if (!settings) return settings.status();
  if (settings->from.empty() || settings->public_url.empty()) {
    return Status::invalid_field(settings->from.empty() ? "mail.from" : "mail.public_url",
                                 "is not set: the send waits until it is");
  }
  const auto started = Clock::now();
  const auto interval = std::chrono::milliseconds(60000 / send->rate_per_minute);
  std::optional<Clock::time_point> last;
  auto wait = [&] {
    if (!last) return;
    auto due = *last + interval;
    auto now = Clock::now();
    if (due > now) {
      auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(due - now);
      if (options.sleep) {
        options.sleep(ms);
      } else {
        std::this_thread::sleep_for(ms);
      }
    }
  };
  bool stop = false;
  long long after_id = 0;  // each recipient is tried at most once per run
  while (!stop) {
    // Cancelled meanwhile (appeal_cancel.hpp)? Checked before each batch here and, through the
    // recipient claim (a cancelled recipient cannot be claimed), before each message.
    auto current = db.read([&](store::Unit& u) { return store::appeal_sends::get(u, send_id); });
    if (!current) return current.status();
    if (current->status == "cancelled") {
      report.cancelled = true;
      return report;
    }
    auto batch = db.read([&](store::Unit& u) {
      return store::appeal_sends::due(u, send_id, options.max_attempts, 100, after_id);
    });
    if (!batch) return batch.status();
    if (batch->empty()) break;
    for (const auto& r : *batch) {
      after_id = r.id;
      if (options.stop_requested && options.stop_requested()) {
        report.stopped = stop = true;
        break;
      }
      if (Clock::now() - started >= options.budget) {
        report.out_of_time = stop = true;
        break;
      }
      auto prepared = db.write(system_actor(), [&](store::Unit& u) {
        return appeal_prepare(u, *send, r, options, report);
      });
      if (!prepared) {
        const StatusCode code = prepared.status().code();
        if (code != StatusCode::kInvalid && code != StatusCode::kNotFound) {
          return prepared.status();
        }
        // This one message cannot be made (a template that no longer renders, a donor gone):
        // it is rejected, the rest go on.
        Status marked = db.write(system_actor(), [&](store::Unit& u) {
          return store::appeal_sends::finish(
              u, r.id, "rejected", "not sent: " + prepared.status().message(), std::nullopt);
        });
        if (!marked) return marked;
        ++report.rejected;
        continue;
      }
      if (!prepared->ready) continue;
      wait();
      last = Clock::now();
      auto delivered = options.deliver(prepared->message);
      sdk::RecipientStatus status{r.address, sdk::DeliveryState::kDeferred, ""};
      bool untried = false;
      if (!delivered) {
        status.reply = delivered.status().message();
        if (delivered.status().code() == StatusCode::kInvalid) {
          status.state = sdk::DeliveryState::kRejected;  // the message itself is unsendable
        } else {
          untried = true;
          report.mailer_problem = "mailer unavailable: " + delivered.status().message();
        }
      } else if (!delivered->empty()) {
        status = delivered->front();
      }
      Status recorded = db.write(system_actor(), [&](store::Unit& u) {
        return appeal_record(u, send_id, r.id, *prepared, status, untried);
      });
      if (!recorded) {
        spdlog::error("mail.appeal: send {} recipient {}: delivered but not recorded: {}", send_id,
                      r.id, recorded.message());
        return recorded;
      }
      if (untried) {
        stop = true;
        break;
      }
      if (status.state == sdk::DeliveryState::kAccepted) ++report.sent;
      if (status.state == sdk::DeliveryState::kRejected) ++report.rejected;
      if (status.state == sdk::DeliveryState::kDeferred) ++report.deferred;
    }
  }
  bool cancelled_meanwhile = false;
  auto left = db.write(system_actor(), [&](store::Unit& u) -> Result<long long> {
    auto now = store::appeal_sends::get(u, send_id);
    if (!now) return now.status();
    if (now->status != "sending") {  // cancelled while the last message went out
      cancelled_meanwhile = now->status == "cancelled";
      return 0LL;
    }
    auto due = store::appeal_sends::due(u, send_id, options.max_attempts, 1000000);
    if (!due) return due.status();
    if (due->empty()) {
      if (auto s = store::appeal_sends::set_status(u, send_id, "finished"); !s) return s;
    }
    return static_cast<long long>(due->size());
  });
  if (!left) return left.status();
  report.remaining = *left;
  report.cancelled = cancelled_meanwhile;
  report.finished = *left == 0 && !cancelled_meanwhile;
  return report;
}

Status run_appeal_job(store::Database& db, const domain::Job& job, const RunOptions& options) {
  nlohmann::json payload = nlohmann::json::parse(job.payload, nullptr, false);
  if (!payload.is_object() || !payload.contains("appeal_send_id") ||
      !payload["appeal_send_id"].is_number_integer()) {
    return Status::invalid_field("payload.appeal_send_id", "required: the appeal send to run");
  }
  const long long send_id = payload["appeal_send_id"].get<long long>();
  auto report = run_appeal_send(db, send_id, options);
  if (!report) return report.status();
  spdlog::info("mail.appeal: send {}: {} sent, {} rejected, {} deferred, {} skipped, {} left",
               send_id, report->sent, report->rejected, report->deferred, report->skipped,
               report->remaining);
  if (report->finished || report->cancelled) return Status::ok();
  if (!report->mailer_problem.empty()) return Status::unavailable(report->mailer_problem);
  if (report->out_of_time || report->stopped) {
    // Continue in a fresh job (this one still holds the unique key while it runs).
    domain::JobInput next;
    next.kind = kAppealJobKind;
    next.payload = job.payload;
    next.max_attempts = job.max_attempts;
    auto queued = db.write(system_actor(), [&](store::Unit& u) -> Result<long long> {
      auto j = store::jobs::enqueue(u, next);
      if (!j) return j.status();
      if (auto s = store::appeal_sends::set_job(u, send_id, j->id); !s) return s;
      return j->id;
    });
    if (!queued) return queued.status();
    return Status::ok();
  }
  return Status::unavailable(std::to_string(report->remaining) +
                             " recipient(s) deferred by the mail server: will try again");
}

}  // namespace steward::engine::appeals
