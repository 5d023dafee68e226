// The server's TLS context (OpenSSL through Boost.Asio SSL): TLS 1.2 and 1.3 only, the
// certificate chain and private key from PEM files. Errors name the file that is missing,
// unreadable, not PEM, or (for the key) does not belong to the certificate.
#pragma once

#include <memory>
#include <string>

#include <boost/asio/ssl/context.hpp>

#include "steward/sdk/result.hpp"

namespace steward::http {

Result<std::shared_ptr<boost::asio::ssl::context>> load_tls_context(const std::string& cert_file,
                                                                    const std::string& key_file);

}  // namespace steward::http
