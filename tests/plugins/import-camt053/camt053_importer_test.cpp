// The camt.053 importer: fixtures under data/ fed whole and in small chunks.
#include "camt053_importer.hpp"

#include <gtest/gtest.h>

#include <filesystem>

#include "support/bank_importer_harness.hpp"

namespace {

using steward::plugins::camt053::Camt053Importer;
using steward::sdk::PaymentKind;

std::string fixture(const std::string& name) {
  return bank_test::read_file(bank_test::data_dir("import-camt053") / name);
}

bank_test::Run parse(const std::string& bytes, std::size_t chunk = 0) {
  Camt053Importer importer;
  return bank_test::run(importer, bytes, chunk);
}

class Camt053Chunks : public ::testing::TestWithParam<std::string> {};

TEST_P(Camt053Chunks, ChunkSizeDoesNotChangeTheOutput) {
  auto bytes = fixture(GetParam());
  auto whole = bank_test::render(parse(bytes));
  for (std::size_t chunk : {1u, 7u, 4096u}) {
    EXPECT_EQ(bank_test::render(parse(bytes, chunk)), whole) << "chunk size " << chunk;
  }
}

INSTANTIATE_TEST_SUITE_P(Fixtures, Camt053Chunks,
                         ::testing::Values("v02_statement.xml", "v08_prefixed_two_statements.xml",
                                           "malformed_entries.xml", "empty_statement.xml"));

TEST(Camt053Importer, ReadsCreditsReversalsAndSkipsDebits) {
  Camt053Importer importer;
  auto run = bank_test::run(importer, fixture("v02_statement.xml"));
  ASSERT_TRUE(run.status) << run.status.to_string();
  EXPECT_TRUE(run.out.issues.empty()) << bank_test::render(run);
  ASSERT_EQ(run.out.records.size(), 5u) << bank_test::render(run);

  const auto& kim = run.out.records[0];
  EXPECT_EQ(kim.kind, PaymentKind::kPayment);
  EXPECT_EQ(kim.external_id, "BANKREF-0001");
  EXPECT_EQ(kim.account, "DE89370400440532013000");
  EXPECT_EQ(kim.date.iso(), "2026-03-01");
  EXPECT_EQ(kim.amount.minor, 5000);
  EXPECT_EQ(kim.amount.currency, "EUR");
  EXPECT_EQ(kim.donor_name, "김민지");
  ASSERT_TRUE(kim.donor_address.has_value());
  EXPECT_EQ(kim.donor_address->line1, "Sejong-daero 110");
  EXPECT_EQ(kim.donor_address->city, "서울");
  EXPECT_EQ(kim.donor_address->postal_code, "04524");
  EXPECT_EQ(kim.donor_address->country, "KR");
  EXPECT_EQ(kim.description, "후원금 3월 for the shelter & food");
  EXPECT_EQ(kim.donor_external_id, "DE02120300000000202051");
  EXPECT_EQ(kim.payment_method, "bank_transfer");

  const auto& park = run.out.records[1];
  EXPECT_EQ(park.kind, PaymentKind::kReversal);
  EXPECT_EQ(park.external_id, "BANKREF-0003/SDD-2026-02-0007");
  EXPECT_EQ(park.original_external_id, "SDD-2026-02-0007");
  EXPECT_EQ(park.amount.minor, 3000);
  EXPECT_EQ(park.donor_name, "Park Soo-jin");
  EXPECT_EQ(park.recurring_reference, "MANDATE-7");
  EXPECT_EQ(park.payment_method, "direct_debit");
  const auto& miller = run.out.records[2];
  EXPECT_EQ(miller.external_id, "BANKREF-0003/SDD-2026-02-0009");
  EXPECT_EQ(miller.amount.minor, 1500);
  EXPECT_EQ(miller.kind, PaymentKind::kReversal);

  EXPECT_EQ(run.out.records[3].external_id, "N-0004");
  EXPECT_EQ(run.out.records[3].amount.minor, 2500);
  EXPECT_EQ(run.out.records[3].description, "GUTSCHRIFT");
  EXPECT_EQ(run.out.records[3].donor_name, "");
  EXPECT_EQ(run.out.records[4].external_id, "E2E-ONLY-5");
  EXPECT_EQ(run.out.records[4].date.iso(), "2026-03-03");
  EXPECT_EQ(run.out.records[4].description, "Spende ohne Verwendungszweck");

  EXPECT_EQ(importer.counts().entries, 7u);
  EXPECT_EQ(importer.counts().skipped_other, 1u);  // our returned rent payment
  EXPECT_EQ(importer.counts().skipped_debits, 1u);
  EXPECT_EQ(importer.counts().skipped_not_booked, 1u);
}

TEST(Camt053Importer, ReadsPrefixedV08WithSeveralStatementsAndZeroDecimalCurrencies) {
  Camt053Importer importer;
  auto run = bank_test::run(importer, fixture("v08_prefixed_two_statements.xml"));
  ASSERT_TRUE(run.status) << run.status.to_string();
  EXPECT_TRUE(run.out.issues.empty()) << bank_test::render(run);
  ASSERT_EQ(run.out.records.size(), 3u) << bank_test::render(run);
  const auto& lee = run.out.records[0];
  EXPECT_EQ(lee.external_id, "KR-REF-100/TX-A");
  EXPECT_EQ(lee.account, "110-234-567890");
  EXPECT_EQ(lee.amount, (steward::sdk::Money{100000, "KRW"}));
  EXPECT_EQ(lee.date.iso(), "2026-03-31");  // the bank's local booking date, not UTC
  EXPECT_EQ(lee.donor_name, "이은혜");
  ASSERT_TRUE(lee.donor_address.has_value());
  EXPECT_EQ(lee.donor_address->line1, "부산광역시 해운대구");
  EXPECT_EQ(lee.donor_address->line2, "우동 1408");
  EXPECT_EQ(lee.description, "RF18539007547034");
  const auto& choi = run.out.records[1];
  EXPECT_EQ(choi.external_id, "KR-REF-100/2");
  EXPECT_EQ(choi.amount, (steward::sdk::Money{50000, "KRW"}));
  EXPECT_EQ(choi.donor_name, "최영수");
  const auto& tanaka = run.out.records[2];
  EXPECT_EQ(tanaka.account, "GB33BUKB20201555555555");
  EXPECT_EQ(tanaka.amount, (steward::sdk::Money{3000, "JPY"}));
  EXPECT_EQ(tanaka.external_id, "JPY-STMT-2#1");
  EXPECT_EQ(importer.statements(), 2u);
}

TEST(Camt053Importer, BadEntriesBecomeIssuesAtTheirLineAndParsingContinues) {
  auto run = parse(fixture("malformed_entries.xml"));
  ASSERT_TRUE(run.status) << run.status.to_string();
  ASSERT_EQ(run.out.records.size(), 1u) << bank_test::render(run);
  EXPECT_EQ(run.out.records[0].external_id, "GOOD-1");
  EXPECT_EQ(run.out.records[0].donor_name, "Müller Anna");
  EXPECT_EQ(run.out.records[0].amount, (steward::sdk::Money{725, "CHF"}));
  ASSERT_EQ(run.out.issues.size(), 4u) << bank_test::render(run);
  EXPECT_EQ(run.out.issues[0].line, 8u);
  EXPECT_EQ(run.out.issues[0].field, "Amt");
  EXPECT_EQ(run.out.issues[1].line, 16u);
  EXPECT_EQ(run.out.issues[1].field, "BookgDt");
  EXPECT_EQ(run.out.issues[2].line, 23u);
  EXPECT_EQ(run.out.issues[2].field, "Ntry");
  EXPECT_EQ(run.out.issues[3].line, 26u);
  EXPECT_EQ(run.out.issues[3].field, "Amt/@Ccy");
  auto bytes = fixture("malformed_entries.xml");
  EXPECT_EQ(bytes.substr(run.out.issues[0].offset, 5), "<Amt ");
}

TEST(Camt053Importer, EmptyStatementGivesNothing) {
  auto run = parse(fixture("empty_statement.xml"));
  ASSERT_TRUE(run.status) << run.status.to_string();
  EXPECT_TRUE(run.out.records.empty());
  EXPECT_TRUE(run.out.issues.empty());
}

TEST(Camt053Importer, TruncatedFileKeepsCompleteEntriesAndReportsTheCut) {
  auto bytes = fixture("v02_statement.xml");
  auto cut = bytes.substr(0, bytes.find("<Ntry>", bytes.find("BANKREF-0003")) + 40);
  for (std::size_t chunk : {0u, 1u, 7u}) {
    auto run = parse(cut, chunk);
    ASSERT_TRUE(run.status) << run.status.to_string();
    ASSERT_EQ(run.out.records.size(), 3u) << bank_test::render(run);
    ASSERT_EQ(run.out.issues.size(), 1u) << bank_test::render(run);
    EXPECT_EQ(run.out.issues[0].line, 122u);
    EXPECT_NE(run.out.issues[0].message.find("truncated"), std::string::npos);
  }
  auto between = bytes.substr(0, bytes.find("<Ntry>", bytes.find("BANKREF-0003")));
  auto run = parse(between);
  ASSERT_EQ(run.out.issues.size(), 1u) << bank_test::render(run);
  EXPECT_EQ(run.out.issues[0].field, "BkToCstmrStmt");
}

TEST(Camt053Importer, OversizedEntryIsSkippedWithAnIssue) {
  auto bytes = fixture("v02_statement.xml");
  auto at = bytes.find("<Ustrd>후원금");
  bytes.insert(at, "<Ustrd>" + std::string(5000, 'x') + "</Ustrd>");
  for (std::size_t chunk : {0u, 7u, 4096u}) {
    Camt053Importer importer(4096);
    auto run = bank_test::run(importer, bytes, chunk);
    ASSERT_TRUE(run.status);
    ASSERT_EQ(run.out.issues.size(), 1u) << bank_test::render(run);
    EXPECT_EQ(run.out.issues[0].line, 26u);
    EXPECT_EQ(run.out.issues[0].field, "Ntry");
    ASSERT_EQ(run.out.records.size(), 4u);
    EXPECT_EQ(run.out.records[0].external_id, "BANKREF-0003/SDD-2026-02-0007");
  }
}

TEST(Camt053Importer, RefusesOtherFiles) {
  for (std::string bytes :
       {std::string("id,date,amount\n1,2026-01-01,5\n"),
        std::string("<html><body>hi</body></html>"),
        std::string("<?xml version=\"1.0\"?><Document xmlns=\"urn:iso:std:iso:"
                    "20022:tech:xsd:camt.054.001.02\"><BkToCstmrDbtCdtNtfctn>"
                    "<Ntfctn/></BkToCstmrDbtCdtNtfctn></Document>"),
        std::string("OFXHEADER:100\nDATA:OFXSGML\n<OFX></OFX>"), std::string()}) {
    auto run = parse(bytes);
    EXPECT_FALSE(run.status) << bytes;
    EXPECT_EQ(run.status.code(), steward::StatusCode::kInvalid);
    EXPECT_TRUE(run.out.records.empty());
  }
}

TEST(Camt053Importer, DetectsItsOwnFilesOnly) {
  Camt053Importer importer;
  EXPECT_GE(importer.detect("s.xml", fixture("v02_statement.xml")), 90);
  EXPECT_GE(importer.detect("s.xml", fixture("v08_prefixed_two_statements.xml")), 90);
  EXPECT_EQ(importer.detect("a.csv", "Date,Amount,Name\n2026-01-01,5.00,Kim\n"), 0);
  EXPECT_EQ(importer.detect("a.xml", "<?xml version=\"1.0\"?><rss><channel/></rss>"), 0);
  EXPECT_EQ(importer.detect("a.ofx", "OFXHEADER:100\nDATA:OFXSGML\nVERSION:102\n<OFX>"), 0);
  EXPECT_EQ(importer.detect(
                "a.ofx", "<?xml version=\"1.0\"?><?OFX OFXHEADER=\"200\" VERSION=\"200\"?><OFX>"),
            0);
  EXPECT_EQ(importer.detect("a.xml",
                            "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.054.001.02\">"),
            0);
}

}  // namespace

