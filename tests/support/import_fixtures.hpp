// Fixtures for import pipeline tests: the steward-lines test importer run in this process
// behind a PluginHandle, a line builder, and a temporary file per test.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "plugins/plugin_handle.hpp"
#include "steward/sdk/importer.hpp"

namespace steward::testing {

// A PluginHandle around an importer object in this process (no library, no child).
class DirectImporter : public plugins::PluginHandle {
 public:
  DirectImporter(sdk::Manifest manifest, std::unique_ptr<sdk::PaymentImporter> importer)
      : manifest_(std::move(manifest)), importer_(std::move(importer)) {}
  const sdk::Manifest& manifest() const override { return manifest_; }
  plugins::Isolation isolation() const override { return plugins::Isolation::kInProcess; }
  Result<int> detect(std::string_view name, std::string_view head) override {
    return importer_->detect(name, head);
  }
  Status start(std::string_view name) override { return importer_->start(name); }
  Status feed(std::string_view bytes, sdk::ParseOutput& out) override {
    return importer_->feed(bytes, out);
  }
  Status finish(sdk::ParseOutput& out) override { return importer_->finish(out); }
  Result<std::vector<sdk::RecipientStatus>> deliver(const sdk::MailMessage&) override {
    return wrong_kind("mailer");
  }
  Result<std::vector<sdk::ParameterSpec>> parameters() override { return wrong_kind("report"); }
  Result<sdk::Table> run(const sdk::QueryCapability&,
                         const std::map<std::string, sdk::Value>&) override {
    return wrong_kind("report");
  }

 private:
  sdk::Manifest manifest_;
  std::unique_ptr<sdk::PaymentImporter> importer_;
};

// The steward-lines importer (tests/plugins/fixtures/lines_importer.hpp) as a handle.
std::unique_ptr<plugins::PluginHandle> lines_importer();
inline const char* kLinesPluginId = "org.steward.test.import-lines";

// One steward-lines line; unset fields are empty.
struct Line {
  std::string kind = "payment";
  std::string id;
  std::string account;
  std::string date = "2026-01-05";
  long long amount = 5000;
  std::string currency = "USD";
  std::string fee;
  std::string name;
  std::string email;
  std::string line1;
  std::string city;
  std::string postal;
  std::string country;
  std::string description;
  std::string fund_hint;
  std::string campaign;
  std::string original;
  std::string payer;
  std::string recurring;
  std::string method = "card";
  std::string converted;  // "minor CUR" (PaymentRecord::converted_amount), optional
  std::string interval;   // recurring_interval, optional
  std::string appeal;     // appeal_hint, optional
  std::string text() const;
};

// A file in a temporary folder removed with the object.
class TempFile {
 public:
  TempFile(const std::string& name, const std::string& content);
  ~TempFile();
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path dir_;
  std::filesystem::path path_;
};

// "#steward-lines v1\n" followed by the lines.
std::string lines_file(const std::vector<Line>& lines);

}  // namespace steward::testing
