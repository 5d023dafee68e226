// mail_smtp/smtp_transcript.hpp: what libcurl's debug callback shows of one SMTP conversation,
// turned into one RecipientStatus per recipient.
//
// libcurl does not report per-recipient results itself (with CURLOPT_MAIL_RCPT_ALLLOWFAILS it
// only skips refused recipients). Its debug callback, however, shows every command it sends and
// every reply line it reads, in order; SMTP without PIPELINING answers commands in order, so the
// reply to "RCPT TO:<x>" is x's status, and the reply after the message body (the end-of-data
// reply) decides the fate of every recipient accepted at RCPT. Only MAIL, RCPT and DATA commands
// are kept (an AUTH line carries a secret and is never stored).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "steward/sdk/mailer.hpp"

namespace steward::mail_smtp {

class Transcript {
 public:
  void clear();
  // Data libcurl sent as a command (CURLINFO_HEADER_OUT).
  void command(std::string_view data);
  // Reply bytes libcurl read (CURLINFO_HEADER_IN); may hold one or more lines.
  void reply(std::string_view data);

  // One status per address, in order. `transport_error` (libcurl's error text, empty when the
  // transfer completed) is the reply given to recipients whose fate is unknown: deferred.
  std::vector<sdk::RecipientStatus> statuses(const std::vector<std::string>& addresses,
                                             const std::string& transport_error) const;
  // True once a RCPT command was sent (so a failure is not "nothing was sent").
  bool sent_recipients() const;

 private:
  struct Exchange {
    std::string command;  // "MAIL", "RCPT <addr>", "DATA", "EOD" or "other"
    std::string reply;    // the complete reply (last line), empty when none came
  };
  void complete_reply(const std::string& line);
  std::vector<Exchange> exchanges_;
  std::size_t answered_ = 0;  // exchanges_[0..answered_) have a reply
  bool data_started_ = false;
  std::string partial_;
};

}  // namespace steward::mail_smtp
