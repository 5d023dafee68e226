#include "http/forwarded.hpp"

#include <algorithm>
#include <cctype>
#include <optional>
#include <variant>

namespace steward::http {
namespace {

// IPv4-mapped IPv6 addresses (::ffff:10.0.0.1) compare as their IPv4 form.
std::optional<boost::asio::ip::address> parse(std::string text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.erase(0, 1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.pop_back();
  if (text.size() > 2 && text.front() == '[' && text.back() == ']') {
    text = text.substr(1, text.size() - 2);
  }
  boost::system::error_code ec;
  auto a = boost::asio::ip::make_address(text, ec);
  if (ec) return std::nullopt;
  if (a.is_v6() && a.to_v6().is_v4_mapped()) {
    return boost::asio::ip::address(
        boost::asio::ip::make_address_v4(boost::asio::ip::v4_mapped, a.to_v6()));
  }
  return a;
}

std::vector<std::string> forwarded_split_commas(const std::string& text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t comma = text.find(',', start);
    if (comma == std::string::npos) comma = text.size();
    out.push_back(text.substr(start, comma - start));
    start = comma + 1;
  }
  return out;
}

using Network = std::variant<boost::asio::ip::network_v4, boost::asio::ip::network_v6>;

// "10.0.0.0/8", "fd00::/8", or one address as a /32 or /128; canonical (host bits cleared).
std::optional<Network> parse_network(const std::string& entry) {
  std::string text = entry;
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.erase(0, 1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.pop_back();
  auto slash = text.find('/');
  if (slash == std::string::npos) {
    auto a = parse(text);
    if (!a) return std::nullopt;
    if (a->is_v4()) return Network(boost::asio::ip::network_v4(a->to_v4(), 32));
    return Network(boost::asio::ip::network_v6(a->to_v6(), 128));
  }
  const std::string prefix = text.substr(slash + 1);
  if (prefix.empty() || prefix.size() > 3 ||
      prefix.find_first_not_of("0123456789") != std::string::npos) {
    return std::nullopt;
  }
  boost::system::error_code ec;
  if (text.find(':') == std::string::npos) {
    auto n = boost::asio::ip::make_network_v4(text, ec);
    if (ec) return std::nullopt;
    return Network(n.canonical());
  }
  auto n = boost::asio::ip::make_network_v6(text, ec);
  if (ec) return std::nullopt;
  return Network(n.canonical());
}

}  // namespace

Status check_trusted_proxy(const std::string& entry) {
  if (parse_network(entry)) return Status::ok();
  return Status::invalid_field("trusted_proxies",
                               "'" + entry +
                                   "' is not an IP address or a CIDR range (such as 10.0.0.0/8 "
                                   "or fd00::/8)");
}

TrustedProxies::TrustedProxies(const std::vector<std::string>& entries) {
  for (const std::string& e : entries) {
    auto n = parse_network(e);
    if (!n) continue;
    if (auto* v4 = std::get_if<boost::asio::ip::network_v4>(&*n)) {
      v4_.push_back(*v4);
    } else {
      v6_.push_back(std::get<boost::asio::ip::network_v6>(*n));
    }
  }
}

bool TrustedProxies::contains(const boost::asio::ip::address& a) const {
  if (a.is_v4()) {
    return std::any_of(v4_.begin(), v4_.end(), [&](const auto& n) {
      return boost::asio::ip::network_v4(a.to_v4(), n.prefix_length()).canonical() == n;
    });
  }
  return std::any_of(v6_.begin(), v6_.end(), [&](const auto& n) {
    return boost::asio::ip::network_v6(a.to_v6(), n.prefix_length()).canonical() == n;
  });
}

bool TrustedProxies::contains(const std::string& address) const {
  auto parsed = parse(address);
  return parsed && contains(*parsed);
}

void TrustedProxies::apply(Request& request) const {
  auto is_forwarding = [](const std::pair<std::string, std::string>& h) {
    return h.first == "x-forwarded-for" || h.first == "x-forwarded-proto";
  };
  if (!contains(request.remote_addr)) {
    std::erase_if(request.headers, is_forwarding);
    return;
  }
  std::string chain;
  std::optional<std::string> proto;
  for (const auto& [name, value] : request.headers) {
    if (name == "x-forwarded-for") chain += (chain.empty() ? "" : ",") + value;
    if (name == "x-forwarded-proto" && !proto) proto = value;
  }
  if (!chain.empty()) {
    std::vector<std::string> hops = forwarded_split_commas(chain);
    std::optional<boost::asio::ip::address> client;
    for (auto it = hops.rbegin(); it != hops.rend(); ++it) {
      auto hop = parse(*it);
      if (!hop) break;  // a malformed entry: believe nothing left of it
      client = hop;
      if (!contains(*hop)) break;
    }
    if (client) request.remote_addr = client->to_string();
  }
  if (proto) {
    std::string first = forwarded_split_commas(*proto).front();
    std::string lower;
    for (char c : first) {
      if (!std::isspace(static_cast<unsigned char>(c))) {
        lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      }
    }
    if (lower == "https") request.secure = true;
  }
}

}  // namespace steward::http
