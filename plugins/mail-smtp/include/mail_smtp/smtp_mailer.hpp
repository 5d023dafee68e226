// mail_smtp/smtp_mailer.hpp: a Mailer delivering through an SMTP server with libcurl.
//
// One CURL easy handle lives as long as the mailer, so its connection (after EHLO, STARTTLS and
// AUTH) is reused by the next deliver() call while the server keeps it open; libcurl reconnects
// by itself when it was closed. Each deliver() is one SMTP transaction (MAIL FROM, one RCPT TO
// per address, DATA) with CURLOPT_MAIL_RCPT_ALLLOWFAILS, so one refused address does not stop
// the others. The per-recipient status comes from the server's replies as libcurl's debug
// callback shows them (see smtp_transcript.hpp).
//
// Result: non-ok (kUnavailable, naming the server and libcurl's reason) only when no recipient
// was even offered to the server: cannot connect, TLS refused, authentication failed. Otherwise
// one status per address: accepted (the end-of-data reply, e.g. "250 2.0.0 queued"), rejected
// (5xx at RCPT or at the end of data), deferred (4xx, or the connection broke before the server
// confirmed the message; a deferred message may in rare cases have been delivered).
#pragma once

#include <memory>

#include "mail_smtp/smtp_config.hpp"
#include "mail_smtp/smtp_transcript.hpp"
#include "steward/sdk/plugin.hpp"

namespace steward::mail_smtp {

class SmtpMailer : public sdk::MailerPlugin {
 public:
  explicit SmtpMailer(SmtpConfig config);
  ~SmtpMailer() override;
  Result<std::vector<sdk::RecipientStatus>> deliver(const sdk::MailMessage& message) override;

 private:
  SmtpConfig config_;
  void* curl_ = nullptr;  // CURL*, kept between calls for connection reuse
  Transcript transcript_;
};

}  // namespace steward::mail_smtp
