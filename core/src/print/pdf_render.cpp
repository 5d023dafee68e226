// Cairo + Pango drawing of print::Piece lists into one PDF (see pdf_document.hpp).
#include <cairo-pdf.h>
#include <cairo.h>
#include <glib.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <memory>

#include "print/pdf_document.hpp"

namespace steward::print {
namespace {

constexpr double kInch = 72.0;
constexpr double kMm = 72.0 / 25.4;

// Sheet geometry in points.
struct Geometry {
  double width = 0, height = 0;
  double left = 0, right = 0, top = 0, bottom = 0;           // margins
  double return_top = 0;                                     // return address
  double window_left = 0, window_top = 0, window_width = 0;  // recipient block
  double body_top = 0;                                       // first sheet's text
};

Geometry geometry(PaperSize paper) {
  Geometry g;
  if (paper == PaperSize::kLetter) {
    // US Letter folded in thirds into a #10 window envelope: the window is 4.5" x 1.125",
    // 7/8" from the left and about 2" below the top of the sheet once folded.
    g.width = 8.5 * kInch;
    g.height = 11.0 * kInch;
    g.left = g.right = 1.0 * kInch;
    g.top = 0.75 * kInch;
    g.bottom = 0.75 * kInch;
    g.return_top = 0.5 * kInch;
    g.window_left = 1.0 * kInch;
    g.window_top = 2.0 * kInch;
    g.window_width = 4.0 * kInch;
    g.body_top = 3.5 * kInch;
  } else {
    // A4 for a DL window envelope, DIN 5008 form B: address field 45 mm from the top (its first
    // 17.7 mm are for notes), 20 mm (here 25 mm) from the left, 85 mm wide.
    g.width = 210.0 * kMm;
    g.height = 297.0 * kMm;
    g.left = 25.0 * kMm;
    g.right = 20.0 * kMm;
    g.top = 20.0 * kMm;
    g.bottom = 20.0 * kMm;
    g.return_top = 12.0 * kMm;
    g.window_left = 25.0 * kMm;
    g.window_top = 63.0 * kMm;
    g.window_width = 80.0 * kMm;
    g.body_top = 105.0 * kMm;
  }
  return g;
}

std::string escape(const std::string& text) {
  gchar* escaped = g_markup_escape_text(text.c_str(), static_cast<gssize>(text.size()));
  std::string out = escaped != nullptr ? escaped : "";
  g_free(escaped);
  return out;
}

// "**bold**" becomes <b>bold</b>; everything else is escaped.
std::string to_markup(const std::string& text, bool bold) {
  std::string out;
  bool in_bold = false;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    std::size_t star = text.find("**", pos);
    std::size_t end = star == std::string::npos ? text.size() : star;
    out += escape(text.substr(pos, end - pos));
    if (star == std::string::npos) break;
    out += in_bold ? "</b>" : "<b>";
    in_bold = !in_bold;
    pos = star + 2;
  }
  if (in_bold) out += "</b>";
  return bold ? "<b>" + out + "</b>" : out;
}

struct Writer {
  cairo_t* cr = nullptr;
  Geometry g;
  std::string family;
  double y = 0;

  double text_width() const { return g.width - g.left - g.right; }

