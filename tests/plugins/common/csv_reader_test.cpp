#include "steward/plugin_common/csv_reader.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace pc = steward::plugin_common;

namespace {

std::vector<pc::CsvRecord> read_in_chunks(const std::string& text, std::size_t chunk,
                                          pc::CsvOptions options = {}) {
  pc::CsvReader reader(options);
  std::vector<pc::CsvRecord> out;
  for (std::size_t i = 0; i < text.size(); i += chunk) {
    reader.feed(std::string_view(text).substr(i, chunk), out);
  }
  reader.finish(out);
  return out;
}

std::vector<std::vector<std::string>> fields(const std::vector<pc::CsvRecord>& records) {
  std::vector<std::vector<std::string>> out;
  for (const auto& r : records) out.push_back(r.fields);
  return out;
}

}  // namespace

TEST(CsvReaderTest, QuotedFieldsCommasQuotesAndNewlinesInEveryChunkSize) {
  const std::string text =
      "\xEF\xBB\xBFname,amount,note\r\n"
      "\"Kim, Minji\",10.00,\"she said \"\"hi\"\"\"\r\n"
      "\"Line\nbreak\",5,\r\n"
      "\xEA\xB9\x80\xEB\xAF\xBC\xEC\xA7\x80,7,last";
  const std::vector<std::vector<std::string>> expected = {
      {"name", "amount", "note"},
      {"Kim, Minji", "10.00", "she said \"hi\""},
      {"Line\nbreak", "5", ""},
      {"\xEA\xB9\x80\xEB\xAF\xBC\xEC\xA7\x80", "7", "last"}};
  for (std::size_t chunk : {std::size_t{1}, std::size_t{2}, std::size_t{7}, std::size_t{4096}}) {
    auto records = read_in_chunks(text, chunk);
    ASSERT_EQ(fields(records), expected) << "chunk " << chunk;
    EXPECT_EQ(records[0].line, 1u);
    EXPECT_EQ(records[0].offset, 3u);  // after the BOM
    EXPECT_EQ(records[1].line, 2u);
    EXPECT_EQ(records[2].line, 3u);
    EXPECT_EQ(records[3].line, 5u);  // the quoted line break took line 4
    EXPECT_EQ(text.substr(records[3].offset, 3), "\xEA\xB9\x80");
  }
}

TEST(CsvReaderTest, SkipsBlankLinesAndReadsLoneCarriageReturns) {
  auto records = read_in_chunks("a,b\r\rc,d\n\n\ne,f", 3);
  ASSERT_EQ(fields(records),
            (std::vector<std::vector<std::string>>{{"a", "b"}, {"c", "d"}, {"e", "f"}}));
  EXPECT_EQ(records[1].line, 3u);
  EXPECT_EQ(records[2].line, 6u);
}

TEST(CsvReaderTest, NotABomIsKept) {
  auto records = read_in_chunks(
      "\xEF\xBB"
      "x,y\n",
      1);
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].fields[0], "\xEF\xBBx");
  EXPECT_EQ(records[0].offset, 0u);
}

TEST(CsvReaderTest, OversizedRecordIsReportedAndSkippedThenReadingGoesOn) {
  pc::CsvOptions options;
  options.max_record_bytes = 64;
  std::string text = "h1,h2\n\"" + std::string(1000, 'x') + "\n,\",2\nok,1\n";
  auto records = read_in_chunks(text, 5, options);
  ASSERT_EQ(records.size(), 3u);
  EXPECT_TRUE(records[0].error.empty());
  EXPECT_NE(records[1].error.find("longer than 64 bytes"), std::string::npos);
  EXPECT_TRUE(records[1].fields.empty());
  EXPECT_EQ(records[1].line, 2u);
  EXPECT_EQ(records[2].fields, (std::vector<std::string>{"ok", "1"}));
  EXPECT_EQ(records[2].line, 4u);
}

TEST(CsvReaderTest, UnterminatedQuoteAtEndIsAnError) {
  auto records = read_in_chunks("a,b\n1,\"never closed\n", 4);
  ASSERT_EQ(records.size(), 2u);
  EXPECT_NE(records[1].error.find("not closed"), std::string::npos);
  EXPECT_EQ(records[1].line, 2u);
}

TEST(CsvReaderTest, EmptyInputHasNoRecords) {
  EXPECT_TRUE(read_in_chunks("", 1).empty());
  EXPECT_TRUE(read_in_chunks("\xEF\xBB\xBF", 1).empty());
}

TEST(CsvReaderTest, OtherDelimiterAndStrayQuotes) {
  pc::CsvOptions options;
  options.delimiter = ';';
  auto records = read_in_chunks("a;b\"c;\"d\"e\n", 2, options);
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].fields, (std::vector<std::string>{"a", "b\"c", "de"}));
}

TEST(CsvReaderTest, LineBreaksInsideFieldsBecomeLf) {
  for (std::size_t chunk : {std::size_t{1}, std::size_t{3}, std::size_t{100}}) {
    auto records = read_in_chunks("a,b\r\n\"x\r\ny\rz\",2\r\nnext,3\r\n", chunk);
    ASSERT_EQ(records.size(), 3u);
    EXPECT_EQ(records[1].fields[0], "x\ny\nz");
    EXPECT_EQ(records[2].line, 4u);
  }
}

TEST(CsvReaderTest, A200MegabyteLineCostsNoMemoryAndReadingGoesOn) {
  pc::CsvReader reader;  // default limit: 4 MiB
  std::vector<pc::CsvRecord> out;
  reader.feed("name,note\nfirst,\"", out);
  const std::string chunk(1 << 20, 'x');
  for (int i = 0; i < 200; ++i) reader.feed(chunk, out);
  reader.feed("\"\nnext,ok\n", out);
  reader.finish(out);
  ASSERT_EQ(out.size(), 3u);
  EXPECT_NE(out[1].error.find("longer than 4194304 bytes"), std::string::npos);
  EXPECT_EQ(out[1].line, 2u);
  EXPECT_EQ(out[1].offset, 10u);
  EXPECT_EQ(out[2].fields, (std::vector<std::string>{"next", "ok"}));
  EXPECT_EQ(out[2].line, 3u);
  EXPECT_EQ(out[2].offset, 10u + 7u + (200u << 20) + 2u);
}
