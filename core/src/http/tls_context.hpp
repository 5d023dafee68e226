// The server's TLS context (OpenSSL through Boost.Asio SSL): TLS 1.2 and 1.3 only, the
// certificate chain and private key from PEM files. Errors name the file that is missing,
// unreadable, not PEM, or (for the key) does not belong to the certificate.
//
// TlsContextSource hands the current context to each new connection and replaces it when the
// certificate is renewed: reload() (the server calls it on SIGHUP), or on accept when either
// file's modification time changed (looked at no more than once per check interval, a minute
// by default). Open connections keep the context they started with. A new pair that does not
// load (half-copied, key not matching yet) is logged and the old context kept; the next change
// of either file is tried again.
#pragma once

#include <chrono>
#include <filesystem>
#include <memory>
#include <mutex>
#include <string>

#include <boost/asio/ssl/context.hpp>

#include "steward/sdk/result.hpp"

namespace steward::http {

Result<std::shared_ptr<boost::asio::ssl::context>> load_tls_context(const std::string& cert_file,
                                                                    const std::string& key_file);

class TlsContextSource {
 public:
  // Loads the pair now. Errors: those of load_tls_context.
  static Result<std::unique_ptr<TlsContextSource>> open(
      const std::string& cert_file, const std::string& key_file,
      std::chrono::seconds check_interval = std::chrono::minutes(1));

  // The context for a new connection; first reloads when the check interval has passed and a
  // file's modification time changed. Thread-safe.
  std::shared_ptr<boost::asio::ssl::context> current();
  // Loads the pair now: ok and in use for new connections, or the error (logged; the old
  // context stays). Thread-safe.
  Status reload();

 private:
  TlsContextSource(std::string cert_file, std::string key_file, std::chrono::seconds interval);
  Status reload_locked();

  const std::string cert_file_;
  const std::string key_file_;
  const std::chrono::seconds interval_;
  std::mutex mutex_;
  std::shared_ptr<boost::asio::ssl::context> context_;
  std::filesystem::file_time_type cert_mtime_{};
  std::filesystem::file_time_type key_mtime_{};
  std::chrono::steady_clock::time_point next_check_{};
};

}  // namespace steward::http
