#include "steward/import_csv/mapped_importer.hpp"

#include <gtest/gtest.h>

#include "support/importer_fixtures.hpp"

namespace st = steward::testing;
using steward::import_csv::CsvConfig;
using steward::import_csv::MappedCsvImporter;

namespace {

std::string fixture(const std::string& name) { return st::read_plugin_fixture("import-csv", name); }

CsvConfig config(const std::string& json) {
  auto c = steward::import_csv::parse_config(json);
  EXPECT_TRUE(c) << c.status().to_string();
  return c ? *c : CsvConfig{};
}

const char* const kBankUtf8 = R"({"skip_rows": 2, "date_column": "거래일자",
  "credit_column": "입금액", "debit_column": "출금액", "currency": "KRW", "name_column": "의뢰인",
  "description_column": "메모", "account": "110-123-456789", "payment_method": "bank_transfer"})";
const char* const kBankCp949 = R"({"encoding": "cp949", "skip_rows": 2, "date_column": "거래일자",
  "credit_column": "입금액", "debit_column": "출금액", "currency": "KRW", "name_column": "의뢰인",
  "description_column": "메모", "account": "110-123-456789", "payment_method": "bank_transfer"})";
const char* const kGifts = R"({"date_column": "Gift Date", "amount_column": "Amount",
  "currency_column": "Currency", "email_column": "Email", "first_name_column": "First Name",
  "last_name_column": "Last Name", "fund_column": "Fund", "campaign_column": "Appeal",
  "external_id_column": "Gift ID", "description_column": "Memo", "negative_amounts": "refund"})";
const char* const kEuro = R"({"encoding": "latin-1", "delimiter": ";", "decimal_style": "comma",
  "date_format": "dmy", "date_column": "Buchungstag", "amount_column": "Betrag", "currency": "EUR",
  "name_column": "Auftraggeber", "description_column": "Verwendungszweck"})";

struct Case {
  const char* file;
  const char* config;
};
const Case kCases[] = {{"korean_bank_cp949.csv", kBankCp949},
                       {"korean_bank_utf8.csv", kBankUtf8},
                       {"gifts_utf8.csv", kGifts},
                       {"euro_semicolon_latin1.csv", kEuro}};

st::ImportRun run(const std::string& bytes, const char* json, std::size_t chunk = 0) {
  MappedCsvImporter importer(config(json));
  return st::run_importer(importer, bytes, chunk);
}

std::vector<std::string> lines(const std::string& name, const char* json) {
  auto r = run(fixture(name), json);
  EXPECT_TRUE(r.status) << r.status.to_string();
  return st::describe_all(r.output);
}

}  // namespace

const std::vector<std::string> kBankExpected = {
    "payment sha256:39dafd3130f30d2e6d527429e478d825e67e2d914a82569d805bfe3140d0218a 2026-01-05 "
    "50000 KRW account=110-123-456789 name=[김민지] method=bank_transfer desc=[후원금, 1월]",
    "payment sha256:b69e5bf3d14e3f9d633041c9196cd093e6cb6f46e3be097ff61db20774664c64 2026-01-06 "
    "100000 KRW account=110-123-456789 name=[이서연] method=bank_transfer desc=[의료 지원\n"
    "감사합니다]",
    "payment sha256:dfe5102c5911cb35374cfdaa7ce137513b6ae5526c08373795f7be391640301d 2026-01-07 "
    "30000 KRW account=110-123-456789 name=[박지훈] method=bank_transfer",
    "line 5 [출금액] skipped: money out (200,000 KRW)",
    "line 9 [입금액] \"abc\" has no digits",
    "line 10 [거래일자] \"2026.13.01\" is not a calendar date",
};

TEST(MappedCsvImporterTest, KoreanBankExportInCp949) {
  // The same statement in CP949 and UTF-8 gives the same records and the same content ids.
  EXPECT_EQ(lines("korean_bank_cp949.csv", kBankCp949), kBankExpected);
  EXPECT_EQ(lines("korean_bank_utf8.csv", kBankUtf8), kBankExpected);
}

