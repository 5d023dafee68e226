#include "camt053_entry.hpp"

#include <algorithm>
#include <optional>
#include <vector>

#include "camt053_xml.hpp"
#include "decimal_amount.hpp"

namespace steward::plugins::camt053 {
namespace {

using sdk::PaymentKind;
using sdk::PaymentRecord;

constexpr std::string_view kNotProvided = "NOTPROVIDED";

std::string ref_or_empty(std::string value) {
  return value == kNotProvided ? std::string{} : value;
}

const std::string& first_of(std::initializer_list<const std::string*> values) {
  static const std::string kEmpty;
  for (const auto* v : values) {
    if (!v->empty()) return *v;
  }
  return kEmpty;
}

std::optional<sdk::Date> parse_date(const std::string& text) {
  if (text.size() < 10) return std::nullopt;
  if (text.size() > 10 && text[10] != 'T') return std::nullopt;
  sdk::Date d;
  if (!sdk::Date::parse(text.substr(0, 10), d)) return std::nullopt;
  return d;
}

// The text of Dt or DtTm under a BookgDt / ValDt element.
std::string date_text(const pugi::xml_node& holder) {
  auto dt = text(child(holder, "Dt"));
  return dt.empty() ? text(child(holder, "DtTm")) : dt;
}

std::optional<sdk::PostalAddress> address_of(const pugi::xml_node& party) {
  auto adr = child(party, "PstlAdr");
  if (!adr) return std::nullopt;
  sdk::PostalAddress a;
  std::vector<std::string> lines;
  auto street = text(child(adr, "StrtNm"));
  auto number = text(child(adr, "BldgNb"));
  if (!street.empty()) lines.push_back(number.empty() ? street : street + " " + number);
  for (auto c = adr.first_child(); c; c = c.next_sibling()) {
    if (local_name(c) == "AdrLine" && !text(c).empty()) lines.push_back(text(c));
  }
  if (!lines.empty()) a.line1 = lines[0];
  for (std::size_t i = 1; i < lines.size(); ++i) a.line2 += (i > 1 ? ", " : "") + lines[i];
  a.city = text(child(adr, "TwnNm"));
  a.region = text(child(adr, "CtrySubDvsn"));
  a.postal_code = text(child(adr, "PstCd"));
  a.country = text(child(adr, "Ctry"));
  if (a == sdk::PostalAddress{}) return std::nullopt;
  return a;
}

// Party40Choice (.08+) wraps the party in <Pty>; earlier versions put Nm directly.
pugi::xml_node party_of(const pugi::xml_node& holder) {
  auto pty = child(holder, "Pty");
  return pty ? pty : holder;
}

std::string account_id_of(const pugi::xml_node& acct) {
  auto iban = text_at(acct, {"Id", "IBAN"});
  return iban.empty() ? text_at(acct, {"Id", "Othr", "Id"}) : iban;
}

std::string description_of(const pugi::xml_node& tx, const pugi::xml_node& entry) {
  std::vector<std::string> parts;
  auto rmt = child(tx, "RmtInf");
  for (auto c = rmt.first_child(); c; c = c.next_sibling()) {
    if (local_name(c) == "Ustrd" && !text(c).empty()) parts.push_back(text(c));
  }
  if (parts.empty()) {
    for (auto s = rmt.first_child(); s; s = s.next_sibling()) {
      if (local_name(s) != "Strd") continue;
      for (const auto& v : {text_at(s, {"CdtrRefInf", "Ref"}), text_at(s, {"RfrdDocInf", "Nb"}),
                            text(child(s, "AddtlRmtInf"))}) {
        if (!v.empty()) parts.push_back(v);
      }
    }
  }
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : " ") + p;
  if (out.empty()) out = text(child(tx, "AddtlTxInf"));
  if (out.empty()) out = text(child(entry, "AddtlNtryInf"));
  return out;
}

bool is_return_code(const std::string& sub_family) {
  return sub_family == "UPDD" || sub_family == "RRTN" || sub_family == "PRDD" ||
         sub_family == "RPCR";
}

class EntryReader {
 public:
  EntryReader(std::string_view xml, ElementPosition at, const StatementContext& statement,
              sdk::ParseOutput& out, EntryCounts& counts)
      : xml_(xml), at_(at), statement_(statement), out_(out), counts_(counts) {}

  void run();

 private:
  void issue_at(std::size_t offset_in_entry, std::string field, std::string message) {
    offset_in_entry = std::min(offset_in_entry, xml_.size());
    auto lines =
        std::count(xml_.begin(), xml_.begin() + static_cast<std::ptrdiff_t>(offset_in_entry), '\n');
    out_.issues.push_back({at_.line + static_cast<std::size_t>(lines), at_.offset + offset_in_entry,
                           std::move(field), std::move(message)});
    had_issue_ = true;
  }
  void issue(const pugi::xml_node& where, std::string field, std::string message) {
    auto off = where ? where.offset_debug() : -1;
    // offset_debug() points at the element's name; report the '<' before it.
    if (off > 0 && static_cast<std::size_t>(off) <= xml_.size() &&
        xml_[static_cast<std::size_t>(off) - 1] == '<')
      --off;
    issue_at(off < 0 ? 0 : static_cast<std::size_t>(off), std::move(field), std::move(message));
  }
  std::optional<std::int64_t> amount_of(const pugi::xml_node& amt, const std::string& currency,
                                        const std::string& field);
  void record_for(const pugi::xml_node& tx, std::size_t index, std::size_t count);

