// mail_file/file_mailer.cpp: see file_mailer.hpp.
#include "mail_file/file_mailer.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <nlohmann/json.hpp>

#include "mime/compose.hpp"

namespace steward::mail_file {
namespace fs = std::filesystem;

Result<FileMailerConfig> parse_config(const std::string& config_json) {
  nlohmann::json j =
      nlohmann::json::parse(config_json.empty() ? "{}" : config_json, nullptr, false);
  if (j.is_discarded() || !j.is_object()) {
    return Status::invalid_field("config", "must be a JSON object");
  }
  // Without a setting the outbox is var/outbox next to the server's other files, so a fresh
  // installation (scripts/run) can show mail without a mail server.
  if (!j.contains("outbox")) return FileMailerConfig{fs::path("var/outbox")};
  if (!j["outbox"].is_string() || j["outbox"].get<std::string>().empty()) {
    return Status::invalid_field("outbox", "must be the folder the .eml files go into");
  }
  return FileMailerConfig{fs::path(j["outbox"].get<std::string>())};
}

std::string config_schema() {
  return R"({"type":"object","properties":{"outbox":{"type":"string","minLength":1}},)"
         R"("additionalProperties":false})";
}

std::string file_name_for(const std::string& message_id) {
  std::string name;
  for (char c : message_id) {
    if (c == '<' || c == '>') continue;
    bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
              c == '.' || c == '_' || c == '@' || c == '+' || c == '-';
    name += ok ? c : '_';
  }
  if (name.empty() || name.front() == '.') name = "m" + name;
  return name + ".eml";
}

namespace {

Status write_file(const fs::path& path, const std::string& bytes) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0) {
    return Status::unavailable("cannot create " + path.string() + ": " + std::strerror(errno));
  }
  std::size_t done = 0;
  while (done < bytes.size()) {
    ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      std::string why = std::strerror(errno);
      ::close(fd);
      return Status::unavailable("cannot write " + path.string() + ": " + why);
    }
    done += static_cast<std::size_t>(n);
  }
  if (::fsync(fd) != 0 || ::close(fd) != 0) {
    return Status::unavailable("cannot finish " + path.string() + ": " + std::strerror(errno));
  }
  return Status::ok();
}

}  // namespace

Result<std::vector<sdk::RecipientStatus>> FileMailer::deliver(const sdk::MailMessage& message) {
  auto composed = mime::compose(message);
  if (!composed) return composed.status();
  std::error_code ec;
  fs::create_directories(config_.outbox, ec);
  if (ec) {
    return Status::unavailable("outbox " + config_.outbox.string() +
                               " cannot be created: " + ec.message());
  }
  fs::permissions(config_.outbox, fs::perms::owner_all, fs::perm_options::replace, ec);
  const std::string name = file_name_for(composed->message_id);
  const fs::path temp = config_.outbox / (".tmp-" + std::to_string(::getpid()) + "-" +
                                          std::to_string(++counter_) + "-" + name);
  if (auto s = write_file(temp, composed->bytes); !s) {
    fs::remove(temp, ec);
    return s;
  }
  fs::rename(temp, config_.outbox / name, ec);
  if (ec) {
    fs::remove(temp, ec);
    return Status::unavailable("cannot move the message into " + config_.outbox.string());
  }
  std::vector<sdk::RecipientStatus> out;
  for (const auto& address : composed->rcpt) {
    out.push_back({address, sdk::DeliveryState::kAccepted, "250 written to " + name});
  }
  return out;
}

}  // namespace steward::mail_file