TEST(MappedCsvImporterTest, GiftSpreadsheetWithIdsAndRefunds) {
  std::vector<std::string> expected = {
      "payment G-1001 2026-01-05 10000 USD name=[Grace Lee] email=grace@example.org "
      "fund=[Safe Houses] campaign=[WINTER26] desc=[In memory of \"Mom\"]",
      "payment G-1002 2026-01-06 50000 KRW name=[김민지] email=minji@example.kr fund=[의료 지원] "
      "desc=[매월 후원]",
      "payment G-1003 2026-01-07 125050 USD name=[Church of Hope, Inc.] desc=[Two lines\nof memo]",
      "payment G-1004 2026-01-08 2500 EUR name=[Anna Schmidt] email=x@example.org",
      "refund G-1005 2026-01-09 2000 USD name=[Grace Lee] email=grace@example.org desc=[returned]",
      "line 8 [Amount] \"12.5.0\" has a misplaced thousands separator",
      "line 9 [Gift ID] is empty",
      "line 10 [Currency] \"XX\" is not a currency code",
  };
  EXPECT_EQ(lines("gifts_utf8.csv", kGifts), expected);
}

TEST(MappedCsvImporterTest, Latin1SemicolonsDecimalCommaAndIdenticalRows) {
  std::vector<std::string> expected = {
      "payment sha256:9b419ffc4fee97dacfb376887fdfb60bfa6c4953afd01fe31f5a4029e06f2b12 2026-01-31 "
      "123456 EUR name=[Jürgen Müller] desc=[Spende Jänner]",
      "payment sha256:9c2fc3bb11d047e6a74e47e23aa1e840b0dab0b3c0e60c1a62ee19e8d08fa9ec 2026-01-31 "
      "2000 EUR name=[Zoë Weiß] desc=[Spende]",
      // The same gift twice on one day: two gifts, told apart by their order.
      "payment sha256:9c2fc3bb11d047e6a74e47e23aa1e840b0dab0b3c0e60c1a62ee19e8d08fa9ec#2 "
      "2026-01-31 2000 EUR name=[Zoë Weiß] desc=[Spende]",
      "payment sha256:e40018e373964e316075981430b964a558d4cbfaa0705228725db8b4284debc7 2026-02-01 "
      "2000 EUR name=[Zoë Weiß] desc=[Spende]",
      "line 6 [Betrag] skipped: money out (-15,00 EUR)",
  };
  EXPECT_EQ(lines("euro_semicolon_latin1.csv", kEuro), expected);
}

TEST(MappedCsvImporterTest, EveryChunkSizeGivesTheSameOutput) {
  for (const auto& c : kCases) {
    std::string bytes = fixture(c.file);
    std::string whole = st::fingerprint(run(bytes, c.config));
    for (std::size_t chunk : {std::size_t{1}, std::size_t{2}, std::size_t{7}, std::size_t{4096}}) {
      EXPECT_EQ(st::fingerprint(run(bytes, c.config, chunk)), whole) << c.file << " " << chunk;
    }
  }
}

TEST(MappedCsvImporterTest, BomAndCrlfGiveTheSameRecords) {
  std::string bytes = fixture("korean_bank_utf8.csv");
  auto plain = st::describe_all(run(bytes, kBankUtf8).output);
  auto bom_crlf = st::describe_all(run("\xEF\xBB\xBF" + st::to_crlf(bytes), kBankUtf8, 5).output);
  EXPECT_EQ(bom_crlf, plain);
}

TEST(MappedCsvImporterTest, EmptyHeaderOnlyTruncatedOversized) {
  auto empty = run("", kGifts);
  ASSERT_TRUE(empty.status);
  ASSERT_EQ(empty.output.issues.size(), 1u);
  EXPECT_EQ(empty.output.issues[0].message, "the file is empty");

  std::string bytes = fixture("gifts_utf8.csv");
  auto header_end = bytes.find('\n') + 1;
  auto header_only = run(bytes.substr(0, header_end), kGifts, 3);
  ASSERT_TRUE(header_only.status);
  EXPECT_TRUE(header_only.output.records.empty());
  EXPECT_TRUE(header_only.output.issues.empty());

  auto cut = run(bytes.substr(0, bytes.find("of memo")), kGifts, 7);
  ASSERT_TRUE(cut.status);
  EXPECT_EQ(cut.output.records.size(), 2u);
  ASSERT_EQ(cut.output.issues.size(), 1u);
  EXPECT_EQ(cut.output.issues[0].line, 4u);
  EXPECT_NE(cut.output.issues[0].message.find("not closed"), std::string::npos);

  std::string huge = "2026-01-05,1.00,USD,,A,B,,,G-9," + std::string(5u << 20, 'x') + "\r\n";
  auto big = run(bytes.substr(0, header_end) + huge + bytes.substr(header_end), kGifts, 1 << 16);
  ASSERT_TRUE(big.status);
  EXPECT_EQ(big.output.records.size(), 5u);
  ASSERT_FALSE(big.output.issues.empty());
  EXPECT_EQ(big.output.issues[0].line, 2u);
  EXPECT_NE(big.output.issues[0].message.find("longer than"), std::string::npos);
}

