#include "steward/import_paypal/paypal_importer.hpp"

#include <gtest/gtest.h>

#include "support/importer_fixtures.hpp"

namespace st = steward::testing;
using steward::import_paypal::PaypalConfig;
using steward::import_paypal::PaypalImporter;

namespace {

std::string fixture(const std::string& name) {
  return st::read_plugin_fixture("import-paypal", name);
}

PaypalConfig config_for(const std::string& name) {
  if (name.find("latin1") == std::string::npos) return {};
  auto c = steward::import_paypal::parse_config(R"({"encoding": "latin-1"})");
  EXPECT_TRUE(c);
  return *c;
}

st::ImportRun run(const std::string& bytes, std::size_t chunk = 0, PaypalConfig config = {}) {
  PaypalImporter importer(config);
  return st::run_importer(importer, bytes, chunk);
}

std::vector<std::string> lines(const std::string& name) {
  auto r = run(fixture(name), 0, config_for(name));
  EXPECT_TRUE(r.status) << r.status.to_string();
  return st::describe_all(r.output);
}

const char* const kFixtures[] = {"activity_en.csv", "statement_es.csv", "activity_uk_latin1.csv"};

}  // namespace

TEST(PaypalImporterTest, ActivityDownload) {
  std::vector<std::string> expected = {
      "payment 1AB23456CD789012E 2026-01-05 2500 USD fee=103 USD name=[Lee, Grace] "
      "email=grace@example.org method=paypal desc=[Medical care] "
      "address=[12 Oak St||Portland|OR|97201|US]",
      "payment 68LL1662YP3134303 2026-01-06 1000 USD fee=59 USD name=[박서준] "
      "email=seojun@example.kr recurring=I-KCV9BG2YGDWB method=paypal desc=[Monthly support]",
      "payment 4TX00000000000004 2026-01-07 165375 EUR fee=7307 EUR name=[Partner Church] "
      "email=office@church.example method=paypal desc=[Payment for Safe Houses\nQ1 2026]",
      "refund 9RF00000000000005 2026-01-08 500 USD of=1AB23456CD789012E name=[Lee, Grace] "
      "email=grace@example.org method=paypal desc=[Payment Refund]",
      "reversal 8RV00000000000009 2026-01-11 2500 USD of=2PM00000000000001 name=[Park Minho] "
      "email=minho@example.org method=paypal desc=[Payment Reversal]",
      "fee 8FE00000000000010 2026-01-11 2000 USD of=2PM00000000000001 method=paypal "
      "desc=[Chargeback Fee]",
      "payment 9JP00000000000011 2026-01-12 3000 JPY fee=150 JPY name=[田中 花子] "
      "email=hanako@example.jp method=paypal",
      "payment 9KR00000000000012 2026-01-13 50000 KRW fee=2140 KRW name=[김지은] "
      "email=jieun@example.kr method=paypal desc=[Thank you\nfor your work]",
      "line 7 [Status] skipped: pending (Donation Payment): the money has not arrived yet; "
      "import the file again once it is completed",
      "line 8 [Status] skipped: Denied (Donation Payment): no money was received",
      "line 9 [Type] skipped: not a donation (General Currency Conversion)",
      "line 15 [Gross] skipped: money sent, not received (Subscription Payment)",
      "line 16 [Gross] \"12,34,5\" has a misplaced thousands separator",
      "line 17 [Status] skipped: pending (Bank Deposit to PP Account): the money has not arrived "
      "yet; import the file again once it is completed",
      "line 18 [Transaction ID] is empty",
  };
  EXPECT_EQ(lines("activity_en.csv"), expected);
}

