#include "steward/plugin_common/csv_importer.hpp"

#include <utility>

#include "steward/plugin_common/text.hpp"

namespace steward::plugin_common {

CsvImporterCore::CsvImporterCore(CsvOptions options) : reader_(options) {}

void CsvImporterCore::set_delimiter(char delimiter) {
  CsvOptions options = reader_.options();
  options.delimiter = delimiter;
  reader_ = CsvReader(options);
}

void CsvImporterCore::begin() {
  reader_.reset();
  pending_.clear();
  header_ = HeaderIndex();
  decoder_.reset();
  have_header_ = false;
  skipped_records_ = 0;
  failed_ = Status::ok();
  on_begin();
}

Status CsvImporterCore::parse(std::string_view text, sdk::ParseOutput& out) {
  if (!failed_) return failed_;
  reader_.feed(text, pending_);
  return drain(out);
}

Status CsvImporterCore::feed_bytes(std::string_view bytes, sdk::ParseOutput& out) {
  if (decoder_.passthrough()) return parse(bytes, out);
  decoded_.clear();
  decoder_.decode(bytes, decoded_);
  return parse(decoded_, out);
}

Status CsvImporterCore::end(sdk::ParseOutput& out) {
  if (!decoder_.passthrough()) {
    decoded_.clear();
    decoder_.decode({}, decoded_, true);
    if (Status s = parse(decoded_, out); !s) return s;
  }
  if (!failed_) return failed_;
  reader_.finish(pending_);
  Status status = drain(out);
  if (!status) return status;
  if (!have_header_) {
    out.issues.push_back(
        {0, 0, "", reader_.bytes_read() == 0 ? "the file is empty" : "the file has no header row"});
  }
  return {};
}

Status CsvImporterCore::drain(sdk::ParseOutput& out) {
  for (auto& row : pending_) {
    if (!have_header_ && skipped_records_ < skip_records_) {
      ++skipped_records_;
      continue;
    }
    if (!have_header_) {
      if (!row.error.empty()) {
        failed_ = Status::invalid("the header row cannot be read: " + row.error);
        break;
      }
      header_ = HeaderIndex(row.fields);
      if (Status s = on_header(header_); !s) {
        failed_ = s;
        break;
      }
      have_header_ = true;
      continue;
    }
    if (!row.error.empty()) {
      issue(out, row, "", row.error);
      continue;
    }
    const std::size_t n = row.fields.size();
    if (n < header_.named_width()) {
      issue(out, row, "",
            "the row has " + std::to_string(n) + " fields but the header has " +
                std::to_string(header_.named_width()) + " (cut short or shifted?); skipped");
      continue;
    }
    if (n > header_.size()) {
      bool extra = false;
      for (std::size_t i = header_.size(); i < n; ++i)
        extra = extra || !trim(row.fields[i]).empty();
      if (extra) {
        issue(out, row, "",
              "the row has " + std::to_string(n) + " fields but the header has " +
                  std::to_string(header_.size()) + " (shifted?); skipped");
        continue;
      }
    }
    on_row(row, out);
  }
  pending_.clear();
  return failed_;
}

void CsvImporterCore::issue(sdk::ParseOutput& out, const CsvRecord& row, std::string field,
                            std::string message) {
  out.issues.push_back({row.line, row.offset, std::move(field), std::move(message)});
}

void CsvImporterCore::skipped(sdk::ParseOutput& out, const CsvRecord& row, std::string field,
                              const std::string& why) {
  issue(out, row, std::move(field), "skipped: " + why);
}

std::vector<std::pair<std::string, std::string>> CsvImporterCore::raw(const CsvRecord& row) const {
  std::vector<std::pair<std::string, std::string>> out;
  for (std::size_t i = 0; i < row.fields.size() && i < header_.size(); ++i) {
    std::string_view value = trim(row.fields[i]);
    if (value.empty()) continue;
    out.emplace_back(std::string(trim(header_.name(i))), std::string(value));
  }
  return out;
}

std::optional<sdk::PostalAddress> filled_address(sdk::PostalAddress address) {
  if (address == sdk::PostalAddress{}) return std::nullopt;
  if (address.country.size() == 2) {
    for (char& c : address.country) {
      if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    }
  }
  return address;
}

std::optional<std::vector<std::string>> first_record(std::string_view head, char delimiter,
                                                     std::size_t skip) {
  CsvOptions options;
  options.delimiter = delimiter;
  options.max_record_bytes = 64 * 1024;
  CsvReader reader(options);
  std::vector<CsvRecord> records;
  reader.feed(head, records);
  if (records.size() <= skip) reader.finish(records);  // a head ending without a line break
  if (records.size() <= skip || !records[skip].error.empty()) return std::nullopt;
  return std::move(records[skip].fields);
}

}  // namespace steward::plugin_common