TEST(MappedCsvImporterTest, DetectClaimsOnlyFilesWithTheMappedColumns) {
  for (const auto& c : kCases) {
    MappedCsvImporter importer(config(c.config));
    EXPECT_EQ(importer.detect(c.file, fixture(c.file)), 80) << c.file;
    // Cut anywhere, even inside a CP949 character, the head still detects.
    std::string bytes = fixture(c.file);
    EXPECT_EQ(importer.detect(c.file, bytes.substr(0, bytes.size() - 1)), 80) << c.file;
    for (const auto& [dir, other] :
         std::vector<std::pair<std::string, std::string>>{{"import-stripe", "payments_unified.csv"},
                                                          {"import-stripe", "refunds.csv"},
                                                          {"import-paypal", "activity_en.csv"},
                                                          {"import-paypal", "statement_es.csv"}}) {
      EXPECT_EQ(importer.detect(other, st::read_plugin_fixture(dir, other)), 0)
          << c.file << " vs " << other;
    }
  }
  MappedCsvImporter gifts(config(kGifts));
  EXPECT_EQ(gifts.detect("k.csv", fixture("korean_bank_utf8.csv")), 0);
  auto wrong = run(fixture("korean_bank_utf8.csv"), kGifts);
  EXPECT_FALSE(wrong.status);
  EXPECT_NE(wrong.status.message().find("\"Gift Date\""), std::string::npos);
}

TEST(MappedCsvImporterTest, UnconfiguredClaimsNothing) {
  MappedCsvImporter importer(config("{}"));
  EXPECT_EQ(importer.detect("gifts.csv", fixture("gifts_utf8.csv")), 0);
  steward::sdk::ParseOutput out;
  auto status = importer.start("gifts.csv");
  ASSERT_FALSE(status);
  EXPECT_EQ(status.fields().at(0).field, "date_column");
}

TEST(MappedCsvImporterTest, SettingsErrorsNameTheSetting) {
  auto field = [](const std::string& json) {
    auto c = steward::import_csv::parse_config(json);
    EXPECT_FALSE(c) << json;
    return c ? std::string() : c.status().fields().at(0).field;
  };
  EXPECT_EQ(field(R"({"amount_column": "A", "currency": "USD"})"), "date_column");
  EXPECT_EQ(field(R"({"date_column": "D", "currency": "USD"})"), "amount_column");
  EXPECT_EQ(field(R"({"date_column": "D", "amount_column": "A"})"), "currency");
  EXPECT_EQ(field(R"({"date_column": "D", "amount_column": "A", "currency": "US1"})"), "currency");
  EXPECT_EQ(field(R"({"date_column": "D", "amount_column": "A", "currency": "USD",
                      "encoding": "ebcdic"})"),
            "encoding");
  EXPECT_EQ(field(R"({"date_column": "D", "amount_column": "A", "currency": "USD",
                      "delimiter": "::"})"),
            "delimiter");
  EXPECT_EQ(field(R"({"date_column": "D", "amount_column": "A", "currency": "USD",
                      "first_name_column": "F"})"),
            "last_name_column");
  EXPECT_EQ(field(R"({"date_column": "D", "amount_column": "A", "currency": "USD",
                      "colour": "blue"})"),
            "colour");
  EXPECT_EQ(steward::import_csv::manifest().id, "org.steward.import.csv");
}

TEST(MappedCsvImporterTest, ContentIdsAreStableSha256) {
  EXPECT_EQ(steward::import_csv::sha256_hex("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}
