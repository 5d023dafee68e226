// No orphan letters PDF (decision 0220): a letters PDF takes its name only after the unit that
// marks its letters commits; what a killed attempt left under its temporary name is removed
// when the run next starts, and its letters are printed once, in the PDF the run records.
#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>

#include "print/private_file.hpp"
#include "support/mail_run_fixtures.hpp"
#include "support/pdf_text.hpp"

namespace steward::engine::mail_runs {
namespace {

namespace fs = std::filesystem;

// A pid no process can have (above Linux's pid_max): the writer of this file is gone.
constexpr const char* kGoneWriter = ".999999999.partial";

void touch(const fs::path& path, const std::string& text = "%PDF-1.5 half") {
  std::ofstream(path) << text;
}

class MailRunLettersPdfTest : public testing::MailRunFixture {};

TEST_P(MailRunLettersPdfTest, AKilledAttemptsUnfinishedPdfIsRemovedAndItsLetterPrintedOnce) {
  give("박서연", "", /*letter=*/true);
  fs::create_directories(dir_);
  const fs::path abandoned = dir_ / (std::string("letters-20260301T000000Z.pdf") + kGoneWriter);
  const fs::path abandoned_tribute =
      dir_ / (std::string("letters-tribute-20260301T000000Z.pdf") + kGoneWriter);
  touch(abandoned);
  touch(abandoned_tribute);

  auto started = start_thank();
  ASSERT_TRUE(started) << started.status().to_string();
  testing::RecordingMailer mailer;
  auto result = run_mail_run(db(), started->run_id, run_options(mailer));
  ASSERT_TRUE(result) << result.status().to_string();
  EXPECT_TRUE(result->finished);

  EXPECT_FALSE(fs::exists(abandoned));
  EXPECT_FALSE(fs::exists(abandoned_tribute));
  auto files = pdfs_in_dir();
  ASSERT_EQ(files.size(), 1u);  // the run's own letters PDF, nothing else
  EXPECT_EQ(files[0].extension(), ".pdf");
  EXPECT_EQ(testing::pdf_file_pages(files[0].string()), 1);
  EXPECT_EQ(json_of(started->run_id)["letters_pdfs"].size(), 1u);
  EXPECT_EQ(progress_of(started->run_id).printed, 1);
}

STEWARD_INSTANTIATE_DATABASE_TEST(MailRunLettersPdfTest);

TEST(PendingFile, TakesItsNameOnlyWhenPublishedAndNeverReplacesAFile) {
  const fs::path dir =
      fs::temp_directory_path() / ("steward-pending-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  {
    auto kept = print::PendingFile::write(dir, "letters-a", "pdf", "one");
    ASSERT_TRUE(kept) << kept.status().to_string();
    EXPECT_EQ(kept->final_path(), dir / "letters-a.pdf");
    EXPECT_FALSE(fs::exists(kept->final_path()));
    EXPECT_TRUE(fs::exists(kept->temporary_path()));
    ASSERT_TRUE(kept->publish());
    EXPECT_TRUE(fs::exists(dir / "letters-a.pdf"));
    EXPECT_FALSE(fs::exists(kept->temporary_path()));

    auto second = print::PendingFile::write(dir, "letters-a", "pdf", "two");
    ASSERT_TRUE(second);
    EXPECT_EQ(second->final_path(), dir / "letters-a-2.pdf");  // the name is taken
    // Dropped unpublished (its unit rolled back): nothing stays.
  }
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(dir)) names.push_back(e.path().filename());
  EXPECT_EQ(names, std::vector<std::string>{"letters-a.pdf"});
  std::ifstream in(dir / "letters-a.pdf");
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_EQ(text, "one");
  fs::remove_all(dir);
}

TEST(PendingFile, OnlyTheUnfinishedFilesOfWritersThatAreGoneAreRemoved) {
  const fs::path dir =
      fs::temp_directory_path() / ("steward-abandoned-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  const std::string mine = "." + std::to_string(::getpid()) + ".partial";
  touch(dir / (std::string("letters-1.pdf") + kGoneWriter));    // removed
  touch(dir / ("letters-2.pdf" + mine));                        // a live writer: kept
  touch(dir / "letters-3.pdf");                                 // a finished PDF: kept
  touch(dir / (std::string("statement-4.pdf") + kGoneWriter));  // another kind: kept
  touch(dir / "letters-5.pdf.notapid.partial");                 // not ours: kept
  EXPECT_EQ(print::remove_abandoned_files(dir, "letters-"), 1);
  EXPECT_FALSE(fs::exists(dir / (std::string("letters-1.pdf") + kGoneWriter)));
  EXPECT_TRUE(fs::exists(dir / ("letters-2.pdf" + mine)));
  EXPECT_TRUE(fs::exists(dir / "letters-3.pdf"));
  EXPECT_TRUE(fs::exists(dir / (std::string("statement-4.pdf") + kGoneWriter)));
  EXPECT_TRUE(fs::exists(dir / "letters-5.pdf.notapid.partial"));
  EXPECT_EQ(print::remove_abandoned_files(dir / "missing", "letters-"), 0);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace steward::engine::mail_runs