  std::string_view xml_;
  ElementPosition at_;
  const StatementContext& statement_;
  sdk::ParseOutput& out_;
  EntryCounts& counts_;
  pugi::xml_node entry_;
  bool had_issue_ = false;
  bool reversal_ = false;
  std::string currency_;
  std::int64_t entry_minor_ = 0;
  sdk::Date date_;
  std::string entry_ref_;
  std::string family_;
  std::string sub_family_;
};

std::optional<std::int64_t> EntryReader::amount_of(const pugi::xml_node& amt,
                                                   const std::string& currency,
                                                   const std::string& field) {
  auto value = parse_decimal_minor(text(amt), currency);
  if (!value) {
    issue(amt, field, "\"" + text(amt) + "\" is not an amount in " + currency);
  } else if (*value == 0) {
    issue(amt, field, "amount is zero");
    return std::nullopt;
  }
  return value;
}

void EntryReader::run() {
  pugi::xml_document doc;
  auto parsed = doc.load_buffer(xml_.data(), xml_.size(), pugi::parse_default, pugi::encoding_utf8);
  ++counts_.entries;
  if (!parsed) {
    issue_at(static_cast<std::size_t>(std::max<std::ptrdiff_t>(parsed.offset, 0)), "Ntry",
             std::string("entry is not well-formed XML: ") + parsed.description());
    ++counts_.entries_with_issues;
    return;
  }
  entry_ = doc.document_element();
  auto status = text_at(entry_, {"Sts", "Cd"});
  if (status.empty()) status = text(child(entry_, "Sts"));
  if (!status.empty() && status != "BOOK") {
    ++counts_.skipped_not_booked;
    return;
  }
  auto indicator = text(child(entry_, "CdtDbtInd"));
  auto rvsl = text(child(entry_, "RvslInd"));
  bool reversal_flag = rvsl == "true" || rvsl == "1";
  family_ = text_at(entry_, {"BkTxCd", "Domn", "Fmly", "Cd"});
  sub_family_ = text_at(entry_, {"BkTxCd", "Domn", "Fmly", "SubFmlyCd"});
  std::vector<pugi::xml_node> txs;
  bool return_info = false;
  for (auto d = entry_.first_child(); d; d = d.next_sibling()) {
    if (local_name(d) != "NtryDtls") continue;
    for (auto t = d.first_child(); t; t = t.next_sibling()) {
      if (local_name(t) != "TxDtls") continue;
      txs.push_back(t);
      if (child(t, "RtrInf")) return_info = true;
    }
  }
  if (indicator == "CRDT") {
    if (reversal_flag || return_info || is_return_code(sub_family_)) {
      ++counts_.skipped_other;  // one of our own payments cancelled or returned: not a gift
      return;
    }
  } else if (indicator == "DBIT") {
    if (!reversal_flag && !return_info && !is_return_code(sub_family_)) {
      ++counts_.skipped_debits;
      return;
    }
    reversal_ = true;
  } else {
    issue(child(entry_, "CdtDbtInd"), "CdtDbtInd",
          "expected CRDT or DBIT, found \"" + indicator + "\"");
    ++counts_.entries_with_issues;
    return;
  }
  auto amt = child(entry_, "Amt");
  currency_ = attribute(amt, "Ccy");
  if (currency_.empty()) currency_ = statement_.currency;
  auto booking = date_text(child(entry_, "BookgDt"));
  auto when = booking.empty() ? date_text(child(entry_, "ValDt")) : booking;
  std::optional<std::int64_t> minor;
  if (!amt) {
    issue(entry_, "Amt", "entry has no amount");
  } else if (!valid_currency_code(currency_)) {
    issue(amt, "Amt/@Ccy", "\"" + currency_ + "\" is not an ISO 4217 currency code");
  } else {
    minor = amount_of(amt, currency_, "Amt");
  }
  auto date = parse_date(when);
  if (when.empty()) {
    issue(entry_, "BookgDt", "entry has neither a booking nor a value date");
  } else if (!date) {
    issue(child(entry_, booking.empty() ? "ValDt" : "BookgDt"),
          booking.empty() ? "ValDt" : "BookgDt", "\"" + when + "\" is not an ISO date");
  }
  if (!minor || !date) {
    ++counts_.entries_with_issues;
    return;
  }
  entry_minor_ = *minor;
  date_ = *date;
  auto svcr = text(child(entry_, "AcctSvcrRef"));
  entry_ref_ = svcr.empty() ? text(child(entry_, "NtryRef")) : svcr;
  if (txs.empty()) txs.push_back(pugi::xml_node{});
  for (std::size_t i = 0; i < txs.size(); ++i) record_for(txs[i], i, txs.size());
  if (had_issue_) ++counts_.entries_with_issues;
}

void EntryReader::record_for(const pugi::xml_node& tx, std::size_t index, std::size_t count) {
  PaymentRecord r;
  r.kind = reversal_ ? PaymentKind::kReversal : PaymentKind::kPayment;
  r.account = statement_.account;
  r.date = date_;
  r.amount = {entry_minor_, currency_};
  if (count > 1) {
    pugi::xml_node amt;
    for (auto candidate :
         {child(tx, "Amt"), path(tx, {"AmtDtls", "TxAmt", "Amt"}),
          path(tx, {"AmtDtls", "InstdAmt", "Amt"}), path(tx, {"AmtDtls", "CntrValAmt", "Amt"})}) {
      if (candidate && attribute(candidate, "Ccy") == currency_) {
        amt = candidate;
        break;
      }
    }
    if (!amt) {
      issue(tx, "TxDtls/Amt",
            "transaction " + std::to_string(index + 1) + " of the batch has no amount in " +
                currency_);
      return;
    }
    auto minor = amount_of(amt, currency_, "TxDtls/Amt");
    if (!minor) return;
    r.amount.minor = *minor;
  }
  auto refs = child(tx, "Refs");
  auto e2e = ref_or_empty(text(child(refs, "EndToEndId")));
  auto tx_id = ref_or_empty(text(child(refs, "TxId")));
  auto tx_svcr = text(child(refs, "AcctSvcrRef"));
  auto mandate = text(child(refs, "MndtId"));
  std::string fallback =
      (statement_.statement_id.empty() ? std::string("entry") : statement_.statement_id) + "#" +
      std::to_string(statement_.entry_index);
  if (count <= 1) {
    r.external_id = first_of({&entry_ref_, &tx_svcr, &e2e, &tx_id, &fallback});
  } else if (!tx_svcr.empty() && tx_svcr != entry_ref_) {
    r.external_id = tx_svcr;
  } else {
    std::string position = std::to_string(index + 1);
    r.external_id = first_of({&entry_ref_, &fallback}) + "/" + first_of({&tx_id, &e2e, &position});
  }
  auto parties = child(tx, "RltdPties");
  auto payer = party_of(child(parties, "Dbtr"));
  auto payer_account = child(parties, "DbtrAcct");
  if (text(child(payer, "Nm")).empty()) payer = party_of(child(parties, "UltmtDbtr"));
  if (text(child(payer, "Nm")).empty() && reversal_) {
    auto creditor_account = child(parties, "CdtrAcct");
    if (account_id_of(creditor_account) != statement_.account) {
      payer = party_of(child(parties, "Cdtr"));
      payer_account = creditor_account;
    }
  }
  r.donor_name = text(child(payer, "Nm"));
  r.donor_address = address_of(payer);
  r.donor_external_id = account_id_of(payer_account);
  r.description = description_of(tx, entry_);
  if (reversal_) r.original_external_id = first_of({&e2e, &tx_id});
  r.recurring_reference = mandate;
  bool direct_debit = family_ == "RDDT" || family_ == "IDDT" || !mandate.empty();
  r.payment_method = direct_debit ? "direct_debit" : "bank_transfer";
  auto add_raw = [&r](std::string name, std::string value) {
    if (!value.empty()) r.raw.emplace_back(std::move(name), std::move(value));
  };
  add_raw("statement_id", statement_.statement_id);
  auto entry_svcr = text(child(entry_, "AcctSvcrRef"));
  add_raw("AcctSvcrRef", first_of({&tx_svcr, &entry_svcr}));
  add_raw("NtryRef", text(child(entry_, "NtryRef")));
  add_raw("EndToEndId", e2e);
  add_raw("TxId", tx_id);
  add_raw("MndtId", mandate);
  add_raw("BookgDt", date_text(child(entry_, "BookgDt")));
  add_raw("ValDt", date_text(child(entry_, "ValDt")));
  add_raw("BkTxCd", text_at(entry_, {"BkTxCd", "Domn", "Cd"}) +
                        (family_.empty() ? "" : "/" + family_) +
                        (sub_family_.empty() ? "" : "/" + sub_family_));
  add_raw("RtrRsn", text_at(tx, {"RtrInf", "Rsn", "Cd"}));
  auto tx_amt = child(tx, "Amt");
  if (tx_amt && attribute(tx_amt, "Ccy") != currency_)
    add_raw("TxDtls/Amt", text(tx_amt) + " " + attribute(tx_amt, "Ccy"));
  out_.records.push_back(std::move(r));
  ++counts_.records;
}

}  // namespace

void parse_entry(std::string_view xml, ElementPosition at, const StatementContext& statement,
                 sdk::ParseOutput& out, EntryCounts& counts) {
  EntryReader(xml, at, statement, out, counts).run();
}

bool parse_account(std::string_view xml, StatementContext& statement) {
  pugi::xml_document doc;
  if (!doc.load_buffer(xml.data(), xml.size(), pugi::parse_default, pugi::encoding_utf8))
    return false;
  auto acct = doc.document_element();
  statement.account = account_id_of(acct);
  statement.currency = text(child(acct, "Ccy"));
  return true;
}

}  // namespace steward::plugins::camt053
