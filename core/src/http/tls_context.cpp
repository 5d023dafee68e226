#include "http/tls_context.hpp"

#include <filesystem>

#include <openssl/ssl.h>
#include <spdlog/spdlog.h>

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

namespace steward::http {
namespace {

std::filesystem::file_time_type mtime_of(const std::string& file) {
  std::error_code ec;
  auto t = std::filesystem::last_write_time(file, ec);
  return ec ? std::filesystem::file_time_type{} : t;
}

}  // namespace

TlsContextSource::TlsContextSource(std::string cert_file, std::string key_file,
                                   std::chrono::seconds interval)
    : cert_file_(std::move(cert_file)), key_file_(std::move(key_file)), interval_(interval) {}

Result<std::unique_ptr<TlsContextSource>> TlsContextSource::open(const std::string& cert_file,
                                                                 const std::string& key_file,
                                                                 std::chrono::seconds interval) {
  std::unique_ptr<TlsContextSource> source(new TlsContextSource(cert_file, key_file, interval));
  // Not shared with any thread yet: no lock.
  source->cert_mtime_ = mtime_of(cert_file);
  source->key_mtime_ = mtime_of(key_file);
  auto ctx = load_tls_context(cert_file, key_file);
  if (!ctx) return ctx.status();
  source->context_ = ctx.value();
  source->next_check_ = std::chrono::steady_clock::now() + interval;
  return Result<std::unique_ptr<TlsContextSource>>(std::move(source));
}

std::shared_ptr<boost::asio::ssl::context> TlsContextSource::current() {
  std::lock_guard lock(mutex_);
  const auto now = std::chrono::steady_clock::now();
  if (now >= next_check_) {
    next_check_ = now + interval_;
    if (mtime_of(cert_file_) != cert_mtime_ || mtime_of(key_file_) != key_mtime_) {
      (void)reload_locked();
    }
  }
  return context_;
}

Status TlsContextSource::reload() {
  std::lock_guard lock(mutex_);
  return reload_locked();
}

Status TlsContextSource::reload_locked() {
  // The times are taken before reading, so a file rewritten during the load is seen again.
  cert_mtime_ = mtime_of(cert_file_);
  key_mtime_ = mtime_of(key_file_);
  auto ctx = load_tls_context(cert_file_, key_file_);
  if (!ctx) {
    spdlog::error("TLS certificate not reloaded, the previous one stays in use: {}",
                  ctx.status().message());
    return ctx.status();
  }
  context_ = ctx.value();
  spdlog::info("TLS certificate reloaded from {}", cert_file_);
  return Status::ok();
}

}  // namespace steward::http
