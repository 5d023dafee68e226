#include "engine/thank_you_letters.hpp"

#include "engine/mail_ids.hpp"
#include "engine/mail_merge.hpp"
#include "engine/mail_render.hpp"
#include "engine/mail_starter_templates.hpp"
#include "print/private_file.hpp"
#include "store/mail_queries.hpp"
#include "store/mail_settings.hpp"
#include "store/mail_template_repository.hpp"
#include "store/settings_repository.hpp"

namespace steward::engine {
namespace {

// The template's address paragraph: first line starts with the addressee, the rest are exactly
// the donor's address lines.
bool is_address_paragraph(const std::vector<std::string>& lines, const std::string& addressee,
                          const std::vector<std::string>& address) {
  if (lines.empty() || lines.size() != address.size() + 1) return false;
  if (lines[0].rfind(addressee, 0) != 0) return false;
  for (std::size_t i = 0; i < address.size(); ++i) {
    if (lines[i + 1] != address[i]) return false;
  }
  return true;
}

}  // namespace

Result<LetterPiece> thank_you_letter_piece(store::Unit& unit, long long constituent_id,
                                           long long gift_id) {
  auto donor = store::mail_queries::donor(unit, constituent_id);
  if (!donor) return donor.status();
  auto settings = store::mail_settings::get(unit);
  if (!settings) return settings.status();
  auto org = store::settings::get(unit);
  if (!org) return org.status();
  auto tmpl =
      store::mail_templates::for_kind(unit, "thank_you_letter", donor_language(*donor, *settings));
  if (!tmpl) return tmpl.status();
  if (!*tmpl) return Status::not_found("no active thank_you_letter template");
  auto fields = merge_fields(unit, {constituent_id, gift_id, std::nullopt}, (*tmpl)->language);
  if (!fields) return fields.status();
  auto rendered = render_mail(**tmpl, *fields);
  if (!rendered) return rendered.status();

  LetterPiece out;
  out.language = (*tmpl)->language;
  out.has_postal_address = !donor->address_lines.empty();
  const std::string addressee = (*fields)["donor"]["addressee"].get<std::string>();
  if (!org->organization_name.empty()) {
    out.piece.return_address.push_back(org->organization_name);
  }
  for (const auto& line : text_lines(settings->org_address)) {
    out.piece.return_address.push_back(line);
  }
  bool window_from_template = false;
  for (auto& block : print::paragraphs_from_text(rendered->text)) {
    auto lines = text_lines(block.text);
    if (!window_from_template && is_address_paragraph(lines, addressee, donor->address_lines)) {
      out.piece.recipient = lines;
      window_from_template = true;
      continue;
    }
    out.piece.blocks.push_back(std::move(block));
  }
  if (!window_from_template) {
    out.piece.recipient.push_back(addressee);
    for (const auto& line : donor->address_lines) out.piece.recipient.push_back(line);
  }
  return out;
}

Result<LetterRun> print_thank_you_letters(store::Database& db, const store::Actor& actor,
                                          const LetterOptions& options) {
  print::PendingFile pdf_file;  // named only once the unit has committed (decision 0220)
  auto run = [&](store::Unit& unit) -> Result<LetterRun> {
    if (options.send) {
      if (auto installed = install_starter_templates(unit); !installed) {
        return installed.status();
      }
    }
    auto settings = store::mail_settings::get(unit);
    if (!settings) return settings.status();
    auto chosen_paper = print::paper_size_or_setting(options.paper, settings->paper_size);
    if (!chosen_paper) return chosen_paper.status();
    const print::PaperSize paper = *chosen_paper;
    auto queue = ack_queue(unit, options.rule);
    if (!queue) return queue.status();
    LetterRun result;
    result.next = next_page(*queue, options.rule.limit);
    std::vector<print::Piece> pieces;
    for (const auto& item : *queue) {
      if (item.channel != AckChannel::kLetter) continue;
      if (options.exclude_gifts.count(item.gift.gift_id) > 0) continue;
      LetterOutcome o;
      o.gift_id = item.gift.gift_id;
      o.constituent_id = item.gift.constituent_id;
      o.donor_name = item.gift.donor_name;
      o.reason = item.reason;
      o.personal_call = item.personal_call;
      auto piece = thank_you_letter_piece(unit, item.gift.constituent_id, item.gift.gift_id);
      if (!piece) {
        o.state = "skipped";
        o.detail = piece.status().message();
        result.outcomes.push_back(o);
        continue;
      }
      if (options.send) {
        auto marked = store::mail_queries::mark_acknowledged(unit, item.gift.gift_id, "letter");
        if (!marked) return marked.status();
        if (!*marked) {
          o.state = "skipped";
          o.detail = "already acknowledged";
          result.outcomes.push_back(o);
          continue;
        }
      }
      o.language = piece->language;
      o.state = options.send ? "printed" : "would_print";
      if (!piece->has_postal_address) o.detail = "no postal address";
      pieces.push_back(std::move(piece->piece));
      result.outcomes.push_back(o);
    }
    result.letters = static_cast<int>(pieces.size());
    auto hook = [&]() -> Status {
      return options.send && options.on_printed ? options.on_printed(unit, result) : Status::ok();
    };
    if (pieces.empty()) {
      if (Status s = hook(); !s) return s;
      return result;
    }
    auto pdf = print::render_pdf(pieces, {paper, "Thank-you letters"});
    if (!pdf) return pdf.status();
    result.pdf = std::move(*pdf);
    if (options.send) {
      auto pending = print::PendingFile::write(options.dir, "letters-" + print::file_timestamp(),
                                               "pdf", result.pdf);
      if (!pending) return pending.status();
      pdf_file = std::move(*pending);
      result.path = pdf_file.final_path();
    }
    if (Status s = hook(); !s) return s;
    return result;
  };
  if (!options.send) return db.read(run);
  auto written = db.write(actor, run);
  if (!written) return written;  // rolled back, nothing marked: pdf_file removes its file
  if (Status s = pdf_file.publish(); !s) return s;
  return written;
}

}  // namespace steward::engine
