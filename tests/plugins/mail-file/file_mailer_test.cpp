// mail-file: each message becomes one parseable .eml in the outbox; bad messages write nothing.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "mail_file/file_mailer.hpp"
#include "mime/parse.hpp"

namespace steward::mail_file {
namespace {
namespace fs = std::filesystem;

class FileMailerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("steward-outbox-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::vector<fs::path> files() const {
    std::vector<fs::path> out;
    if (!fs::exists(dir_)) return out;
    for (const auto& e : fs::directory_iterator(dir_)) out.push_back(e.path());
    return out;
  }
  static std::string read(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
  }
  fs::path dir_;
};

sdk::MailMessage message() {
  sdk::MailMessage m;
  m.from = "새희망 선교회 <office@example.org>";
  m.to = {"김민지 <minji@example.com>", "jane@example.com"};
  m.subject = "감사합니다";
  m.text = "후원에 감사드립니다.";
  m.headers = {{"Message-ID", "<gift-7.thank-you@example.org>"}};
  return m;
}

TEST_F(FileMailerTest, WritesOneParseableFilePerMessage) {
  auto config = parse_config(R"({"outbox": ")" + dir_.string() + R"("})");
  ASSERT_TRUE(config);
  FileMailer mailer(*config);
  auto statuses = mailer.deliver(message());
  ASSERT_TRUE(statuses) << statuses.status().to_string();
  ASSERT_EQ(statuses->size(), 2U);
  EXPECT_EQ((*statuses)[0].address, "minji@example.com");
  EXPECT_EQ((*statuses)[0].state, sdk::DeliveryState::kAccepted);
  EXPECT_EQ((*statuses)[1].state, sdk::DeliveryState::kAccepted);
  auto written = files();
  ASSERT_EQ(written.size(), 1U);
  EXPECT_EQ(written[0].filename().string(), "gift-7.thank-you@example.org.eml");
  EXPECT_EQ(fs::status(written[0]).permissions() & fs::perms::others_read, fs::perms::none);
  mime::Part p = mime::parse(read(written[0]));
  EXPECT_EQ(p.header("Subject"), "감사합니다");
  EXPECT_EQ(p.header("To"), "김민지 <minji@example.com>, <jane@example.com>");
  EXPECT_EQ(p.body, "후원에 감사드립니다.\r\n");

  sdk::MailMessage other = message();
  other.headers.clear();
  ASSERT_TRUE(mailer.deliver(other));
  EXPECT_EQ(files().size(), 2U);
  ASSERT_TRUE(mailer.deliver(message()));  // the same Message-ID: the same file
  EXPECT_EQ(files().size(), 2U);
}

TEST_F(FileMailerTest, RefusesInjectionAndWritesNothing) {
  FileMailer mailer(FileMailerConfig{dir_});
  sdk::MailMessage m = message();
  m.to = {"Eve\r\nBcc: all@example.net <eve@example.com>"};
  auto statuses = mailer.deliver(m);
  ASSERT_FALSE(statuses);
  EXPECT_EQ(statuses.status().fields().at(0).field, "to[0]");
  EXPECT_TRUE(files().empty());
}

TEST_F(FileMailerTest, OutboxDefaultsToVarOutboxAndABadOneIsNamed) {
  // No setting: var/outbox, so the built-in mailer works on a fresh installation.
  auto fallback = parse_config("{}");
  ASSERT_TRUE(fallback) << fallback.status().to_string();
  EXPECT_EQ(fallback->outbox, std::filesystem::path("var/outbox"));
  for (const char* bad : {R"({"outbox":""})", R"({"outbox":5})"}) {
    auto config = parse_config(bad);
    ASSERT_FALSE(config) << bad;
    EXPECT_EQ(config.status().fields().at(0).field, "outbox") << bad;
  }
}

}  // namespace
}  // namespace steward::mail_file
