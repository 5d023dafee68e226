// Believing X-Forwarded-For and X-Forwarded-Proto only from trusted proxies.
//
// When the connection's peer is one of the configured proxies, the client address is the
// rightmost X-Forwarded-For entry that is not itself a trusted proxy (each proxy appends the
// address it saw), and X-Forwarded-Proto: https marks the request secure (Secure cookies,
// HSTS). From any other peer both headers are removed from the request and ignored, so a
// client cannot choose the address that throttling, the audit trail and the access log see.
#pragma once

#include <string>
#include <vector>

#include <boost/asio/ip/address.hpp>

#include "http/message.hpp"

namespace steward::http {

class TrustedProxies {
 public:
  TrustedProxies() = default;
  // Addresses that are not IP addresses are skipped (config checks them first).
  explicit TrustedProxies(const std::vector<std::string>& addresses);
  bool empty() const { return addresses_.empty(); }
  bool contains(const std::string& address) const;
  // Rewrites request.remote_addr and request.secure from the forwarding headers when the peer
  // (request.remote_addr as accepted) is trusted; otherwise drops those headers.
  void apply(Request& request) const;

 private:
  std::vector<boost::asio::ip::address> addresses_;
};

}  // namespace steward::http
