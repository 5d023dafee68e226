// mail_smtp/smtp_transcript.cpp: see smtp_transcript.hpp.
#include "mail_smtp/smtp_transcript.hpp"

namespace steward::mail_smtp {
namespace {

std::string upper_prefix(std::string_view s, std::size_t n) {
  std::string out(s.substr(0, n));
  for (auto& c : out) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return out;
}

std::string strip_eol(std::string s) {
  while (!s.empty() && (s.back() == '\r' || s.back() == '\n')) s.pop_back();
  return s;
}

// "<addr>" from "RCPT TO:<addr> ..." (lower-cased for comparison).
std::string rcpt_address(std::string_view command) {
  std::size_t lt = command.find('<');
  std::size_t gt = command.find('>', lt == std::string_view::npos ? 0 : lt);
  if (lt == std::string_view::npos || gt == std::string_view::npos) return "";
  std::string out(command.substr(lt + 1, gt - lt - 1));
  for (auto& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

sdk::DeliveryState state_of(const std::string& reply) {
  if (!reply.empty() && reply[0] == '2') return sdk::DeliveryState::kAccepted;
  if (!reply.empty() && reply[0] == '5') return sdk::DeliveryState::kRejected;
  return sdk::DeliveryState::kDeferred;
}

}  // namespace

void Transcript::clear() {
  exchanges_.clear();
  answered_ = 0;
  data_started_ = false;
  partial_.clear();
}

void Transcript::command(std::string_view data) {
  std::string head = upper_prefix(data, 8);
  std::string kind = "other";
  if (head.rfind("MAIL", 0) == 0) {
    kind = "MAIL";
  } else if (head.rfind("RCPT", 0) == 0) {
    kind = "RCPT " + rcpt_address(data);
  } else if (head.rfind("DATA", 0) == 0) {
    kind = "DATA";
  }
  exchanges_.push_back({kind, ""});
}

void Transcript::reply(std::string_view data) {
  partial_.append(data);
  std::size_t eol;
  while ((eol = partial_.find('\n')) != std::string::npos) {
    std::string line = strip_eol(partial_.substr(0, eol));
    partial_.erase(0, eol + 1);
    // "250-..." continues a multi-line reply; "250 ..." (or a bare code) ends it.
    if (line.size() >= 4 && line[3] == '-') continue;
    if (line.size() < 3) continue;
    complete_reply(line);
  }
}

void Transcript::complete_reply(const std::string& line) {
  if (answered_ < exchanges_.size()) {
    auto& ex = exchanges_[answered_++];
    ex.reply = line;
    if (ex.command == "DATA" && line[0] == '3') data_started_ = true;
    return;
  }
  if (data_started_) {  // the reply to the end of the message body
    exchanges_.push_back({"EOD", line});
    answered_ = exchanges_.size();
    data_started_ = false;
  }
  // Otherwise the greeting (or a reply after STARTTLS): not about a recipient.
}

bool Transcript::sent_recipients() const {
  for (const auto& ex : exchanges_) {
    if (ex.command.rfind("RCPT", 0) == 0) return true;
  }
  return false;
}

std::vector<sdk::RecipientStatus> Transcript::statuses(const std::vector<std::string>& addresses,
                                                       const std::string& transport_error) const {
  // The last MAIL transaction is the one that counts (a reused connection may show earlier ones).
  std::size_t start = 0;
  for (std::size_t i = 0; i < exchanges_.size(); ++i) {
    if (exchanges_[i].command == "MAIL") start = i;
  }
  std::string eod;
  for (std::size_t i = start; i < exchanges_.size(); ++i) {
    if (exchanges_[i].command == "EOD") eod = exchanges_[i].reply;
  }
  const std::string mail_reply = start < exchanges_.size() && exchanges_[start].command == "MAIL"
                                     ? exchanges_[start].reply
                                     : std::string();
  std::vector<bool> used(exchanges_.size(), false);
  std::vector<sdk::RecipientStatus> out;
  for (const auto& address : addresses) {
    std::string wanted = rcpt_address("<" + address + ">");
    sdk::RecipientStatus status{
        address, sdk::DeliveryState::kDeferred,
        transport_error.empty() ? "no reply from the server" : transport_error};
    if (!mail_reply.empty() && state_of(mail_reply) != sdk::DeliveryState::kAccepted) {
      status.state = state_of(mail_reply);  // the sender was refused: so is every recipient
      status.reply = mail_reply;
      out.push_back(status);
      continue;
    }
    for (std::size_t i = start; i < exchanges_.size(); ++i) {
      if (used[i] || exchanges_[i].command != "RCPT " + wanted) continue;
      used[i] = true;
      const std::string& rcpt_reply = exchanges_[i].reply;
      if (rcpt_reply.empty()) break;  // sent, never answered: deferred
      if (state_of(rcpt_reply) != sdk::DeliveryState::kAccepted) {
        status.state = state_of(rcpt_reply);
        status.reply = rcpt_reply;
      } else if (!eod.empty()) {
        status.state = state_of(eod);
        status.reply = eod;
      }
      break;
    }
    out.push_back(status);
  }
  return out;
}

}  // namespace steward::mail_smtp