  using LayoutPtr = std::unique_ptr<PangoLayout, decltype(&g_object_unref)>;
  LayoutPtr layout(const std::string& markup, double size, double width, bool right) const {
    LayoutPtr l(pango_cairo_create_layout(cr), &g_object_unref);
    PangoFontDescription* font = pango_font_description_new();
    pango_font_description_set_family(font, family.c_str());
    pango_font_description_set_absolute_size(font, size * PANGO_SCALE);
    pango_layout_set_font_description(l.get(), font);
    pango_font_description_free(font);
    pango_layout_set_width(l.get(), static_cast<int>(width * PANGO_SCALE));
    pango_layout_set_wrap(l.get(), PANGO_WRAP_WORD_CHAR);
    pango_layout_set_alignment(l.get(), right ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
    pango_layout_set_markup(l.get(), markup.c_str(), -1);
    return l;
  }

  static double height_of(PangoLayout* l) {
    int w = 0, h = 0;
    pango_layout_get_size(l, &w, &h);
    return static_cast<double>(h) / PANGO_SCALE;
  }

  void draw(PangoLayout* l, double x, double at) {
    cairo_move_to(cr, x, at);
    pango_cairo_show_layout(cr, l);
  }

  void new_sheet() {
    cairo_show_page(cr);
    y = g.top;
  }

  // Starts a new sheet when `h` more points do not fit (unless at the top already).
  void room_for(double h) {
    if (y + h > g.height - g.bottom && y > g.top + 0.5) new_sheet();
  }

  void lines_block(const std::vector<std::string>& lines, double x, double top, double width,
                   double size) {
    std::string markup;
    for (std::size_t i = 0; i < lines.size(); ++i) {
      if (i > 0) markup += "\n";
      markup += escape(lines[i]);
    }
    auto l = layout(markup, size, width, false);
    draw(l.get(), x, top);
  }

  void paragraph(const Block& b) {
    auto l = layout(to_markup(b.text, b.bold), b.size, text_width(), false);
    double h = height_of(l.get());
    room_for(h);
    draw(l.get(), g.left, y);
    y += h + b.size * 0.8;
  }

  void table(const Block& b) {
    const double width = text_width();
    for (const auto& row : b.rows) {
      std::vector<LayoutPtr> cells;
      double h = 0;
      for (std::size_t c = 0; c < row.cells.size(); ++c) {
        double fraction = c < b.column_widths.size() ? b.column_widths[c]
                                                     : 1.0 / static_cast<double>(row.cells.size());
        bool right = c < b.column_right.size() && b.column_right[c];
        cells.push_back(
            layout(to_markup(row.cells[c], row.bold), b.size, width * fraction - 6.0, right));
        h = std::max(h, height_of(cells.back().get()));
      }
      room_for(h);
      double x = g.left;
      for (std::size_t c = 0; c < cells.size(); ++c) {
        double fraction = c < b.column_widths.size() ? b.column_widths[c]
                                                     : 1.0 / static_cast<double>(cells.size());
        draw(cells[c].get(), x, y);
        x += width * fraction;
      }
      y += h + 3.0;
    }
    y += b.size * 0.8;
  }

  void piece(const Piece& p, bool first) {
    if (!first) cairo_show_page(cr);
    if (!p.return_address.empty()) {
      lines_block(p.return_address, g.left, g.return_top, text_width(), 9.0);
    }
    lines_block(p.recipient, g.window_left, g.window_top, g.window_width, 11.0);
    y = g.body_top;
    for (const auto& b : p.blocks) {
      switch (b.kind) {
        case Block::Kind::kParagraph:
          paragraph(b);
          break;
        case Block::Kind::kTable:
          table(b);
          break;
        case Block::Kind::kSpace:
          y += b.space;
          break;
      }
    }
  }
};

cairo_status_t append_bytes(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

}  // namespace

Result<PaperSize> parse_paper_size(std::string_view text, const std::string& field) {
  std::string lower(text);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (lower == "letter") return PaperSize::kLetter;
  if (lower == "a4") return PaperSize::kA4;
  return Status::invalid_field(field, "must be letter or a4");
}

Result<PaperSize> paper_size_or_setting(const std::optional<PaperSize>& chosen,
                                        std::string_view setting_text) {
  if (chosen) return *chosen;
  return parse_paper_size(setting_text, "mail.paper_size");
}

const char* paper_size_name(PaperSize paper) {
  return paper == PaperSize::kLetter ? "letter" : "a4";
}

std::vector<Block> paragraphs_from_text(const std::string& text) {
  std::vector<Block> blocks;
  std::string current;
  std::size_t pos = 0;
  auto flush = [&] {
    while (!current.empty() && (current.back() == '\n' || current.back() == ' ')) {
      current.pop_back();
    }
    if (!current.empty()) {
      Block b;
      b.text = current;
      blocks.push_back(b);
    }
    current.clear();
  };
  while (pos <= text.size()) {
    std::size_t nl = text.find('\n', pos);
    std::string line = text.substr(pos, nl == std::string::npos ? std::string::npos : nl - pos);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    bool blank = line.find_first_not_of(" \t") == std::string::npos;
    if (blank) {
      flush();
    } else {
      if (!current.empty()) current += "\n";
      current += line;
    }
    if (nl == std::string::npos) break;
    pos = nl + 1;
  }
  flush();
  return blocks;
}

Result<std::string> render_pdf(const std::vector<Piece>& pieces, const PdfOptions& options) {
  if (pieces.empty()) return Status::invalid_field("pieces", "nothing to print");
  std::string bytes;
  Writer w;
  w.g = geometry(options.paper);
  w.family = korean_font_family();
  cairo_surface_t* surface =
      cairo_pdf_surface_create_for_stream(&append_bytes, &bytes, w.g.width, w.g.height);
  if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS) {
    cairo_surface_destroy(surface);
    return Status::unavailable("cannot create a PDF document");
  }
  if (!options.title.empty()) {
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, options.title.c_str());
  }
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "Steward");
  w.cr = cairo_create(surface);
  for (std::size_t i = 0; i < pieces.size(); ++i) w.piece(pieces[i], i == 0);
  cairo_show_page(w.cr);
  cairo_status_t status = cairo_status(w.cr);
  cairo_destroy(w.cr);
  cairo_surface_finish(surface);
  cairo_surface_destroy(surface);
  if (status != CAIRO_STATUS_SUCCESS) {
    return Status::unavailable(std::string("PDF drawing failed: ") +
                               cairo_status_to_string(status));
  }
  return bytes;
}

}  // namespace steward::print
