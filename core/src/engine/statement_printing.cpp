// Statement PDFs made from receipts already issued: a run's combined print PDF and the
// preview / download of one donor's statement (year_end_statements.hpp).
#include "engine/statement_gather.hpp"
#include "engine/year_end_statements.hpp"
#include "print/private_file.hpp"
#include "store/receipt_repository.hpp"

namespace steward::engine {

using statements::gather;
using statements::load_context;

Result<std::string> statement_preview_pdf(store::Unit& unit, long long constituent_id, int year) {
  auto ctx = load_context(unit, year, std::nullopt);
  if (!ctx) return ctx.status();
  auto existing = store::receipts::find(unit, constituent_id, year);
  if (!existing) return existing.status();
  std::string number = *existing ? (*existing)->receipt_number : "";
  auto s = gather(unit, *ctx, constituent_id, number, false);
  if (!s) return s.status();
  return print::render_pdf({statement_piece(s->content)},
                           {ctx->paper, "Statement preview " + number});
}

Result<std::filesystem::path> print_issued_statements(
    store::Database& db, int year, const std::vector<long long>& constituent_ids,
    const std::filesystem::path& dir, const std::optional<print::PaperSize>& paper) {
  auto pdf = db.read([&](store::Unit& unit) -> Result<std::string> {
    auto ctx = load_context(unit, year, paper);
    if (!ctx) return ctx.status();
    std::vector<print::Piece> pieces;
    for (long long id : constituent_ids) {
      auto receipt = store::receipts::find(unit, id, ctx->period.year);
      if (!receipt) return receipt.status();
      if (!*receipt) continue;
      auto s = gather(unit, *ctx, id, (*receipt)->receipt_number, (*receipt)->issue_count > 1);
      if (!s) return s.status();
      pieces.push_back(statement_piece(s->content));
    }
    if (pieces.empty()) return std::string();
    return print::render_pdf(pieces, {ctx->paper, "Statements " + std::to_string(year)});
  });
  if (!pdf) return pdf.status();
  if (pdf->empty()) return std::filesystem::path();
  return print::write_private_file(
      dir, "statements-" + std::to_string(year) + "-" + print::file_timestamp(), "pdf", *pdf);
}

}  // namespace steward::engine
