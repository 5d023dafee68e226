// plugins/plugin_handle.hpp: what the rest of Steward holds to use a plugin, whichever way it
// runs (in this process: InProcessPlugin; in a child process: IsolatedPlugin).
//
// Every call returns a Status/Result and never throws: an exception, crash or timeout inside the
// plugin becomes kUnavailable with a message naming the plugin id. After `failure_limit`
// consecutive failed calls the handle is marked failing and refuses further calls until
// reset_failures() (an admin re-enabling it). A non-ok Status the plugin returns on purpose
// (bad file, rejected parameter) is an answer, not a failure, and does not count.
//
// Calling a method of another kind (deliver() on an importer) returns kInvalid.
// Thread-safety: one call at a time per handle; callers serialise.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "steward/sdk/importer.hpp"
#include "steward/sdk/mailer.hpp"
#include "steward/sdk/manifest.hpp"
#include "steward/sdk/report.hpp"
#include "steward/sdk/result.hpp"

namespace steward::plugins {

enum class Isolation { kInProcess, kIsolated };

inline const char* isolation_name(Isolation mode) {
  return mode == Isolation::kIsolated ? "isolated" : "in_process";
}

class PluginHandle {
 public:
  virtual ~PluginHandle() = default;

  virtual const sdk::Manifest& manifest() const = 0;
  virtual Isolation isolation() const = 0;
  bool failing() const { return consecutive_failures_ >= failure_limit_; }
  int consecutive_failures() const { return consecutive_failures_; }
  const std::string& last_error() const { return last_error_; }
  void set_failure_limit(int limit) { failure_limit_ = limit < 1 ? 1 : limit; }
  void reset_failures() {
    consecutive_failures_ = 0;
    last_error_.clear();
  }

  // PaymentImporter
  virtual Result<int> detect(std::string_view file_name, std::string_view head) = 0;
  virtual Status start(std::string_view file_name) = 0;
  virtual Status feed(std::string_view bytes, sdk::ParseOutput& out) = 0;
  virtual Status finish(sdk::ParseOutput& out) = 0;
  // Mailer
  virtual Result<std::vector<sdk::RecipientStatus>> deliver(const sdk::MailMessage& message) = 0;
  // Report
  virtual Result<std::vector<sdk::ParameterSpec>> parameters() = 0;
  virtual Result<sdk::Table> run(const sdk::QueryCapability& db,
                                 const std::map<std::string, sdk::Value>& params) = 0;

 protected:
  // Bookkeeping for the implementations: a call that completed (whatever it returned) or one
  // that failed (threw, crashed, timed out).
  void note_success() { consecutive_failures_ = 0; }
  Status note_failure(const std::string& what) {
    ++consecutive_failures_;
    last_error_ = what;
    std::string message = "plugin " + manifest().id + ": " + what;
    if (failing()) {
      message += " (marked failing after " + std::to_string(consecutive_failures_) +
                 " consecutive failed calls)";
    }
    return Status::unavailable(message);
  }
  Status refuse_if_failing() const {
    if (!failing()) return Status::ok();
    return Status::unavailable("plugin " + manifest().id + " is failing (last error: " +
                               last_error_ + "); an admin must re-enable it");
  }
  Status wrong_kind(const char* wanted) const {
    return Status::invalid_field("plugin", manifest().id + " is of kind " +
                                               sdk::kind_name(manifest().kind) + ", not " + wanted);
  }

 private:
  int failure_limit_ = 3;
  int consecutive_failures_ = 0;
  std::string last_error_;
};

}  // namespace steward::plugins
