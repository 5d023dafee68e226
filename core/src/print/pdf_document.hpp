// Print-ready PDF documents (letters, receipts, statements) drawn with Cairo + Pango.
//
// A document is a list of addressed pieces (a letter, a statement). Each piece starts on a new
// sheet with the organisation's return address at the top and the recipient's address where the
// window of a #10 envelope (US Letter, folded in thirds) or a DL window envelope (A4, DIN 5008
// form B) shows it; its blocks (paragraphs, tables) then flow down the sheet and onto further
// sheets when they do not fit. Text is UTF-8; the font is chosen through fontconfig for Korean
// (Hangul) coverage, so Korean names and letters render. See docs/mail.md and
// docs/decisions/0161-pdf-letters-receipts-statements.md.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "steward/sdk/result.hpp"

namespace steward::print {

enum class PaperSize { kLetter, kA4 };

// "letter" | "a4" (case-insensitive). Errors: kInvalid naming `field`.
Result<PaperSize> parse_paper_size(std::string_view text, const std::string& field);
const char* paper_size_name(PaperSize paper);
// The paper a run chose, else the organisation's setting (`setting_text`, "mail.paper_size").
Result<PaperSize> paper_size_or_setting(const std::optional<PaperSize>& chosen,
                                        std::string_view setting_text);

struct TableRow {
  std::vector<std::string> cells;
  bool bold = false;
};

struct Block {
  enum class Kind { kParagraph, kTable, kSpace };
  Kind kind = Kind::kParagraph;
  // kParagraph: UTF-8 text; "**...**" is bold; single line breaks are kept.
  std::string text;
  bool bold = false;
  double size = 11.0;  // points
  // kTable: widths as fractions of the text width; right-aligned columns (amounts).
  std::vector<double> column_widths;
  std::vector<bool> column_right;
  std::vector<TableRow> rows;
  // kSpace: vertical space in points.
  double space = 0.0;
};

// One addressed piece: always starts on a new sheet.
struct Piece {
  std::vector<std::string> return_address;  // organisation name, address lines
  std::vector<std::string> recipient;       // addressee, address lines
  std::vector<Block> blocks;
};

struct PdfOptions {
  PaperSize paper = PaperSize::kLetter;
  std::string title;  // PDF metadata
};

// The PDF bytes. Errors: kInvalid ("pieces") when there is nothing to print; kUnavailable when
// Cairo cannot create the document.
Result<std::string> render_pdf(const std::vector<Piece>& pieces, const PdfOptions& options);

// Plain text (a rendered Mustache template) as paragraphs: blank lines separate paragraphs,
// single line breaks stay, "**bold**" is bold.
std::vector<Block> paragraphs_from_text(const std::string& text);

// The font family fontconfig offers for Korean text (e.g. "NanumGothic", "Noto Sans CJK KR"),
// or "Sans" when none covers Hangul.
std::string korean_font_family();

}  // namespace steward::print
