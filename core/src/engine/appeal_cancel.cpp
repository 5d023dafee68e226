#include "engine/appeal_cancel.hpp"

#include "store/job_repository.hpp"

namespace steward::engine::appeals {

Result<CancelledSend> cancel_appeal_send(store::Unit& unit, long long send_id) {
  auto send = store::appeal_sends::get(unit, send_id);
  if (!send) return send.status();
  if (send->status != "sending") {
    return Status::precondition_failed("appeal send " + std::to_string(send_id) + " is already " +
                                       send->status + ": there is nothing left to cancel");
  }
  auto cancelled = store::appeal_sends::cancel_pending(unit, send_id);
  if (!cancelled) return cancelled.status();
  if (auto s = store::appeal_sends::set_status(unit, send_id, "cancelled"); !s) return s;
  if (send->job_id) {
    // A job waiting in the queue (or for a retry) is cancelled too; a running one is left to
    // notice the cancel itself before its next message.
    auto job = store::jobs::get(unit, *send->job_id);
    if (job && job->status == domain::JobStatus::kQueued) {
      auto c = store::jobs::cancel(unit, *send->job_id);
      if (!c && c.status().code() != StatusCode::kConflict) return c.status();
    }
  }
  auto after = store::appeal_sends::get(unit, send_id);
  if (!after) return after.status();
  return CancelledSend{std::move(*after), *cancelled};
}

}  // namespace steward::engine::appeals