TEST(PaypalImporterTest, SpanishStatementWithDecimalCommaAndRaggedHeader) {
  std::vector<std::string> expected = {
      "payment TIDES1 2026-01-02 4937 EUR fee=178 EUR name=[José Núñez] "
      "email=donante1@example.es method=paypal",
      "payment TIDES2 2026-01-03 102882 EUR fee=3119 EUR name=[María, Ana] "
      "email=donante2@example.es method=paypal",
      "refund TIDES4 2026-01-05 1000 EUR of=TIDES1 name=[José Núñez] method=paypal "
      "desc=[Reembolso de pago]",
      "line 4 [Descripción] skipped: not a donation (Retiro a cuenta bancaria)",
  };
  EXPECT_EQ(lines("statement_es.csv"), expected);
}

TEST(PaypalImporterTest, Latin1DayFirstCrlfExport) {
  // 29/12/2025 tells the file is day-first, so 12/02/2026 is 12 February.
  std::vector<std::string> expected = {
      "payment UK1 2025-12-29 8400 GBP fee=425 GBP name=[Zoë Brontë] email=zoe@example.co.uk "
      "method=paypal desc=[Winter appeal]",
      "payment UK2 2026-02-12 100000 GBP fee=2050 GBP name=[Seán Ó Briain] "
      "email=sean@example.ie method=paypal desc=[Café fund]",
  };
  EXPECT_EQ(lines("activity_uk_latin1.csv"), expected);
}

TEST(PaypalImporterTest, EveryChunkSizeGivesTheSameOutput) {
  for (const char* name : kFixtures) {
    std::string bytes = fixture(name);
    std::string whole = st::fingerprint(run(bytes, 0, config_for(name)));
    for (std::size_t chunk : {std::size_t{1}, std::size_t{7}, std::size_t{4096}}) {
      EXPECT_EQ(st::fingerprint(run(bytes, chunk, config_for(name))), whole)
          << name << " chunk " << chunk;
    }
  }
}

TEST(PaypalImporterTest, BomAndCrlfGiveTheSameRecords) {
  for (const char* name : {"activity_en.csv", "statement_es.csv"}) {
    std::string bytes = fixture(name);
    auto plain = st::describe_all(run(bytes).output);
    auto bom_crlf = st::describe_all(run("\xEF\xBB\xBF" + st::to_crlf(bytes), 3).output);
    EXPECT_EQ(bom_crlf, plain) << name;
  }
}

TEST(PaypalImporterTest, EmptyHeaderOnlyTruncated) {
  auto empty = run("");
  ASSERT_TRUE(empty.status);
  ASSERT_EQ(empty.output.issues.size(), 1u);
  EXPECT_EQ(empty.output.issues[0].message, "the file is empty");

  std::string bytes = fixture("activity_en.csv");
  auto header_only = run(bytes.substr(0, bytes.find('\n') + 1), 1);
  ASSERT_TRUE(header_only.status);
  EXPECT_TRUE(header_only.output.records.empty());
  EXPECT_TRUE(header_only.output.issues.empty());

  // Cut inside the quoted "Thank you / for your work" note of line 13.
  auto cut = run(bytes.substr(0, bytes.find("for your work")), 7);
  ASSERT_TRUE(cut.status);
  ASSERT_FALSE(cut.output.issues.empty());
  EXPECT_EQ(cut.output.issues.back().line, 13u);
  EXPECT_NE(cut.output.issues.back().message.find("not closed"), std::string::npos);
}

TEST(PaypalImporterTest, OversizedLineIsReportedAndTheRestIsRead) {
  std::string bytes = fixture("statement_es.csv");
  auto header_end = bytes.find('\n') + 1;
  std::string huge = "\"" + std::string(5u << 20, 'x') + "\"\n";
  auto r = run(bytes.substr(0, header_end) + huge + bytes.substr(header_end), 1 << 16);
  ASSERT_TRUE(r.status);
  EXPECT_EQ(r.output.records.size(), 3u);
  ASSERT_FALSE(r.output.issues.empty());
  EXPECT_EQ(r.output.issues[0].line, 2u);
  EXPECT_NE(r.output.issues[0].message.find("longer than"), std::string::npos);
}

