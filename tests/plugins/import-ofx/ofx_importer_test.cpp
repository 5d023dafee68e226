// The OFX importer: fixtures under data/ fed whole and in small chunks, through libofx.
#include "ofx_importer.hpp"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>

#include "support/bank_importer_harness.hpp"

namespace {

using steward::plugins::ofx::OfxImporter;
using steward::sdk::Money;
using steward::sdk::PaymentKind;

std::string fixture(const std::string& name) {
  return bank_test::read_file(bank_test::data_dir("import-ofx") / name);
}

bank_test::Run parse(const std::string& bytes, std::size_t chunk = 0) {
  OfxImporter importer;
  return bank_test::run(importer, bytes, chunk, "statement.ofx");
}

class OfxChunks : public ::testing::TestWithParam<std::string> {};

TEST_P(OfxChunks, ChunkSizeDoesNotChangeTheOutput) {
  auto bytes = fixture(GetParam());
  auto whole = bank_test::render(parse(bytes));
  for (std::size_t chunk : {1u, 7u, 4096u}) {
    EXPECT_EQ(bank_test::render(parse(bytes, chunk)), whole) << "chunk size " << chunk;
  }
}

INSTANTIATE_TEST_SUITE_P(Fixtures, OfxChunks,
                         ::testing::Values("sgml_checking.ofx", "xml_creditcard_corrections.ofx",
                                           "multi_statement.ofx", "malformed.ofx",
                                           "empty_statement.ofx"));

TEST(OfxImporter, ReadsSgmlCheckingCreditsWithHangul) {
  OfxImporter importer;
  auto run = bank_test::run(importer, fixture("sgml_checking.ofx"));
  ASSERT_TRUE(run.status) << run.status.to_string();
  EXPECT_TRUE(run.out.issues.empty()) << bank_test::render(run);
  ASSERT_EQ(run.out.records.size(), 3u) << bank_test::render(run);
  const auto& kim = run.out.records[0];
  EXPECT_EQ(kim.kind, PaymentKind::kPayment);
  EXPECT_EQ(kim.external_id, "202603020001");
  EXPECT_EQ(kim.account, "121000248 4417650012");
  EXPECT_EQ(kim.date.iso(), "2026-03-02");
  EXPECT_EQ(kim.amount, (Money{10000, "USD"}));
  EXPECT_EQ(kim.donor_name, "김민지");
  EXPECT_EQ(kim.description, "후원금 - shelter fund");
  EXPECT_EQ(kim.payment_method, "bank_transfer");
  const auto& park = run.out.records[1];
  EXPECT_EQ(park.external_id, "202603030001");
  EXPECT_EQ(park.date.iso(), "2026-03-03");  // the bank's date, not shifted to UTC
  EXPECT_EQ(park.amount, (Money{2500, "USD"}));
  EXPECT_EQ(park.donor_name, "Park & Sons Church");
  EXPECT_EQ(park.payment_method, "check");
  EXPECT_EQ(run.out.records[2].amount, (Money{1, "USD"}));
  EXPECT_EQ(importer.counts().skipped_debits, 1u);
  EXPECT_EQ(importer.statements(), 1u);
}

TEST(OfxImporter, CorrectionsBecomeReversalsOfTheOriginal) {
  auto run = parse(fixture("xml_creditcard_corrections.ofx"));
  ASSERT_TRUE(run.status) << run.status.to_string();
  EXPECT_TRUE(run.out.issues.empty()) << bank_test::render(run);
  ASSERT_EQ(run.out.records.size(), 5u) << bank_test::render(run);
  const auto& lee = run.out.records[0];
  EXPECT_EQ(lee.account, "9410-1234-5678-0001");
  EXPECT_EQ(lee.amount, (Money{50000, "KRW"}));
  EXPECT_EQ(lee.donor_name, "이은혜");
  EXPECT_EQ(lee.description, "정기후원");
  EXPECT_EQ(lee.payment_method, "card");
  const auto& replaced = run.out.records[2];
  EXPECT_EQ(replaced.kind, PaymentKind::kReversal);
  EXPECT_EQ(replaced.external_id, "CC-2R#replaces");
  EXPECT_EQ(replaced.original_external_id, "CC-2");
  const auto& replacement = run.out.records[3];
  EXPECT_EQ(replacement.kind, PaymentKind::kPayment);
  EXPECT_EQ(replacement.external_id, "CC-2R");
  EXPECT_EQ(replacement.amount, (Money{35000, "KRW"}));
  const auto& deleted = run.out.records[4];
  EXPECT_EQ(deleted.kind, PaymentKind::kReversal);
  EXPECT_EQ(deleted.external_id, "CC-1D");
  EXPECT_EQ(deleted.original_external_id, "CC-1");
}

TEST(OfxImporter, SeveralStatementsAndCurrenciesInOneFile) {
  OfxImporter importer;
  auto run = bank_test::run(importer, fixture("multi_statement.ofx"));
  ASSERT_TRUE(run.status) << run.status.to_string();
  EXPECT_TRUE(run.out.issues.empty()) << bank_test::render(run);
  ASSERT_EQ(run.out.records.size(), 5u) << bank_test::render(run);
  EXPECT_EQ(run.out.records[0].amount, (Money{125075, "CAD"}));
  EXPECT_EQ(run.out.records[0].account, "003 5551234");
  EXPECT_EQ(run.out.records[0].date.iso(), "2026-04-10");
  const auto& lee = run.out.records[1];
  EXPECT_EQ(lee.donor_name, "Martha Lee");
  ASSERT_TRUE(lee.donor_address.has_value());
  EXPECT_EQ(lee.donor_address->line1, "12 Elm Street");
  EXPECT_EQ(lee.donor_address->line2, "Apt 3");
  EXPECT_EQ(lee.donor_address->city, "Toronto");
  EXPECT_EQ(lee.donor_address->region, "ON");
  EXPECT_EQ(lee.donor_address->postal_code, "M5V 2T6");
  EXPECT_EQ(lee.donor_address->country, "CA");
  EXPECT_EQ(lee.payment_method, "check");
  EXPECT_EQ(run.out.records[2].amount, (Money{2000, "GBP"}));
  EXPECT_EQ(run.out.records[2].account, "401276 88776655");
  const auto& becker = run.out.records[3];  // <CURRENCY><CURSYM>EUR: amounts are in EUR
  EXPECT_EQ(becker.amount, (Money{5000, "EUR"}));
  EXPECT_EQ(becker.account, "401276 88776655");
  EXPECT_EQ(becker.donor_name, "Hans Becker");
  EXPECT_EQ(run.out.records[4].amount, (Money{1500, "EUR"}));
  EXPECT_EQ(run.out.records[4].account, "4000123412341234");
  EXPECT_EQ(importer.statements(), 3u);
}

TEST(OfxImporter, MalformedAmountsAndDatesBecomeIssuesAtTheirLine) {
  auto bytes = fixture("malformed.ofx");
  auto run = parse(bytes);
  ASSERT_TRUE(run.status) << run.status.to_string();
  ASSERT_EQ(run.out.issues.size(), 2u) << bank_test::render(run);
  EXPECT_EQ(run.out.issues[0].line, 11u);
  EXPECT_EQ(run.out.issues[0].field, "TRNAMT");
  EXPECT_EQ(bytes.substr(run.out.issues[0].offset, 8), "<TRNAMT>");
  EXPECT_EQ(run.out.issues[1].line, 17u);
  EXPECT_EQ(run.out.issues[1].field, "DTPOSTED");
  ASSERT_EQ(run.out.records.size(), 2u) << bank_test::render(run);
  EXPECT_EQ(run.out.records[0].external_id, "nofitid:20260110:3000:No Fitid");
  EXPECT_EQ(run.out.records[1].external_id, "GOOD-1");
}

TEST(OfxImporter, EmptyStatementGivesNothing) {
  auto run = parse(fixture("empty_statement.ofx"));
  ASSERT_TRUE(run.status) << run.status.to_string();
  EXPECT_TRUE(run.out.records.empty());
  EXPECT_TRUE(run.out.issues.empty()) << bank_test::render(run);
}

TEST(OfxImporter, TruncatedFileKeepsCompleteTransactionsAndReportsTheCut) {
  auto bytes = fixture("sgml_checking.ofx");
  auto cut = bytes.substr(0, bytes.find("<TRNAMT>+25"));
  for (std::size_t chunk : {0u, 7u}) {
    auto run = parse(cut, chunk);
    ASSERT_TRUE(run.status) << run.status.to_string();
    ASSERT_EQ(run.out.records.size(), 1u) << bank_test::render(run);
    bool cut_reported = false;
    bool end_reported = false;
    for (const auto& i : run.out.issues) {
      if (i.field == "STMTTRN" && i.line == 42u) cut_reported = true;
      if (i.field == "OFX" && i.message.find("</OFX>") != std::string::npos) end_reported = true;
    }
    EXPECT_TRUE(cut_reported) << bank_test::render(run);
    EXPECT_TRUE(end_reported) << bank_test::render(run);
  }
}

TEST(OfxImporter, OversizedTransactionIsSkippedWithAnIssue) {
  auto bytes = fixture("sgml_checking.ofx");
  auto memo = bytes.find("후원금 - shelter fund");
  bytes.replace(memo, std::string("후원금 - shelter fund").size(), std::string(6000, 'x'));
  for (std::size_t chunk : {0u, 7u, 4096u}) {
    OfxImporter importer(4096);
    auto run = bank_test::run(importer, bytes, chunk);
    ASSERT_TRUE(run.status) << run.status.to_string();
    ASSERT_EQ(run.out.records.size(), 2u) << bank_test::render(run);
    EXPECT_EQ(run.out.records[0].external_id, "202603030001");
    bool reported = false;
    for (const auto& i : run.out.issues) {
      if (i.field == "STMTTRN" && i.line == 27u) reported = true;
    }
    EXPECT_TRUE(reported) << bank_test::render(run);
  }
}

TEST(OfxImporter, RefusesOtherFilesAndLeavesNoTemporaryFile) {
  auto dir =
      std::filesystem::temp_directory_path() / ("steward-ofx-test-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  ::setenv("TMPDIR", dir.c_str(), 1);
  for (std::string bytes : {std::string("id,date,amount\n1,2026-01-01,5\n"),
                            fixture("../../import-camt053/data/v02_statement.xml"),
                            std::string("<html></html>"), std::string()}) {
    auto run = parse(bytes);
    EXPECT_FALSE(run.status) << bytes.substr(0, 40);
    EXPECT_EQ(run.status.code(), steward::StatusCode::kInvalid);
  }
  auto ok = parse(fixture("sgml_checking.ofx"), 7);
  EXPECT_TRUE(ok.status);
  {
    OfxImporter abandoned;
    steward::sdk::ParseOutput out;
    ASSERT_TRUE(abandoned.start("x.ofx"));
    ASSERT_TRUE(abandoned.feed("OFXHEADER:100\n", out));
  }
  ::unsetenv("TMPDIR");
  EXPECT_TRUE(std::filesystem::is_empty(dir));
  std::filesystem::remove_all(dir);
}

TEST(OfxImporter, DetectsItsOwnFilesOnly) {
  OfxImporter importer;
  EXPECT_GE(importer.detect("a.ofx", fixture("sgml_checking.ofx")), 90);
  EXPECT_GE(importer.detect("a.ofx", fixture("xml_creditcard_corrections.ofx")), 90);
  EXPECT_GE(importer.detect("a.qfx", "<OFX>\n<SIGNONMSGSRSV1>"), 60);
  EXPECT_EQ(importer.detect("a.csv", "Date,Amount,Name\n2026-01-01,5.00,Kim\n"), 0);
  EXPECT_EQ(importer.detect("a.xml", fixture("../../import-camt053/data/v02_statement.xml")), 0);
  EXPECT_EQ(importer.detect("a.xml", "<?xml version=\"1.0\"?><rss><channel/></rss>"), 0);
}

}  // namespace

namespace {

TEST(OfxImporter, Cp949DeclaredInTheHeaderBecomesUtf8) {
  // A Korean bank's OFX 1.x file: CHARSET:949 and the names in CP949 (decision 0154).
  auto bytes = fixture("sgml_checking.ofx");
  auto swap = [&](const std::string& from, const std::string& to) {
    auto at = bytes.find(from);
    ASSERT_NE(at, std::string::npos) << from;
    bytes.replace(at, from.size(), to);
  };
  swap("ENCODING:UTF-8", "ENCODING:USASCII");
  swap("CHARSET:NONE", "CHARSET:949");
  swap("김민지", "\xB1\xE8\xB9\xCE\xC1\xF6");
  swap("후원금", "\xC8\xC4\xBF\xF8\xB1\xDD");
  for (std::size_t chunk : {std::size_t{0}, std::size_t{1}, std::size_t{7}}) {
    OfxImporter importer;
    auto run = bank_test::run(importer, bytes, chunk, "statement.ofx");
    ASSERT_TRUE(run.status) << run.status.to_string();
    ASSERT_EQ(run.out.records.size(), 3u) << bank_test::render(run);
    EXPECT_EQ(run.out.records[0].donor_name, "김민지") << chunk;
    EXPECT_EQ(run.out.records[0].description, "후원금 - shelter fund") << chunk;
    EXPECT_EQ(run.out.records[1].donor_name, "Park & Sons Church");
  }
}

TEST(OfxImporter, Windows1252TextBecomesUtf8) {
  auto bytes = fixture("multi_statement.ofx");
  auto at = bytes.find("Grace Community Church");
  bytes.replace(at, std::string("Grace Community Church").size(), "Caf\xE9 Fran\xE7ois \x80");
  at = bytes.find("Martha Lee");
  bytes.replace(at, std::string("Martha Lee").size(),
                "Ren\xE9"
                "e M\xFCller");
  auto run = parse(bytes, 7);
  ASSERT_TRUE(run.status) << run.status.to_string();
  ASSERT_EQ(run.out.records.size(), 5u) << bank_test::render(run);
  EXPECT_EQ(run.out.records[0].donor_name, "Café François €");
  EXPECT_EQ(run.out.records[1].donor_name, "Renée Müller");  // PAYEE/NAME, read by the scanner
  for (const auto& [name, value] : run.out.records[0].raw) {
    if (name == "NAME") {
      EXPECT_EQ(value, "Café François €");
    }
  }
}

}  // namespace

namespace {

TEST(OfxImporter, UnendingMarkupStopsTheImport) {
  std::string bytes =
      "OFXHEADER:100\nDATA:OFXSGML\n\n<OFX><SIGNONMSGSRSV1 " + std::string(10000, 'x');
  OfxImporter importer(4096);
  auto run = bank_test::run(importer, bytes, 1000);
  EXPECT_FALSE(run.status);
  EXPECT_EQ(run.status.code(), steward::StatusCode::kInvalid);
}

}  // namespace

namespace {

TEST(OfxImporter, ByteOrderMarkAndLeadingBlankLines) {
  auto bytes = "\xEF\xBB\xBF\r\n\r\n" + fixture("sgml_checking.ofx");
  OfxImporter importer;
  EXPECT_GE(importer.detect("a.ofx", bytes), 90);
  auto whole = parse(bytes);
  ASSERT_TRUE(whole.status) << whole.status.to_string();
  ASSERT_EQ(whole.out.records.size(), 3u) << bank_test::render(whole);
  EXPECT_EQ(bank_test::render(parse(bytes, 1)), bank_test::render(whole));
}

}  // namespace
