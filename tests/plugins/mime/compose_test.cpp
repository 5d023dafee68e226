// plugin_mime_lib: compose a message, parse it back, check the structure and the encodings.
#include <gtest/gtest.h>

#include "mime/compose.hpp"
#include "mime/encoding.hpp"
#include "mime/parse.hpp"

namespace steward::mime {
namespace {

sdk::MailMessage korean_message() {
  sdk::MailMessage m;
  m.from = "새희망 선교회 <office@example.org>";
  m.to = {"김민지 <minji@example.com>"};
  m.subject = "김민지 님, 소중한 후원에 감사드립니다";
  m.text = "김민지 님께,\n\n₩50,000 후원에 감사드립니다.\n";
  m.html = "<p>김민지 님께,</p><p>₩50,000 후원에 감사드립니다.</p>";
  return m;
}

TEST(MimeCompose, KoreanHeadersAndBodiesRoundTrip) {
  auto composed = compose(korean_message());
  ASSERT_TRUE(composed) << composed.status().to_string();
  // Nothing but ASCII goes on the wire.
  for (char c : composed->bytes) ASSERT_LT(static_cast<unsigned char>(c), 0x80);

  Part p = parse(composed->bytes);
  EXPECT_EQ(p.header("Subject"), "김민지 님, 소중한 후원에 감사드립니다");
  EXPECT_EQ(p.header("From"), "새희망 선교회 <office@example.org>");
  EXPECT_EQ(p.header("To"), "김민지 <minji@example.com>");
  EXPECT_EQ(p.header("MIME-Version"), "1.0");
  EXPECT_EQ(p.header("Message-ID"), composed->message_id);
  EXPECT_NE(composed->message_id.find("@example.org>"), std::string::npos);
  EXPECT_FALSE(p.header("Date").empty());
  EXPECT_EQ(p.content_type, "multipart/alternative");
  ASSERT_EQ(p.parts.size(), 2U);
  EXPECT_EQ(p.parts[0].content_type, "text/plain");
  EXPECT_EQ(p.parts[0].body, "김민지 님께,\r\n\r\n₩50,000 후원에 감사드립니다.\r\n");
  EXPECT_EQ(p.parts[1].content_type, "text/html");
  EXPECT_EQ(p.parts[1].body, korean_message().html);
  EXPECT_EQ(composed->envelope_from, "office@example.org");
  EXPECT_EQ(composed->rcpt, std::vector<std::string>{"minji@example.com"});
}

TEST(MimeCompose, LongSubjectsAreFoldedIntoShortLines) {
  sdk::MailMessage m = korean_message();
  m.subject.clear();
  for (int i = 0; i < 8; ++i) m.subject += "연말 기부금 영수증을 보내드립니다 ";
  auto composed = compose(m);
  ASSERT_TRUE(composed);
  std::string head = composed->bytes.substr(0, composed->bytes.find("\r\n\r\n"));
  std::size_t start = 0;
  while (start < head.size()) {
    std::size_t end = head.find("\r\n", start);
    if (end == std::string::npos) end = head.size();
    EXPECT_LE(end - start, 78U) << head.substr(start, end - start);
    start = end + 2;
  }
  EXPECT_EQ(parse(composed->bytes).header("Subject"), m.subject);
}

TEST(MimeCompose, PlainAsciiAndTextOnly) {
  sdk::MailMessage m;
  m.from = "office@example.org";
  m.to = {"Smith, Jane <jane@example.com>", "bob@example.com"};
  m.subject = "Thank you";
  m.text = "Dear Jane,\n.\nA line with = sign and trailing blank \nEnd";
  auto composed = compose(m);
  ASSERT_TRUE(composed) << composed.status().to_string();
  EXPECT_NE(composed->bytes.find("To: \"Smith, Jane\" <jane@example.com>,\r\n <bob@example.com>"),
            std::string::npos);
  EXPECT_NE(composed->bytes.find("Subject: Thank you\r\n"), std::string::npos);
  EXPECT_EQ(composed->bytes.find("\r\n.\r\n"), std::string::npos);
  Part p = parse(composed->bytes);
  EXPECT_EQ(p.content_type, "text/plain");
  EXPECT_EQ(p.body, "Dear Jane,\r\n.\r\nA line with = sign and trailing blank \r\nEnd\r\n");
  EXPECT_EQ(composed->rcpt.size(), 2U);
}

TEST(MimeCompose, AttachmentsWithKoreanFileNames) {
  sdk::MailMessage m = korean_message();
  std::string pdf = "%PDF-1.4\n";
  for (int i = 0; i < 256; ++i) pdf += static_cast<char>(i);
  m.attachments.push_back(
      {"2026년 기부금 영수증 - 김민지 (후원자 번호 12345).pdf", "application/pdf", pdf});
  auto composed = compose(m);
  ASSERT_TRUE(composed) << composed.status().to_string();
  Part p = parse(composed->bytes);
  EXPECT_EQ(p.content_type, "multipart/mixed");
  ASSERT_EQ(p.parts.size(), 2U);
  EXPECT_EQ(p.parts[0].content_type, "multipart/alternative");
  const Part& a = p.parts[1];
  EXPECT_EQ(a.content_type, "application/pdf");
  EXPECT_EQ(a.body, pdf);
  EXPECT_EQ(a.parameter("Content-Disposition", "filename"),
            "2026년 기부금 영수증 - 김민지 (후원자 번호 12345).pdf");
  EXPECT_EQ(a.parameter("Content-Type", "name"),
            "2026년 기부금 영수증 - 김민지 (후원자 번호 12345).pdf");
}

TEST(MimeCompose, ExtraHeadersAndStableMessageId) {
  sdk::MailMessage m = korean_message();
  m.headers = {{"List-Unsubscribe", "<https://example.org/u/abc>"},
               {"List-Unsubscribe-Post", "List-Unsubscribe=One-Click"},
               {"Message-ID", "<gift-42.ack@example.org>"}};
  auto composed = compose(m);
  ASSERT_TRUE(composed);
  Part p = parse(composed->bytes);
  EXPECT_EQ(p.header("List-Unsubscribe"), "<https://example.org/u/abc>");
  EXPECT_EQ(p.header("List-Unsubscribe-Post"), "List-Unsubscribe=One-Click");
  EXPECT_EQ(p.header("Message-ID"), "<gift-42.ack@example.org>");
  EXPECT_EQ(composed->message_id, "<gift-42.ack@example.org>");
}

TEST(MimeCompose, HeaderInjectionIsRefusedNamingTheField) {
  auto expect_field = [](const sdk::MailMessage& m, const std::string& field) {
    auto composed = compose(m);
    ASSERT_FALSE(composed);
    EXPECT_EQ(composed.status().code(), StatusCode::kInvalid);
    ASSERT_FALSE(composed.status().fields().empty());
    EXPECT_EQ(composed.status().fields()[0].field, field) << composed.status().to_string();
  };
  sdk::MailMessage m = korean_message();
  m.to = {"김민지\r\nBcc: victim@example.net <minji@example.com>"};
  expect_field(m, "to[0]");
  m = korean_message();
  m.to = {"ok@example.com", "Jane <jane@example.com>\nBcc: x@example.net"};
  expect_field(m, "to[1]");
  m = korean_message();
  m.from = "Office\r <office@example.org>";
  expect_field(m, "from");
  m = korean_message();
  m.subject = "Hello\r\nBcc: x@example.net";
  expect_field(m, "subject");
  m = korean_message();
  m.headers = {{"X-Note", "a\nb"}};
  expect_field(m, "headers[0].value");
  m.headers = {{"X-No te", "a"}};
  expect_field(m, "headers[0].name");
  m.headers = {{"Bcc", "x@example.net"}};
  expect_field(m, "headers[0].name");
  m = korean_message();
  m.attachments.push_back({"a\r\n.pdf", "application/pdf", "x"});
  expect_field(m, "attachments[0].file_name");
  m = korean_message();
  m.attachments.push_back({"a.pdf", "application/pdf\r\nX: y", "x"});
  expect_field(m, "attachments[0].content_type");
  m = korean_message();
  m.to = {"not-an-address"};
  expect_field(m, "to[0]");
  m.to = {};
  expect_field(m, "to");
}

TEST(MimeEncoding, QuotedPrintableAndBase64RoundTrip) {
  std::string text;
  for (int i = 0; i < 40; ++i) text += "후원자 명단 = 안전하게 ";
  std::string qp = quoted_printable_encode(text);
  std::size_t start = 0;
  while (start < qp.size()) {
    std::size_t end = qp.find("\r\n", start);
    if (end == std::string::npos) end = qp.size();
    EXPECT_LE(end - start, 76U);
    start = end + 2;
  }
  EXPECT_EQ(quoted_printable_decode(qp), text);
  for (std::string s : {"", "a", "ab", "abc", "abcd", "한글"}) {
    EXPECT_EQ(base64_decode(base64_encode(s)), s);
  }
  for (const auto& piece : split_utf8("가나다라마바사", 7)) EXPECT_LE(piece.size(), 7U);
}

}  // namespace
}  // namespace steward::mime
