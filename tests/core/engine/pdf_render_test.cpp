#include <gtest/gtest.h>

#include "print/pdf_document.hpp"
#include "support/pdf_text.hpp"

namespace steward::print {
namespace {

Piece letter(const std::string& name, const std::string& body) {
  Piece p;
  p.return_address = {"새희망 선교회", "PO Box 1, Los Angeles, CA 90001"};
  p.recipient = {name, "123 Main St", "Los Angeles, CA 90001"};
  p.blocks = paragraphs_from_text(body);
  return p;
}

TEST(PdfRender, FontComesFromFontconfigAndCoversHangul) { EXPECT_NE(korean_font_family(), "Sans"); }

TEST(PdfRender, OneLetterPerPageWithHangulNamesAndAmounts) {
  std::vector<Piece> pieces = {
      letter("김민지", "김민지 님께,\n\n50,000원의 귀한 후원에 **감사드립니다**.\n\n이은혜 드림"),
      letter("Jane Doe", "Dear Jane,\n\nThank you for your gift of $1,234.50.\n\nGrace")};
  for (PaperSize paper : {PaperSize::kLetter, PaperSize::kA4}) {
    auto pdf = render_pdf(pieces, {paper, "Thank-you letters"});
    ASSERT_TRUE(pdf) << pdf.status().message();
    EXPECT_EQ(pdf->rfind("%PDF-", 0), 0u);
    EXPECT_EQ(testing::pdf_pages(*pdf), 2);
    std::string text = testing::pdf_text(*pdf);
    EXPECT_NE(text.find("김민지 님께"), std::string::npos) << text;
    EXPECT_NE(text.find("50,000원"), std::string::npos) << text;
    EXPECT_NE(text.find("감사드립니다"), std::string::npos) << text;
    EXPECT_NE(text.find("$1,234.50"), std::string::npos) << text;
    EXPECT_NE(text.find("새희망 선교회"), std::string::npos) << text;
    EXPECT_EQ(text.find("**"), std::string::npos) << "bold markup is not printed";
    // The second letter is on the second page.
    auto ff = text.find('\f');
    ASSERT_NE(ff, std::string::npos);
    EXPECT_LT(text.find("김민지"), ff);
    EXPECT_GT(text.find("Jane Doe"), ff);
  }
}

TEST(PdfRender, MarkupInDonorTextIsPrintedNotInterpreted) {
  auto pdf = render_pdf({letter("<b>Evil</b> & Co", "Dear <i>friend</i> & family")}, {});
  ASSERT_TRUE(pdf) << pdf.status().message();
  std::string text = testing::pdf_text(*pdf);
  EXPECT_NE(text.find("<b>Evil</b> & Co"), std::string::npos) << text;
  EXPECT_NE(text.find("<i>friend</i> & family"), std::string::npos) << text;
}

TEST(PdfRender, LongTablesFlowOntoMoreSheets) {
  Piece p = letter("김민지", "Statement");
  Block table;
  table.kind = Block::Kind::kTable;
  table.column_widths = {0.3, 0.4, 0.3};
  table.column_right = {false, false, true};
  for (int i = 0; i < 80; ++i) {
    table.rows.push_back({{"2026-01-01", "General Fund", "$" + std::to_string(i) + ".00"}});
  }
  table.rows.push_back({{"", "Total", "$3,160.00"}, true});
  p.blocks.push_back(table);
  auto pdf = render_pdf({p}, {});
  ASSERT_TRUE(pdf);
  EXPECT_GE(testing::pdf_pages(*pdf), 2);
  EXPECT_NE(testing::pdf_text(*pdf).find("$3,160.00"), std::string::npos);
}

TEST(PdfRender, RefusesAnEmptyDocumentAndUnknownPaper) {
  auto empty = render_pdf({}, {});
  ASSERT_FALSE(empty);
  EXPECT_NE(empty.status().message().find("pieces"), std::string::npos);
  EXPECT_TRUE(parse_paper_size("A4", "mail.paper_size"));
  auto bad = parse_paper_size("legal", "mail.paper_size");
  ASSERT_FALSE(bad);
  EXPECT_NE(bad.status().message().find("mail.paper_size"), std::string::npos);
}

TEST(PdfRender, ParagraphsSplitOnBlankLines) {
  auto blocks = paragraphs_from_text("a\nb\n\n\nc\r\n  \nd");
  ASSERT_EQ(blocks.size(), 3u);
  EXPECT_EQ(blocks[0].text, "a\nb");
  EXPECT_EQ(blocks[1].text, "c");
  EXPECT_EQ(blocks[2].text, "d");
}

}  // namespace
}  // namespace steward::print
