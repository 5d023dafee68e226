// mail_smtp/smtp_mailer.cpp: see smtp_mailer.hpp.
#include "mail_smtp/smtp_mailer.hpp"

#include <curl/curl.h>

#include <cstring>
#include <mutex>

#include "mime/compose.hpp"
#include "mime/headers.hpp"

namespace steward::mail_smtp {
namespace {

struct Upload {
  const std::string* bytes;
  std::size_t offset = 0;
};

std::size_t read_callback(char* buffer, std::size_t size, std::size_t count, void* user) {
  auto* upload = static_cast<Upload*>(user);
  std::size_t room = size * count;
  std::size_t left = upload->bytes->size() - upload->offset;
  std::size_t n = left < room ? left : room;
  std::memcpy(buffer, upload->bytes->data() + upload->offset, n);
  upload->offset += n;
  return n;
}

int debug_callback(CURL*, curl_infotype type, char* data, std::size_t size, void* user) {
  auto* transcript = static_cast<Transcript*>(user);
  if (type == CURLINFO_HEADER_OUT) transcript->command(std::string_view(data, size));
  if (type == CURLINFO_HEADER_IN) transcript->reply(std::string_view(data, size));
  return 0;
}

void global_init_once() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

struct SlistDeleter {
  void operator()(curl_slist* list) const { curl_slist_free_all(list); }
};

}  // namespace

SmtpMailer::SmtpMailer(SmtpConfig config) : config_(std::move(config)) {
  global_init_once();
  curl_ = curl_easy_init();
}

SmtpMailer::~SmtpMailer() {
  if (curl_ != nullptr) curl_easy_cleanup(static_cast<CURL*>(curl_));
}

Result<std::vector<sdk::RecipientStatus>> SmtpMailer::deliver(const sdk::MailMessage& input) {
  sdk::MailMessage message = input;
  if (message.from.empty()) message.from = config_.from;
  if (message.from.empty()) {
    return Status::invalid_field("from", "is empty and the mailer has no default \"from\"");
  }
  auto composed = mime::compose(message);
  if (!composed) return composed.status();
  CURL* curl = static_cast<CURL*>(curl_);
  if (curl == nullptr) return Status::unavailable("smtp: libcurl could not be initialised");

  std::unique_ptr<curl_slist, SlistDeleter> rcpt;
  for (const auto& address : composed->rcpt) {
    curl_slist* next = curl_slist_append(rcpt.get(), ("<" + address + ">").c_str());
    if (next == nullptr) return Status::internal("smtp: out of memory");
    (void)rcpt.release();
    rcpt.reset(next);
  }
  Upload upload{&composed->bytes, 0};
  transcript_.clear();
  char error[CURL_ERROR_SIZE] = {0};
  const std::string mail_from = "<" + composed->envelope_from + ">";

  curl_easy_setopt(curl, CURLOPT_URL, config_.url.c_str());
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, error);
  curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, config_.connect_timeout_seconds);
  curl_easy_setopt(curl, CURLOPT_TIMEOUT, config_.timeout_seconds);
  long use_ssl = CURLUSESSL_ALL;
  if (config_.starttls == StartTls::kOptional) use_ssl = CURLUSESSL_TRY;
  if (config_.starttls == StartTls::kOff) use_ssl = CURLUSESSL_NONE;
  curl_easy_setopt(curl, CURLOPT_USE_SSL, use_ssl);
  if (!config_.ca_file.empty()) curl_easy_setopt(curl, CURLOPT_CAINFO, config_.ca_file.c_str());
  if (!config_.username.empty()) {
    curl_easy_setopt(curl, CURLOPT_USERNAME, config_.username.c_str());
    curl_easy_setopt(curl, CURLOPT_PASSWORD, config_.password.c_str());
  }
  curl_easy_setopt(curl, CURLOPT_MAIL_FROM, mail_from.c_str());
  curl_easy_setopt(curl, CURLOPT_MAIL_RCPT, rcpt.get());
  curl_easy_setopt(curl, CURLOPT_MAIL_RCPT_ALLLOWFAILS, 1L);
  curl_easy_setopt(curl, CURLOPT_UPLOAD, 1L);
  curl_easy_setopt(curl, CURLOPT_READFUNCTION, read_callback);
  curl_easy_setopt(curl, CURLOPT_READDATA, &upload);
  curl_easy_setopt(curl, CURLOPT_INFILESIZE_LARGE, static_cast<curl_off_t>(composed->bytes.size()));
  curl_easy_setopt(curl, CURLOPT_VERBOSE, 1L);  // feeds the debug callback only; prints nothing
  curl_easy_setopt(curl, CURLOPT_DEBUGFUNCTION, debug_callback);
  curl_easy_setopt(curl, CURLOPT_DEBUGDATA, &transcript_);

  CURLcode code = curl_easy_perform(curl);
  // Never keep pointers to this call's data in the handle.
  curl_easy_setopt(curl, CURLOPT_MAIL_RCPT, nullptr);
  curl_easy_setopt(curl, CURLOPT_READDATA, nullptr);
  curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, nullptr);

  std::string transport_error;
  if (code != CURLE_OK) {
    transport_error = std::string(curl_easy_strerror(code)) + (error[0] ? ": " : "") + error;
    if (!transcript_.sent_recipients()) {
      return Status::unavailable("smtp " + config_.url + ": " + transport_error);
    }
  }
  return transcript_.statuses(composed->rcpt, transport_error);
}

}  // namespace steward::mail_smtp
