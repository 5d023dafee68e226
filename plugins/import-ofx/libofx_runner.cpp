#include "libofx_runner.hpp"
#include "steward/plugin_common/charset.hpp"

#include <fcntl.h>
#include <libofx/libofx.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <regex>
#include <sstream>

#include "ofx_charset.hpp"
#include "ofx_values.hpp"

namespace steward::plugins::ofx {
namespace {

std::string trimmed(const char* s, const std::string& charset = {}) {
  std::string out(s);
  auto last = out.find_last_not_of(" \t\r\n");
  out.erase(last == std::string::npos ? 0 : last + 1);
  auto first = out.find_first_not_of(" \t\r\n");
  return first == std::string::npos ? std::string{}
                                    : libofx_value_to_utf8(out.substr(first), charset);
}

struct Session {
  LibofxResult result;
  const std::function<void(const LibofxTransaction&)>* on_transaction = nullptr;
  std::string charset;  // declared in the file's header (ofx_charset.hpp)
};

int on_transaction_cb(const struct OfxTransactionData data, void* context) {
  auto* session = static_cast<Session*>(context);
  LibofxTransaction t;
  if (data.fi_id_valid) t.fitid = trimmed(data.fi_id);
  if (data.fi_id_corrected_valid) {
    t.corrected_fitid = trimmed(data.fi_id_corrected);
    t.correction = data.fi_id_correction_action_valid && data.fi_id_correction_action == DELETE
                       ? Correction::kDelete
                       : Correction::kReplace;
  }
  if (data.name_valid) t.name = trimmed(data.name, session->charset);
  if (data.memo_valid) t.memo = trimmed(data.memo, session->charset);
  t.amount_valid = data.amount_valid != 0;
  t.amount = data.amount;
  if (const auto* account = data.account_ptr) {
    if (account->bank_id_valid) t.bank_id = trimmed(account->bank_id);
    if (account->account_number_valid) t.account_number = trimmed(account->account_number);
    if (account->currency_valid) t.currency = trimmed(account->currency);
    if (account->account_type_valid) {
      t.credit_card = account->account_type == OfxAccountData::OFX_CREDITCARD;
      t.investment = account->account_type == OfxAccountData::OFX_INVESTMENT;
    }
  }
  ++session->result.transactions;
  try {
    (*session->on_transaction)(t);
  } catch (...) {
    // Never unwind through libofx's C frames.
  }
  return 0;
}

int on_statement(const struct OfxStatementData, void* context) {
  ++static_cast<Session*>(context)->result.statements;
  return 0;
}

// Reads "LibOFX ERROR: ..." blocks, each optionally followed by
// "(Above message occurred on Line N, Column M)".
std::vector<LibofxMessage> parse_messages(const std::string& log) {
  static const std::regex kPosition(R"(\(Above message occurred on Line (\d+), Column \d+\))");
  static const std::regex kOpenSpPrefix(R"(^\S+:\d+:\d+:[A-Z]: )");
  std::vector<LibofxMessage> out;
  std::istringstream in(log);
  std::string line;
  bool open = false;
  while (std::getline(in, line)) {
    std::smatch m;
    if (line.starts_with("LibOFX ")) {
      auto colon = line.find(": ");
      bool error = line.starts_with("LibOFX ERROR");
      open = error;
      if (error) out.push_back({0, colon == std::string::npos ? line : line.substr(colon + 2)});
    } else if (std::regex_search(line, m, kPosition)) {
      if (open && !out.empty()) out.back().line = std::stoul(m[1]);
      open = false;
    } else if (open && !line.empty()) {
      out.back().text += " " + std::regex_replace(line, kOpenSpPrefix, "");
    }
  }
  for (auto& msg : out) {
    auto last = msg.text.find_last_not_of(" \t\r\n");
    msg.text.erase(last == std::string::npos ? 0 : last + 1);
    if (msg.text.size() > 300) msg.text = msg.text.substr(0, 300) + "...";
  }
  std::erase_if(out, [](const LibofxMessage& m) {
    // UTF-8 files pass through OpenSP as single bytes; libofx says these are harmless.
    // libofx cannot store a transaction's CURRENCY; OfxScanner reads it instead.
    if (m.text.find("WRITEME") != std::string::npos &&
        (m.text.find("CURSYM") != std::string::npos || m.text.find("CURRATE") != std::string::npos))
      return true;
    return m.text.find("non SGML character") != std::string::npos;
  });
  return out;
}

// Sends stderr to an unlinked temporary file while alive; text() reads what was written.
class StderrCapture {
 public:
  StderrCapture() {
    const char* dir = std::getenv("TMPDIR");
    std::string path = std::string(dir && *dir ? dir : "/tmp") + "/steward-ofx-log-XXXXXX";
    fd_ = ::mkstemp(path.data());
    if (fd_ < 0) return;
    ::unlink(path.c_str());
    std::cerr.flush();
    std::fflush(stderr);
    saved_ = ::dup(STDERR_FILENO);
    if (saved_ >= 0) ::dup2(fd_, STDERR_FILENO);
  }
  ~StderrCapture() {
    restore();
    if (fd_ >= 0) ::close(fd_);
  }
  StderrCapture(const StderrCapture&) = delete;
  StderrCapture& operator=(const StderrCapture&) = delete;

  std::string text() {
    restore();
    std::string out;
    if (fd_ < 0) return out;
    ::lseek(fd_, 0, SEEK_SET);
    char buf[4096];
    ssize_t n;
    while ((n = ::read(fd_, buf, sizeof buf)) > 0 && out.size() < (1u << 20)) {
      out.append(buf, static_cast<std::size_t>(n));
    }
    return out;
  }

 private:
  void restore() {
    if (saved_ < 0) return;
    std::cerr.flush();
    std::fflush(stderr);
    ::dup2(saved_, STDERR_FILENO);
    ::close(saved_);
    saved_ = -1;
  }
  int fd_ = -1;
  int saved_ = -1;
};

}  // namespace

LibofxResult run_libofx(const std::string& path,
                        const std::function<void(const LibofxTransaction&)>& on_transaction) {
  Session session;
  session.on_transaction = &on_transaction;
  {
    std::ifstream file(path, std::ios::binary);
    std::string head(4096, '\0');
    file.read(head.data(), static_cast<std::streamsize>(head.size()));
    head.resize(static_cast<std::size_t>(file.gcount()));
    session.charset = declared_charset(head);
  }
  ofx_PARSER_msg = ofx_DEBUG_msg = ofx_DEBUG1_msg = ofx_DEBUG2_msg = ofx_DEBUG3_msg = 0;
  ofx_DEBUG4_msg = ofx_DEBUG5_msg = ofx_STATUS_msg = ofx_INFO_msg = ofx_WARNING_msg = 0;
  ofx_ERROR_msg = 1;
  ofx_show_position = 1;
  LibofxContextPtr context = libofx_get_new_context();
  ofx_set_transaction_cb(context, on_transaction_cb, &session);
  ofx_set_statement_cb(context, on_statement, &session);
  std::string log;
  {
    StderrCapture capture;
    session.result.rc = libofx_proc_file(context, path.c_str(), OFX);
    log = capture.text();
  }
  libofx_free_context(context);
  session.result.errors = parse_messages(log);
  return std::move(session.result);
}

}  // namespace steward::plugins::ofx
