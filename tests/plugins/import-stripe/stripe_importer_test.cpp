#include "steward/import_stripe/stripe_importer.hpp"

#include <gtest/gtest.h>

#include "support/importer_fixtures.hpp"

namespace st = steward::testing;
using steward::import_stripe::StripeImporter;

namespace {

const char* const kFixtures[] = {"payments_unified.csv", "payments_2019_excel.csv", "refunds.csv",
                                 "disputes.csv", "balance_report.csv"};

std::string fixture(const std::string& name) {
  return st::read_plugin_fixture("import-stripe", name);
}

st::ImportRun run(const std::string& bytes, std::size_t chunk = 0,
                  const std::string& name = "file.csv") {
  StripeImporter importer;
  return st::run_importer(importer, bytes, chunk, name);
}

std::vector<std::string> lines(const std::string& name) {
  auto r = run(fixture(name), 0, name);
  EXPECT_TRUE(r.status) << r.status.to_string();
  return st::describe_all(r.output);
}

}  // namespace

TEST(StripeImporterTest, PaymentsExportWithRefundsFailuresAndCurrencies) {
  std::vector<std::string> expected = {
      "payment ch_1A 2026-01-05 5000 USD fee=175 USD name=[Kim, Minji] email=minji@example.org "
      "payer=cus_A fund=[Medical Support] campaign=[SPRING26] method=card desc=[Donation]",
      "payment ch_2B 2026-01-06 75000 USD fee=2205 USD name=[김민지] email=kim@example.kr "
      "payer=cus_B method=card desc=[Monthly gift\nthank you]",
      "refund ch_2B:refund 2026-01-20 19500 USD of=ch_2B name=[김민지] email=kim@example.kr "
      "payer=cus_B method=card desc=[Partial refund]",
      "payment ch_3C 2026-01-07 2000 GBP fee=48 GBP email=refund@example.org method=card",
      "refund ch_3C:refund 2026-01-08 2000 GBP of=ch_3C email=refund@example.org method=card "
      "desc=[Refund]",
      // KRW charge settled in USD: the converted amount is kept, and the USD fee (1.36) is
      // put on the KRW record at the charge's own rate (decision 0154).
      "payment ch_6F 2026-01-10 50000 KRW fee=1863 KRW name=[이서연] email=seoyeon@example.kr "
      "payer=cus_F converted=3650 USD recurring=cus_F/invoices method=card desc=[Subscription "
      "creation]",
      "payment ch_7G 2026-01-11 3000 JPY fee=108 JPY email=tanaka@example.jp payer=cus_G "
      "method=card",
      "payment ch_10J 2026-01-13 1250 BHD fee=50 BHD payer=cus_J",
      "line 6 [Status] skipped: charge failed: do_not_honor",
      "line 7 [id] skipped: no charge id (an abandoned payment attempt, status "
      "\"requires_payment_method\")",
      "line 8 [Status] skipped: pending: the money has not arrived yet; import the file again "
      "once it is paid",
      "line 11 [Amount] \"12.345\" has more decimals than the currency allows (2)",
      "line 12 [Created date (UTC)] \"yesterday\" is not a date",
  };
  EXPECT_EQ(lines("payments_unified.csv"), expected);
}

TEST(StripeImporterTest, ExcelSavedPaymentsExportWithAShiftedRow) {
  std::vector<std::string> expected = {
      "payment ch_O1 2019-02-19 2000 GBP fee=90 GBP name=[Park Jiwoo] email=oneoff@example.org "
      "payer=cus_O1 method=card desc=[Payment for invoice] "
      "address=[1 High Street||London||N1 1AA|GB]",
      "payment ch_O2 2019-03-03 1000 GBP fee=35 GBP name=[Monthly Donor] "
      "email=monthly@example.org payer=cus_M1 recurring=cus_M1/invoices method=card "
      "desc=[Subscription update]",
      "line 3 [] the row has 50 fields but the header has 51 (cut short or shifted?); skipped",
  };
  EXPECT_EQ(lines("payments_2019_excel.csv"), expected);
}

TEST(StripeImporterTest, RefundsExport) {
  std::vector<std::string> expected = {
      "refund re_1 2026-02-01 1000 USD of=ch_1A desc=[Refund: requested_by_customer]",
      "refund re_4 2026-02-04 10000 KRW of=ch_6F desc=[Refund]",
      "line 3 [Status] skipped: refund pending: no money was returned yet",
      "line 4 [Charge ID] is empty: a refund must name its charge",
  };
  EXPECT_EQ(lines("refunds.csv"), expected);
}

TEST(StripeImporterTest, DisputesExportLostIsAReversal) {
  std::vector<std::string> expected = {
      "reversal dp_1 2026-02-10 5000 USD of=ch_1A desc=[Dispute lost: fraudulent]",
      "line 3 [Status] skipped: dispute won: the payment stands",
      "line 4 [Status] skipped: dispute not decided yet (needs_response); import the file again "
      "once it is lost or won",
      "line 5 [Status] skipped: an inquiry (warning_needs_response): no money was withdrawn",
  };
  EXPECT_EQ(lines("disputes.csv"), expected);
}

