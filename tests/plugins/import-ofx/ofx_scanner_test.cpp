// OfxScanner on its own: the importer feeds it 64 KiB pieces of the temporary file, so its
// robustness to arbitrary splits is tested here directly.
#include "ofx_scanner.hpp"

#include <gtest/gtest.h>

#include <sstream>

#include "support/bank_importer_harness.hpp"

namespace {

using steward::plugins::ofx::OfxScanner;

std::string scan(const std::string& bytes, std::size_t chunk) {
  OfxScanner scanner(256 * 1024);
  scanner.reset();
  std::size_t step = chunk == 0 ? bytes.size() : chunk;
  for (std::size_t at = 0; at < bytes.size(); at += step) {
    scanner.feed(std::string_view(bytes).substr(at, step));
  }
  scanner.finish();
  std::ostringstream s;
  s << "ofx line " << scanner.ofx_line() << " end " << scanner.saw_ofx_end() << "\n";
  for (const auto& t : scanner.transactions()) {
    s << "txn line " << t.line << " offset " << t.offset << " complete " << t.complete << "\n";
    for (const auto& f : t.fields) s << "  " << f.tag << "=" << f.value << " @" << f.line << "\n";
  }
  return s.str();
}

TEST(OfxScanner, SplitsDoNotChangeWhatIsScanned) {
  for (const char* name : {"sgml_checking.ofx", "xml_creditcard_corrections.ofx",
                           "multi_statement.ofx", "malformed.ofx"}) {
    auto bytes = bank_test::read_file(bank_test::data_dir("import-ofx") / name);
    auto whole = scan(bytes, 0);
    for (std::size_t chunk : {1u, 2u, 7u, 13u}) {
      EXPECT_EQ(scan(bytes, chunk), whole) << name << " chunk " << chunk;
    }
  }
}

TEST(OfxScanner, ReadsValuesCdataAndEntities) {
  auto out = scan(bank_test::read_file(bank_test::data_dir("import-ofx") / "sgml_checking.ofx"), 3);
  EXPECT_NE(out.find("NAME=Park & Sons Church @42"), std::string::npos) << out;
  EXPECT_NE(out.find("TRNAMT=-45.10"), std::string::npos) << out;
  auto xml = scan(
      bank_test::read_file(bank_test::data_dir("import-ofx") / "xml_creditcard_corrections.ofx"),
      5);
  EXPECT_NE(xml.find("NAME=이은혜 @26"), std::string::npos) << xml;  // CDATA, trailing blanks gone
  EXPECT_NE(xml.find("CORRECTACTION=DELETE"), std::string::npos) << xml;
}

}  // namespace
