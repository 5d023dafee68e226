#include "http/forwarded.hpp"

#include <algorithm>
#include <cctype>
#include <optional>

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

std::vector<std::string> split_commas(const std::string& text) {
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

}  // namespace

TrustedProxies::TrustedProxies(const std::vector<std::string>& addresses) {
  for (const std::string& a : addresses) {
    if (auto parsed = parse(a)) addresses_.push_back(*parsed);
  }
}

bool TrustedProxies::contains(const std::string& address) const {
  auto parsed = parse(address);
  return parsed && std::find(addresses_.begin(), addresses_.end(), *parsed) != addresses_.end();
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
    std::vector<std::string> hops = split_commas(chain);
    std::optional<boost::asio::ip::address> client;
    for (auto it = hops.rbegin(); it != hops.rend(); ++it) {
      auto hop = parse(*it);
      if (!hop) break;  // a malformed entry: believe nothing left of it
      client = hop;
      if (std::find(addresses_.begin(), addresses_.end(), *hop) == addresses_.end()) break;
    }
    if (client) request.remote_addr = client->to_string();
  }
  if (proto) {
    std::string first = split_commas(*proto).front();
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
