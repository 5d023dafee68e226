#include "steward/import_paypal/paypal_importer.hpp"

#include "steward/plugin_common/text.hpp"

namespace steward::import_paypal {

namespace pc = plugin_common;

namespace {

// Localised header names (English, Spanish, French, German), compared after normalize_name.
pc::Column date_col(const pc::HeaderIndex& h) { return h.find_any({"Date", "Fecha", "Datum"}); }
pc::Column gross_col(const pc::HeaderIndex& h) {
  return h.find_any({"Gross", "Bruto", "Brut", "Brutto"});
}
pc::Column txn_col(const pc::HeaderIndex& h) {
  return h.find_any({"Transaction ID", "Id. de transacción", "N° de transaction",
                     "Numéro de transaction", "Transaktionscode"});
}
pc::Column type_col(const pc::HeaderIndex& h) { return h.find_any({"Type", "Tipo", "Typ"}); }
pc::Column description_col(const pc::HeaderIndex& h) {
  return h.find_any({"Description", "Descripción", "Beschreibung"});
}
pc::Column currency_col(const pc::HeaderIndex& h) {
  return h.find_any({"Currency", "Divisa", "Moneda", "Devise", "Währung"});
}

}  // namespace

int detect_paypal(std::string_view, std::string_view head) {
  // Headers are ASCII or UTF-8 (Latin-1 exports read the same in their ASCII columns).
  auto names = pc::first_record(head);
  if (!names) return 0;
  pc::HeaderIndex h(*names);
  if (!date_col(h) || !gross_col(h) || !txn_col(h) || !currency_col(h)) return 0;
  if (type_col(h) || description_col(h)) return 90;
  return 60;
}

PaypalImporter::PaypalImporter(PaypalConfig config)
    : config_(std::move(config)), dates_(config_.date_order) {
  (void)set_encoding(config_.encoding);  // validated by parse_config
}

int PaypalImporter::detect(std::string_view file_name, std::string_view head) const {
  return detect_paypal(file_name, head);
}

Status PaypalImporter::start(std::string_view) {
  begin();
  return {};
}

Status PaypalImporter::feed(std::string_view bytes, sdk::ParseOutput& out) {
  return feed_bytes(bytes, out);
}

Status PaypalImporter::finish(sdk::ParseOutput& out) { return end(out); }

void PaypalImporter::on_begin() {
  dates_.reset();
  col_ = Columns{};
}

std::string PaypalImporter::field_name(Column column, const char* fallback) const {
  return column ? std::string(pc::trim(header().name(*column))) : fallback;
}

Status PaypalImporter::on_header(const pc::HeaderIndex& h) {
  Columns& c = col_;
  c.date = date_col(h);
  c.gross = gross_col(h);
  c.txn = txn_col(h);
  c.currency = currency_col(h);
  c.type = type_col(h);
  c.description = description_col(h);
  if (!c.date || !c.gross || !c.txn || !c.currency) {
    return Status::invalid(
        "not a PayPal CSV: the header needs Date, Currency, Gross and Transaction ID columns");
  }
  activity_ = c.type.has_value();
  c.status = h.find_any({"Status", "Estado", "État", "Etat"});
  c.fee = h.find_any({"Fee", "Comisión", "Tarifa", "Frais", "Gebühr"});
  c.name = h.find_any({"Name", "Nombre", "Nom"});
  c.from_email = h.find_any({"From Email Address", "Correo electrónico del remitente",
                             "De l'adresse email", "Absender E-Mail-Adresse"});
  c.to_email = h.find_any({"To Email Address", "Correo electrónico del destinatario",
                           "À l'adresse email", "Empfänger E-Mail-Adresse"});
  c.reference =
      h.find_any({"Reference Txn ID", "Id. de referencia de trans.",
                  "Numéro de la transaction de référence", "Zugehöriger Transaktionscode"});
  c.subject = h.find_any({"Subject", "Asunto", "Objet", "Betreff"});
  c.note = h.find_any({"Note", "Nota", "Remarque", "Hinweis"});
  c.item_title =
      h.find_any({"Item Title", "Título del artículo", "Titre de l'objet", "Artikelbezeichnung"});
  c.payer_id = h.find_any({"Payer ID", "Customer ID"});
  c.subscription = h.find_any({"Subscription Number", "Subscription ID", "Profile ID"});
  // Subscription/profile exports and custom reports may name the billing period (0154).
  c.period = h.find_any({"Billing Period", "Subscription Period", "Period", "Frequency"});
  c.address1 = h.find_any({"Address Line 1", "Dirección, línea 1", "Adresse 1"});
  c.address2 = h.find_any({"Address Line 2/District/Neighborhood", "Address Line 2",
                           "Dirección, línea 2", "Adresse 2"});
  c.city = h.find_any({"Town/City", "City", "Ciudad", "Ville"});
  c.region = h.find_any({"State/Province/Region/County/Territory/Prefecture/Republic", "State",
                         "Estado/provincia", "Région"});
  c.postal_code = h.find_any({"Zip/Postal Code", "Postal Code", "Código postal", "Code postal"});
  c.country = h.find_any({"Country", "País", "Pays"});
  c.country_code = h.find_any({"Country Code", "Código de país", "Code pays"});

  // Numbers and ambiguous dates follow the header's language unless the settings say.
  const bool english = pc::normalize_name(h.name(*c.gross)) == "gross";
  decimal_ = config_.decimal_style != pc::DecimalStyle::kAuto
                 ? config_.decimal_style
                 : (english ? pc::DecimalStyle::kDot : pc::DecimalStyle::kComma);
  dates_.set_fallback(english ? pc::DateOrder::kMdy : pc::DateOrder::kDmy);
  return {};
}

}  // namespace steward::import_paypal