TEST(StripeImporterTest, ItemizedBalanceReport) {
  std::vector<std::string> expected = {
      "payment ch_B1 2026-01-23 1200 USD fee=65 USD email=a@example.org fund=[Rescue]",
      "refund re_B2 2026-01-23 77 USD of=ch_B1 email=a@example.org desc=[REFUND FOR PAYMENT]",
      "reversal dp_B3 2026-01-24 1200 USD of=ch_B1 email=a@example.org",
      "line 5 [reporting_category] skipped: not a donation (payout)",
  };
  EXPECT_EQ(lines("balance_report.csv"), expected);
}

TEST(StripeImporterTest, EveryChunkSizeGivesTheSameOutput) {
  for (const char* name : kFixtures) {
    std::string bytes = fixture(name);
    std::string whole = st::fingerprint(run(bytes, 0, name));
    for (std::size_t chunk : {std::size_t{1}, std::size_t{7}, std::size_t{4096}}) {
      EXPECT_EQ(st::fingerprint(run(bytes, chunk, name)), whole) << name << " chunk " << chunk;
    }
  }
}

TEST(StripeImporterTest, BomAndCrlfGiveTheSameRecords) {
  for (const char* name : kFixtures) {
    std::string bytes = fixture(name);
    auto plain = st::describe_all(run(bytes, 0, name).output);
    auto bom_crlf = st::describe_all(run("\xEF\xBB\xBF" + st::to_crlf(bytes), 5, name).output);
    EXPECT_EQ(bom_crlf, plain) << name;
  }
}

TEST(StripeImporterTest, EmptyFileAndHeaderOnly) {
  auto empty = run("");
  ASSERT_TRUE(empty.status);
  EXPECT_TRUE(empty.output.records.empty());
  ASSERT_EQ(empty.output.issues.size(), 1u);
  EXPECT_EQ(empty.output.issues[0].message, "the file is empty");

  std::string bytes = fixture("payments_unified.csv");
  auto header_only = run(bytes.substr(0, bytes.find('\n') + 1), 3);
  ASSERT_TRUE(header_only.status);
  EXPECT_TRUE(header_only.output.records.empty());
  EXPECT_TRUE(header_only.output.issues.empty());
}

TEST(StripeImporterTest, TruncatedFileReportsTheLastRow) {
  std::string bytes = fixture("payments_unified.csv");
  // Cut inside the quoted, multi-line description of ch_2B.
  auto cut = run(bytes.substr(0, bytes.find("thank you")), 7);
  ASSERT_TRUE(cut.status);
  ASSERT_EQ(cut.output.records.size(), 1u);
  ASSERT_EQ(cut.output.issues.size(), 1u);
  EXPECT_EQ(cut.output.issues[0].line, 3u);
  EXPECT_NE(cut.output.issues[0].message.find("not closed"), std::string::npos);
  // Cut in the middle of an unquoted row.
  auto cut2 = run(bytes.substr(0, bytes.find("ch_3C") + 30));
  ASSERT_TRUE(cut2.status);
  EXPECT_EQ(cut2.output.records.size(), 3u);
  ASSERT_EQ(cut2.output.issues.size(), 1u);
  EXPECT_EQ(cut2.output.issues[0].line, 5u);
  EXPECT_NE(cut2.output.issues[0].message.find("cut short"), std::string::npos);
}

TEST(StripeImporterTest, OversizedLineIsReportedAndTheRestIsRead) {
  std::string bytes = fixture("refunds.csv");
  auto header_end = bytes.find('\n') + 1;
  std::string huge =
      "re_X,1.00,usd,2026-02-01 10:00,ch_1A,,\"" + std::string(5u << 20, 'x') + "\",,succeeded\n";
  std::string file = bytes.substr(0, header_end) + huge + bytes.substr(header_end);
  auto r = run(file, 64 * 1024);
  ASSERT_TRUE(r.status);
  EXPECT_EQ(r.output.records.size(), 2u);
  ASSERT_FALSE(r.output.issues.empty());
  EXPECT_EQ(r.output.issues[0].line, 2u);
  EXPECT_EQ(r.output.issues[0].offset, header_end);
  EXPECT_NE(r.output.issues[0].message.find("longer than"), std::string::npos);
  EXPECT_EQ(r.output.records[0].external_id, "re_1");
}

