// steward/sdk/mailer.hpp: the Mailer interface. A mailer delivers one composed message (SMTP,
// an HTTP mail API, a test sink) and reports what happened to each recipient.
//
// What the mailer does NOT do: templating, merge fields, unsubscribe rules, choosing recipients.
// The engine composes the message; the mailer only transports it.
//
// Errors: a recipient the server refused is RecipientStatus{kRejected, reply}; a temporary
// refusal is kDeferred (the engine retries later). A non-ok Result means nothing was sent at all
// (cannot connect, authentication failed); the engine treats every recipient as deferred.
// The host catches anything thrown and reports it as a failed call naming the plugin.
//
// Ownership and threading: the host owns the mailer; calls on one object come from one thread
// at a time. A mailer may keep a connection open between calls.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "steward/sdk/result.hpp"

namespace steward::sdk {

struct Attachment {
  std::string file_name;     // UTF-8, e.g. "영수증-2026.pdf"
  std::string content_type;  // e.g. "application/pdf"
  std::string bytes;         // the raw content (not encoded)
};

struct MailMessage {
  std::string from;             // "Name <address>" or a bare address
  std::vector<std::string> to;  // one or more addresses
  std::string subject;          // UTF-8; the mailer encodes it for the wire
  std::string text;             // text/plain body, UTF-8
  std::string html;             // text/html body, UTF-8; empty = text only
  std::vector<std::pair<std::string, std::string>> headers;  // extra headers, e.g. List-Unsubscribe
  std::vector<Attachment> attachments;
};

enum class DeliveryState {
  kAccepted,  // the server took responsibility for the message
  kRejected,  // permanently refused (bad address, policy)
  kDeferred,  // temporarily refused; try again later
};

inline const char* delivery_state_name(DeliveryState state) {
  switch (state) {
    case DeliveryState::kAccepted:
      return "accepted";
    case DeliveryState::kRejected:
      return "rejected";
    case DeliveryState::kDeferred:
      return "deferred";
  }
  return "deferred";
}

struct RecipientStatus {
  std::string address;
  DeliveryState state = DeliveryState::kDeferred;
  std::string reply;  // the server's reply, e.g. "250 2.0.0 OK" or "550 5.1.1 unknown user"
};

class Mailer {
 public:
  virtual ~Mailer() = default;
  Mailer(const Mailer&) = delete;
  Mailer& operator=(const Mailer&) = delete;

  // One RecipientStatus per address in message.to, in the same order.
  virtual Result<std::vector<RecipientStatus>> deliver(const MailMessage& message) = 0;

 protected:
  Mailer() = default;
};

}  // namespace steward::sdk