TEST(PaypalImporterTest, DetectsItsFilesAndRejectsOthers) {
  PaypalImporter importer;
  for (const char* name : kFixtures) EXPECT_GE(importer.detect(name, fixture(name)), 90) << name;
  for (const char* other : {"payments_unified.csv", "refunds.csv", "balance_report.csv"}) {
    EXPECT_EQ(importer.detect(other, st::read_plugin_fixture("import-stripe", other)), 0) << other;
  }
  EXPECT_EQ(importer.detect("x.csv", "Date,Amount,Name\n"), 0);
  for (const char* other :
       {"gifts_utf8.csv", "korean_bank_cp949.csv", "euro_semicolon_latin1.csv"}) {
    EXPECT_EQ(importer.detect(other, st::read_plugin_fixture("import-csv", other)), 0) << other;
  }
  EXPECT_EQ(importer.detect("x.ofx", "OFXHEADER:100\nDATA:OFXSGML\n"), 0);
  auto wrong = run(st::read_plugin_fixture("import-stripe", "payments_unified.csv"), 100);
  EXPECT_FALSE(wrong.status);
  EXPECT_NE(wrong.status.message().find("not a PayPal CSV"), std::string::npos);
}

TEST(PaypalImporterTest, SettingsAndManifest) {
  EXPECT_EQ(steward::import_paypal::manifest().id, "org.steward.import.paypal");
  EXPECT_TRUE(steward::import_paypal::parse_config("{}"));
  auto bad = steward::import_paypal::parse_config(R"({"encoding": "ebcdic"})");
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.status().fields().at(0).field, "encoding");
  auto comma =
      steward::import_paypal::parse_config(R"({"decimal_style": "comma", "date_order": "dmy"})");
  ASSERT_TRUE(comma);
  auto r =
      run("Date,Currency,Gross,Fee,Transaction ID,Type,Status\n"
          "02/03/2026,EUR,\"1.234,50\",\"-1,00\",T1,Donation Payment,Completed\n",
          0, *comma);
  ASSERT_TRUE(r.status);
  ASSERT_EQ(r.output.records.size(), 1u);
  EXPECT_EQ(r.output.records[0].amount.minor, 123450);
  EXPECT_EQ(r.output.records[0].date.iso(), "2026-03-02");
}

TEST(PaypalImporterTest, BillingPeriodBecomesTheRecurringInterval) {
  // Decision 0154: a report with a billing period column gives recurring payments their period.
  std::string csv =
      "\"Date\",\"Time\",\"TimeZone\",\"Name\",\"Type\",\"Status\",\"Currency\",\"Gross\",\"Fee\","
      "\"Net\",\"From Email Address\",\"To Email Address\",\"Transaction ID\",\"Reference Txn "
      "ID\",\"Billing Period\"\n"
      "\"01/06/2026\",\"10:00:00\",\"PST\",\"박서준\",\"Subscription Payment\",\"Completed\","
      "\"USD\",\"120.00\",\"-3.78\",\"116.22\",\"seojun@example.kr\",\"give@ministry.example\","
      "\"68LL1662YP3134303\",\"I-KCV9BG2YGDWB\",\"Year\"\n"
      "\"01/07/2026\",\"10:00:00\",\"PST\",\"Grace Lee\",\"Donation Payment\",\"Completed\","
      "\"USD\",\"25.00\",\"-1.03\",\"23.97\",\"grace@example.org\",\"give@ministry.example\","
      "\"1AB23456CD789012E\",\"\",\"Year\"\n";
  auto r = run(csv);
  ASSERT_TRUE(r.status) << r.status.to_string();
  ASSERT_EQ(r.output.records.size(), 2u) << ::testing::PrintToString(st::describe_all(r.output));
  EXPECT_EQ(r.output.records[0].recurring_reference, "I-KCV9BG2YGDWB");
  EXPECT_EQ(r.output.records[0].recurring_interval, "Year");
  EXPECT_EQ(r.output.records[0].donor_name, "박서준");
  EXPECT_EQ(r.output.records[1].recurring_interval, "");  // not a recurring payment
}