namespace {

TEST(Camt053Importer, Latin1TextBecomesUtf8) {
  auto bytes = fixture("malformed_entries.xml");
  auto at = bytes.find("Müller Anna");
  bytes.replace(at, std::string("Müller Anna").size(),
                "M\xFCller Ren\xE9"
                "e");
  auto run = parse(bytes, 7);
  ASSERT_EQ(run.out.records.size(), 1u) << bank_test::render(run);
  EXPECT_EQ(run.out.records[0].donor_name, "Müller Renée");
}

TEST(Camt053Importer, UnendingMarkupStopsTheImport) {
  std::string bytes =
      "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.02\"><BkToCstmrStmt><!--" +
      std::string(10000, 'x');
  Camt053Importer importer(4096);
  auto run = bank_test::run(importer, bytes, 1000);
  EXPECT_FALSE(run.status);
  EXPECT_EQ(run.status.code(), steward::StatusCode::kInvalid);
}

}  // namespace

namespace {

// A statement of 20,000 credits (about 8 MB) fed in 64 KiB chunks: every entry is read and the
// importer never holds more than one chunk plus one entry.
TEST(Camt053Importer, LargeStatementStreamsInBoundedMemory) {
  std::string head =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Document "
      "xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.04\"><BkToCstmrStmt><Stmt><Id>BIG</Id>"
      "<Acct><Id><IBAN>DE89370400440532013000</IBAN></Id></Acct>\n";
  std::string entry =
      "<Ntry><Amt Ccy=\"EUR\">12.34</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts><BookgDt><Dt>"
      "2026-01-02</Dt></BookgDt><AcctSvcrRef>REF-{}</AcctSvcrRef><NtryDtls><TxDtls><RltdPties>"
      "<Dbtr><Nm>김민지 {}</Nm></Dbtr></RltdPties><RmtInf><Ustrd>monthly gift for the shelter, "
      "thank you</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>\n";
  Camt053Importer importer;
  steward::sdk::ParseOutput out;
  ASSERT_TRUE(importer.start("big.xml"));
  ASSERT_TRUE(importer.feed(head, out));
  std::string pending;
  std::size_t max_buffered = 0;
  constexpr std::size_t kChunk = 64 * 1024;
  for (int i = 0; i < 20000; ++i) {
    std::string e = entry;
    for (auto at = e.find("{}"); at != std::string::npos; at = e.find("{}"))
      e.replace(at, 2, std::to_string(i));
    pending += e;
    if (pending.size() >= kChunk) {
      ASSERT_TRUE(importer.feed(pending.substr(0, kChunk), out));
      pending.erase(0, kChunk);
      max_buffered = std::max(max_buffered, importer.buffered_bytes());
    }
  }
  ASSERT_TRUE(importer.feed(pending + "</Stmt></BkToCstmrStmt></Document>\n", out));
  ASSERT_TRUE(importer.finish(out));
  EXPECT_TRUE(out.issues.empty());
  ASSERT_EQ(out.records.size(), 20000u);
  EXPECT_EQ(out.records.back().external_id, "REF-19999");
  EXPECT_EQ(out.records.back().donor_name, "김민지 19999");
  EXPECT_LT(max_buffered, 4 * kChunk);
}

}  // namespace

namespace {

TEST(Camt053Importer, ByteOrderMarkAndCrlf) {
  std::string crlf = "\xEF\xBB\xBF";
  for (char c : fixture("malformed_entries.xml")) {
    if (c == '\n') crlf += '\r';
    crlf += c;
  }
  Camt053Importer importer;
  EXPECT_GE(importer.detect("s.xml", crlf), 90);
  auto whole = parse(crlf);
  ASSERT_TRUE(whole.status) << whole.status.to_string();
  ASSERT_EQ(whole.out.records.size(), 1u);
  ASSERT_EQ(whole.out.issues.size(), 4u);
  EXPECT_EQ(whole.out.issues[0].line, 8u);
  EXPECT_EQ(bank_test::render(parse(crlf, 1)), bank_test::render(whole));
}

}  // namespace
