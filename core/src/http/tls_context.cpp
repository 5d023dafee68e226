#include "http/tls_context.hpp"

#include <filesystem>

#include <openssl/ssl.h>

namespace steward::http {
namespace ssl = boost::asio::ssl;

Result<std::shared_ptr<ssl::context>> load_tls_context(const std::string& cert_file,
                                                       const std::string& key_file) {
  if (!std::filesystem::exists(cert_file)) {
    return Status::invalid_field("tls.cert_file", "file " + cert_file + " does not exist");
  }
  if (!std::filesystem::exists(key_file)) {
    return Status::invalid_field("tls.key_file", "file " + key_file + " does not exist");
  }
  auto ctx = std::make_shared<ssl::context>(ssl::context::tls_server);
  ctx->set_options(ssl::context::default_workarounds | ssl::context::no_sslv2 |
                   ssl::context::no_sslv3 | ssl::context::no_tlsv1 | ssl::context::no_tlsv1_1 |
                   ssl::context::single_dh_use);
  boost::system::error_code ec;
  ctx->use_certificate_chain_file(cert_file, ec);
  if (ec) {
    return Status::invalid_field(
        "tls.cert_file", "cannot use " + cert_file + " as a PEM certificate: " + ec.message());
  }
  ctx->use_private_key_file(key_file, ssl::context::pem, ec);
  if (ec) {
    return Status::invalid_field(
        "tls.key_file", "cannot use " + key_file + " as a PEM private key: " + ec.message());
  }
  if (SSL_CTX_check_private_key(ctx->native_handle()) != 1) {
    return Status::invalid_field("tls.key_file",
                                 key_file + " is not the private key of " + cert_file);
  }
  return ctx;
}

}  // namespace steward::http
