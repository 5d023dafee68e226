// Conversions between Beast messages and the plain http::Request/Response handlers use, and
// the headers every response carries.
#pragma once

#include <string>

#include <boost/beast/http.hpp>

#include "http/message.hpp"

namespace steward::http {

using BeastRequest = boost::beast::http::request<boost::beast::http::string_body>;
using BeastResponse = boost::beast::http::response<boost::beast::http::string_body>;

// nullopt when the target is malformed (bad percent-escapes, not starting with '/', a decoded
// path with "..", NUL or invalid UTF-8).
std::optional<Request> to_request(const BeastRequest& in, const std::string& remote_addr,
                                  const std::string& request_id);

// Adds server, security and cache headers, and the request id.
BeastResponse to_beast(const Response& response, unsigned version, bool keep_alive,
                       const std::string& request_id);

// A random request id (12 hex characters), or the client's X-Request-Id when it is short and
// plain.
std::string request_id_for(const BeastRequest& in);

}  // namespace steward::http
