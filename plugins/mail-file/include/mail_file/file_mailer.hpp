// mail_file/file_mailer.hpp: a Mailer that writes each composed message as an .eml file.
//
// Configuration (JSON): {"outbox": "/var/lib/steward/outbox"}. The folder is created (mode 0700:
// donor names and addresses are in there) when missing. Each message becomes
// "<Message-ID without brackets>.eml" (characters other than [A-Za-z0-9._@+-] become '_'), mode
// 0600, written to a hidden temporary file in the same folder and renamed into place, so a reader
// never sees half a message. The same Message-ID sent again replaces its file (one message, one
// file). Every recipient is accepted with the reply "250 written to <file name>".
//
// Errors: a message that cannot be composed (a CR/LF in a name, a bad address) is kInvalid naming
// the field; a folder that cannot be written is kUnavailable; nothing is written in either case.
#pragma once

#include <filesystem>
#include <string>

#include "steward/sdk/plugin.hpp"

namespace steward::mail_file {

struct FileMailerConfig {
  std::filesystem::path outbox;
};

// Reads {"outbox": "..."}; kInvalid naming "outbox" when missing or empty.
Result<FileMailerConfig> parse_config(const std::string& config_json);

// The JSON Schema of the configuration, for the manifest.
std::string config_schema();

class FileMailer : public sdk::MailerPlugin {
 public:
  explicit FileMailer(FileMailerConfig config) : config_(std::move(config)) {}
  Result<std::vector<sdk::RecipientStatus>> deliver(const sdk::MailMessage& message) override;

 private:
  FileMailerConfig config_;
  unsigned long counter_ = 0;
};

// The file name used for a Message-ID.
std::string file_name_for(const std::string& message_id);

}  // namespace steward::mail_file
