#include "camt053_importer.hpp"

#include <pugixml.hpp>

#include "camt053_xml.hpp"

namespace steward::plugins::camt053 {

int Camt053Importer::detect(std::string_view, std::string_view head) const {
  auto first = head.find_first_not_of(" \t\r\n");
  if (head.starts_with("\xEF\xBB\xBF")) first = head.find_first_not_of(" \t\r\n", 3);
  if (first == std::string_view::npos || head[first] != '<') return 0;
  if (head.find("camt.053.001.") != std::string_view::npos) return 95;
  if (head.find("BkToCstmrStmt") != std::string_view::npos) return 90;
  return 0;
}

Status Camt053Importer::start(std::string_view) {
  scanner_.reset();
  out_ = nullptr;
  failed_.reset();
  bytes_seen_ = 0;
  head_checked_ = false;
  saw_root_ = saw_statements_ = saw_statements_end_ = in_statement_ = false;
  statements_ = 0;
  statement_ = {};
  counts_ = {};
  return Status::ok();
}

void Camt053Importer::check_head(std::string_view bytes) {
  static constexpr std::string_view kBom = "\xEF\xBB\xBF";
  for (std::size_t i = 0; i < bytes.size() && !head_checked_; ++i) {
    std::size_t at = bytes_seen_ + i;
    char c = bytes[i];
    if (at < kBom.size() && c == kBom[at]) continue;
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') continue;
    head_checked_ = true;
    if (c != '<')
      fail(Status::invalid_field("file", "not an XML document, so not a camt.053 statement"));
  }
}

Status Camt053Importer::feed(std::string_view bytes, sdk::ParseOutput& out) {
  if (failed_) return *failed_;
  check_head(bytes);
  bytes_seen_ += bytes.size();
  if (failed_) return *failed_;
  out_ = &out;
  scanner_.feed(bytes, *this);
  out_ = nullptr;
  if (scanner_.markup_overflow()) {
    auto at = scanner_.position_of(0);
    fail(Status::invalid_field("file", "a tag, comment or CDATA section near line " +
                                           std::to_string(at.line) + " is larger than " +
                                           std::to_string(max_entry_bytes_ / 1024) +
                                           " KiB: not a camt.053 statement"));
  }
  return failed_ ? *failed_ : Status::ok();
}

Status Camt053Importer::finish(sdk::ParseOutput& out) {
  if (failed_) return *failed_;
  if (bytes_seen_ == 0) return Status::invalid_field("file", "the file is empty");
  if (!saw_statements_) {
    return Status::invalid_field("file",
                                 "not an ISO 20022 camt.053 statement (no BkToCstmrStmt element)");
  }
  if (scanner_.inside_captured_element()) {
    auto at = scanner_.captured_element_start();
    out.issues.push_back({at.line, at.offset, std::string(scanner_.captured_element_name()),
                          "the file ends inside this element (truncated); it was not imported"});
  } else if (!saw_statements_end_) {
    auto at = scanner_.position_of(0);
    out.issues.push_back({at.line, at.offset, "BkToCstmrStmt",
                          "the file ends before </BkToCstmrStmt> (truncated); entries after this "
                          "point are missing"});
  }
  return Status::ok();
}

bool Camt053Importer::on_start(std::string_view local, std::string_view parent, ElementPosition) {
  if (failed_) return false;
  if (!saw_root_) {
    saw_root_ = true;
    if (local != "Document" && local != "BkToCstmrStmt") {
      fail(Status::invalid_field(
          "file", "not a camt.053 statement: the root element is <" + std::string(local) + ">"));
      return false;
    }
  }
  if (local == "BkToCstmrAcctRpt" || local == "BkToCstmrDbtCdtNtfctn") {
    fail(Status::invalid_field("file", "this is a camt.052/camt.054 report (<" +
                                           std::string(local) + ">), not a camt.053 statement"));
    return false;
  }
  if (local == "BkToCstmrStmt") {
    saw_statements_ = true;
    return false;
  }
  if (local == "Stmt" && parent == "BkToCstmrStmt") {
    in_statement_ = true;
    statement_ = {};
    ++statements_;
    return false;
  }
  return in_statement_ && parent == "Stmt" && (local == "Ntry" || local == "Acct" || local == "Id");
}

void Camt053Importer::on_end(std::string_view local) {
  if (local == "Stmt") in_statement_ = false;
  if (local == "BkToCstmrStmt") saw_statements_end_ = true;
}

void Camt053Importer::on_element(std::string_view local, std::string_view xml, ElementPosition at) {
  if (failed_ || out_ == nullptr) return;
  if (local == "Ntry") {
    ++statement_.entry_index;
    parse_entry(xml, at, statement_, *out_, counts_);
  } else if (local == "Acct") {
    if (!parse_account(xml, statement_)) {
      out_->issues.push_back(
          {at.line, at.offset, "Acct", "the statement's account is not well-formed XML"});
    }
  } else if (local == "Id") {
    pugi::xml_document doc;
    if (doc.load_buffer(xml.data(), xml.size(), pugi::parse_default, pugi::encoding_utf8)) {
      statement_.statement_id = text(doc.document_element());
    }
  }
}

void Camt053Importer::on_oversized(std::string_view local, ElementPosition at) {
  if (out_ == nullptr) return;
  ++statement_.entry_index;
  ++counts_.entries;
  ++counts_.entries_with_issues;
  out_->issues.push_back(
      {at.line, at.offset, std::string(local),
       "element larger than " + std::to_string(max_entry_bytes_ / 1024) + " KiB; skipped"});
}

}  // namespace steward::plugins::camt053
