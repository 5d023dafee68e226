// Believing X-Forwarded-For and X-Forwarded-Proto only from trusted proxies.
//
// When the connection's peer is one of the configured proxies, the client address is the
// rightmost X-Forwarded-For entry that is not itself a trusted proxy (each proxy appends the
// address it saw), and X-Forwarded-Proto: https marks the request secure (Secure cookies,
// HSTS). From any other peer both headers are removed from the request and ignored, so a
// client cannot choose the address that throttling, the audit trail and the access log see.
//
// An entry is one address ("10.0.0.9", "::1") or a CIDR range ("10.0.0.0/8", "fd00::/8"); an
// IPv4-mapped IPv6 peer (::ffff:10.1.2.3) matches the IPv4 ranges.
#pragma once

#include <string>
#include <vector>

#include <boost/asio/ip/address.hpp>
#include <boost/asio/ip/network_v4.hpp>
#include <boost/asio/ip/network_v6.hpp>

#include "http/message.hpp"
#include "steward/sdk/result.hpp"

namespace steward::http {

// Ok when `entry` is an IP address or a CIDR range; else kInvalid naming trusted_proxies and
// quoting the entry.
Status check_trusted_proxy(const std::string& entry);

class TrustedProxies {
 public:
  TrustedProxies() = default;
  // Entries that are neither addresses nor ranges are skipped (config checks them first, with
  // check_trusted_proxy).
  explicit TrustedProxies(const std::vector<std::string>& entries);
  bool empty() const { return v4_.empty() && v6_.empty(); }
  bool contains(const std::string& address) const;
  // Rewrites request.remote_addr and request.secure from the forwarding headers when the peer
  // (request.remote_addr as accepted) is trusted; otherwise drops those headers.
  void apply(Request& request) const;

 private:
  bool contains(const boost::asio::ip::address& address) const;
  std::vector<boost::asio::ip::network_v4> v4_;  // canonical; a single address is a /32
  std::vector<boost::asio::ip::network_v6> v6_;  // canonical; a single address is a /128
};

}  // namespace steward::http
