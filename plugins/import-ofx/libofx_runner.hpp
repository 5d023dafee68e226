// libofx_runner.hpp: runs libofx over an OFX file on disk and copies out what Steward needs.
//
// libofx prints its messages to stderr. run_libofx() turns off everything but errors, sends
// stderr to a private unlinked temporary file for the duration of the call, and returns the
// errors with the line libofx reports (relative to the <OFX> tag; see OfxImporter for the
// mapping to file lines). Not thread-safe: libofx's message switches are process globals and
// stderr is redirected, so call it from one thread at a time (the host does; importers run in
// their own process by default).
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

namespace steward::plugins::ofx {

enum class Correction { kNone, kDelete, kReplace };

struct LibofxTransaction {
  std::string fitid;
  std::string corrected_fitid;
  Correction correction = Correction::kNone;
  std::string name;
  std::string memo;
  std::string bank_id;
  std::string account_number;
  std::string currency;  // the statement's CURDEF
  bool credit_card = false;
  bool investment = false;
  bool amount_valid = false;
  double amount = 0;  // only as a cross-check; the exact amount comes from the file's text
};

struct LibofxMessage {
  std::size_t line = 0;  // as libofx reports it (0 when it gives none)
  std::string text;
};

struct LibofxResult {
  int rc = 0;
  std::size_t statements = 0;
  std::size_t transactions = 0;
  std::vector<LibofxMessage> errors;
};

// Calls `on_transaction` for each transaction as libofx reads it (in file order), so nothing
// accumulates here. The callback must not throw (it runs inside libofx's C callbacks); an
// exception it lets out is swallowed and the transaction dropped.
LibofxResult run_libofx(const std::string& path,
                        const std::function<void(const LibofxTransaction&)>& on_transaction);

}  // namespace steward::plugins::ofx