TEST(StripeImporterTest, DetectsItsExportsAndNothingElse) {
  StripeImporter importer;
  for (const char* name : kFixtures) {
    EXPECT_GE(importer.detect(name, fixture(name)), 90) << name;
  }
  EXPECT_EQ(importer.detect("x.csv", "Date,Amount,Name\n2026-01-01,5,A\n"), 0);
  EXPECT_EQ(importer.detect("x.csv",
                            "\"Date\",\"Time\",\"TimeZone\",\"Name\",\"Type\",\"Status\","
                            "\"Currency\",\"Gross\",\"Fee\",\"Net\",\"Transaction ID\"\n"),
            0);
  EXPECT_EQ(importer.detect("x.xml", "<?xml version=\"1.0\"?><Document>"), 0);
  for (const auto& [dir, other] : std::vector<std::pair<std::string, std::string>>{
           {"import-paypal", "activity_en.csv"},
           {"import-paypal", "statement_es.csv"},
           {"import-csv", "gifts_utf8.csv"},
           {"import-csv", "korean_bank_cp949.csv"},
           {"import-csv", "euro_semicolon_latin1.csv"}}) {
    EXPECT_EQ(importer.detect(other, st::read_plugin_fixture(dir, other)), 0) << other;
  }
  EXPECT_EQ(importer.detect("x.csv", ""), 0);
}

TEST(StripeImporterTest, WrongFileTypeStopsTheImport) {
  auto r = run("Date,Amount,Name\n2026-01-01,5,A\n", 4);
  EXPECT_FALSE(r.status);
  EXPECT_NE(r.status.message().find("not a Stripe export"), std::string::npos);
  auto xml = run("<?xml version=\"1.0\"?>\n<Document></Document>\n");
  EXPECT_FALSE(xml.status);
}

TEST(StripeImporterTest, SettingsAndManifest) {
  auto m = steward::import_stripe::manifest();
  EXPECT_EQ(m.id, "org.steward.import.stripe");
  EXPECT_EQ(m.kind, steward::sdk::PluginKind::kImporter);
  EXPECT_TRUE(steward::import_stripe::parse_config("{}"));
  auto bad = steward::import_stripe::parse_config(R"({"date_order": "sideways"})");
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.status().fields().at(0).field, "date_order");

  // Settings choose the metadata keys and the day-first order of Excel-saved dates.
  auto config = steward::import_stripe::parse_config(
      R"({"date_order": "dmy", "fund_metadata_keys": ["ministry"]})");
  ASSERT_TRUE(config);
  StripeImporter importer(*config);
  auto r = st::run_importer(importer,
                            "id,Created (UTC),Amount,Amount Refunded,Currency,Status,"
                            "ministry (metadata),fund (metadata)\n"
                            "ch_1,02/03/2026 10:00,5,0,usd,Paid,Safe houses,Other\n");
  ASSERT_TRUE(r.status);
  ASSERT_EQ(r.output.records.size(), 1u);
  EXPECT_EQ(r.output.records[0].date.iso(), "2026-03-02");
  EXPECT_EQ(r.output.records[0].fund_hint, "Safe houses");
}

TEST(StripeImporterTest, ConvertedAmountLostDisputeAppealAndInterval) {
  std::string csv =
      "id,Created date (UTC),Amount,Amount Refunded,Currency,Converted Amount,Converted "
      "Currency,Fee,Status,Customer ID,Customer Email,Disputed Amount,Dispute Status,Dispute "
      "Date (UTC),appeal (metadata),interval (metadata)\n"
      "ch_E1,2026-11-02 10:00:00,100.00,0.00,eur,108.75,usd,3.45,Paid,cus_E,eu@example.org,,,,"
      "WINTER26,year\n"
      "ch_D2,2026-11-03 10:00:00,50.00,10.00,usd,50.00,usd,1.75,Paid,cus_D,d@example.org,40.00,"
      "lost,2026-11-20 09:00:00,,\n"
      "ch_W3,2026-11-04 10:00:00,20.00,0.00,usd,20.00,usd,0.88,Paid,cus_W,w@example.org,20.00,"
      "won,2026-11-21 09:00:00,,\n";
  auto r = run(csv);
  ASSERT_TRUE(r.status) << r.status.to_string();
  std::vector<std::string> expected = {
      // EUR settled in USD: 3.45 USD fee at 100.00 EUR / 108.75 USD is 3.17 EUR.
      "payment ch_E1 2026-11-02 10000 EUR fee=317 EUR email=eu@example.org payer=cus_E "
      "appeal=[WINTER26] converted=10875 USD interval=year",
      "payment ch_D2 2026-11-03 5000 USD fee=175 USD email=d@example.org payer=cus_D",
      "refund ch_D2:refund 2026-11-03 1000 USD of=ch_D2 email=d@example.org payer=cus_D "
      "desc=[Partial refund]",
      "reversal ch_D2:dispute 2026-11-20 4000 USD of=ch_D2 email=d@example.org payer=cus_D "
      "desc=[Dispute lost]",
      "payment ch_W3 2026-11-04 2000 USD fee=88 USD email=w@example.org payer=cus_W",
  };
  EXPECT_EQ(st::describe_all(r.output), expected);
}
