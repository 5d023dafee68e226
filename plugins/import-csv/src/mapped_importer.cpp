#include "steward/import_csv/mapped_importer.hpp"

#include <sodium.h>

#include "steward/plugin_common/text.hpp"

namespace steward::import_csv {

namespace pc = plugin_common;
using pc::cell;

namespace {

bool has_hangul(std::string_view text) {
  // Hangul syllables U+AC00..U+D7A3 are EA B0 80 .. ED 9E A3 in UTF-8.
  for (std::size_t i = 0; i + 2 < text.size(); ++i) {
    auto b = static_cast<unsigned char>(text[i]);
    if (b >= 0xEA && b <= 0xED) return true;
  }
  return false;
}

pc::Column find(const pc::HeaderIndex& h, const std::string& name) {
  if (name.empty()) return std::nullopt;
  return h.find(name);
}

}  // namespace

MappedCsvImporter::MappedCsvImporter(CsvConfig config)
    : config_(std::move(config)), dates_(config_.date_order) {
  if (sodium_init() < 0) {
    // SHA-256 works without it; sodium_init only fails on a broken system RNG.
  }
  set_delimiter(config_.delimiter);
  set_skip_records(static_cast<std::size_t>(config_.skip_rows));
  (void)set_encoding(config_.encoding);  // checked by parse_config
}

std::string MappedCsvImporter::missing_columns(const pc::HeaderIndex& h) const {
  std::string missing;
  for (const std::string* name :
       {&config_.date_column, &config_.amount_column, &config_.credit_column, &config_.debit_column,
        &config_.currency_column, &config_.email_column, &config_.name_column,
        &config_.first_name_column, &config_.last_name_column, &config_.fund_column,
        &config_.campaign_column, &config_.external_id_column, &config_.description_column,
        &config_.payer_id_column, &config_.fee_column, &config_.recurring_column}) {
    if (name->empty() || h.has(*name)) continue;
    if (!missing.empty()) missing += ", ";
    missing += "\"" + *name + "\"";
  }
  return missing;
}

int MappedCsvImporter::detect(std::string_view, std::string_view head) const {
  if (!config_.configured) return 0;
  pc::Utf8Decoder decoder;
  if (!decoder.open(config_.encoding)) return 0;
  std::string text;
  decoder.decode(decoder.passthrough() ? pc::cut_partial_utf8(head) : head, text);
  auto names =
      pc::first_record(text, config_.delimiter, static_cast<std::size_t>(config_.skip_rows));
  if (!names) return 0;
  return missing_columns(pc::HeaderIndex(*names)).empty() ? 80 : 0;
}

Status MappedCsvImporter::start(std::string_view) {
  if (!config_.configured) {
    return Status::invalid_field("date_column",
                                 "the CSV importer has no column mapping yet: set date_column, "
                                 "amount_column and currency (or currency_column)");
  }
  begin();
  return {};
}

Status MappedCsvImporter::feed(std::string_view bytes, sdk::ParseOutput& out) {
  return feed_bytes(bytes, out);
}

Status MappedCsvImporter::finish(sdk::ParseOutput& out) { return end(out); }

void MappedCsvImporter::on_begin() {
  dates_.reset();
  col_ = Columns{};
  last_date_.clear();
  seen_.clear();
}

Status MappedCsvImporter::on_header(const pc::HeaderIndex& h) {
  if (std::string missing = missing_columns(h); !missing.empty()) {
    return Status::invalid("the file does not match the CSV importer's mapping: no column " +
                           missing + " in the header");
  }
  Columns& c = col_;
  c.date = find(h, config_.date_column);
  c.amount = find(h, config_.amount_column);
  c.credit = find(h, config_.credit_column);
  c.debit = find(h, config_.debit_column);
  c.currency = find(h, config_.currency_column);
  c.email = find(h, config_.email_column);
  c.name = find(h, config_.name_column);
  c.first_name = find(h, config_.first_name_column);
  c.last_name = find(h, config_.last_name_column);
  c.fund = find(h, config_.fund_column);
  c.campaign = find(h, config_.campaign_column);
  c.external_id = find(h, config_.external_id_column);
  c.description = find(h, config_.description_column);
  c.payer_id = find(h, config_.payer_id_column);
  c.fee = find(h, config_.fee_column);
  c.recurring = find(h, config_.recurring_column);
  return {};
}

std::string MappedCsvImporter::row_id(const Row& row, std::string_view date_text) {
  std::string joined;
  for (const auto& field : row.fields) {
    joined.append(pc::trim(field));
    joined.push_back('\x1f');
  }
  std::string id = "sha256:" + sha256_hex(joined);
  if (date_text != last_date_) {
    last_date_ = std::string(date_text);
    seen_.clear();
  }
  int n = ++seen_[id];
  if (n > 1) id += "#" + std::to_string(n);
  return id;
}

void MappedCsvImporter::on_row(const Row& row, sdk::ParseOutput& out) {
  const auto& f = row.fields;
  std::string currency = config_.currency;
  if (col_.currency && !cell(f, col_.currency).empty()) {
    currency = pc::normalize_currency(cell(f, col_.currency));
    if (currency.empty()) {
      issue(out, row, config_.currency_column,
            "\"" + std::string(cell(f, col_.currency)) + "\" is not a currency code");
      return;
    }
  }
  if (currency.empty()) {
    issue(out, row, config_.currency_column, "is empty and no fixed currency is set");
    return;
  }
  const int exponent = pc::currency_exponent(currency);
  auto money = [&](Column column, const std::string& field, std::int64_t& value) {
    std::string_view text = cell(f, column);
    if (text.empty()) {
      value = 0;
      return true;
    }
    auto parsed = pc::parse_amount(text, exponent, config_.decimal_style);
    if (!parsed) {
      issue(out, row, field, parsed.status().message());
      return false;
    }
    value = *parsed;
    return true;
  };
  std::int64_t amount = 0;
  std::string amount_field = config_.amount_column;
  if (col_.amount) {
    if (cell(f, col_.amount).empty()) {
      issue(out, row, amount_field, "is empty");
      return;
    }
    if (!money(col_.amount, amount_field, amount)) return;
  } else {
    amount_field = config_.credit_column;
    std::int64_t credit = 0, debit = 0;
    if (!money(col_.credit, config_.credit_column, credit)) return;
    if (!money(col_.debit, config_.debit_column, debit)) return;
    amount = credit != 0 ? credit : -(debit < 0 ? -debit : debit);
  }
  if (amount == 0) {
    skipped(out, row, amount_field, "zero amount");
    return;
  }
  sdk::PaymentRecord r;
  r.kind = sdk::PaymentKind::kPayment;
  if (amount < 0) {
    if (config_.negative_amounts == NegativeAmounts::kSkip) {
      std::string_view text = cell(f, col_.amount ? col_.amount : col_.debit);
      skipped(out, row, col_.amount ? amount_field : config_.debit_column,
              "money out (" + std::string(text) + " " + currency + ")");
      return;
    }
    r.kind = sdk::PaymentKind::kRefund;
    amount = -amount;
  }
  std::string_view date_text = cell(f, col_.date);
  auto date = dates_.parse(date_text);
  if (!date) {
    issue(out, row, config_.date_column, date.status().message());
    return;
  }
  r.date = date->date;
  r.amount = {amount, currency};
  if (col_.fee) {
    std::int64_t fee = 0;
    if (!money(col_.fee, config_.fee_column, fee)) return;
    if (fee < 0) fee = -fee;
    if (fee > 0) r.fee = sdk::Money{fee, currency};
  }
  if (col_.external_id) {
    r.external_id = cell(f, col_.external_id);
    if (r.external_id.empty()) {
      issue(out, row, config_.external_id_column, "is empty");
      return;
    }
  } else {
    r.external_id = row_id(row, date_text);
  }
  r.account = config_.account;
  if (col_.name) {
    r.donor_name = cell(f, col_.name);
  } else if (col_.first_name) {
    std::string_view first = cell(f, col_.first_name), last = cell(f, col_.last_name);
    // Korean names are family name first, written together: 김 + 민지 -> 김민지.
    if (has_hangul(first) && has_hangul(last)) {
      r.donor_name = std::string(last) + std::string(first);
    } else {
      r.donor_name = std::string(first);
      if (!first.empty() && !last.empty()) r.donor_name += " ";
      r.donor_name += last;
    }
  }
  r.donor_email = cell(f, col_.email);
  r.fund_hint = cell(f, col_.fund);
  r.campaign_hint = cell(f, col_.campaign);
  r.description = cell(f, col_.description);
  r.donor_external_id = cell(f, col_.payer_id);
  r.recurring_reference = cell(f, col_.recurring);
  r.payment_method = config_.payment_method;
  r.raw = raw(row);
  out.records.push_back(std::move(r));
}

}  // namespace steward::import_csv
