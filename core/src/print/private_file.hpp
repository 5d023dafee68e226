// Writing generated documents (letters, receipts: donor names and addresses) where only the
// account running Steward can read them: the folder is created 0700, the file 0600, and an
// existing file is never overwritten (a numbered name is taken instead).
#pragma once

#include <filesystem>
#include <string>

#include "steward/sdk/result.hpp"

namespace steward::print {

// Writes `bytes` to dir/stem.ext (or dir/stem-2.ext, ...). Returns the path written.
// Errors: kUnavailable naming the path when the folder or the file cannot be written.
Result<std::filesystem::path> write_private_file(const std::filesystem::path& dir,
                                                 const std::string& stem, const std::string& ext,
                                                 const std::string& bytes);

// A document for a database unit that has not committed yet (decision 0220). It is written in
// full under a temporary name beside the name it will have (`<name>.<pid>.partial`, same folder,
// same 0600), and appears under final_path() only when publish() is called after the commit;
// discard() — or destroying it unpublished, e.g. when the unit rolled back — removes it. So a
// process killed before the commit leaves no document whose contents the database does not
// record, only a temporary file that remove_abandoned_files() clears later.
// Not thread-safe; move-only.
class PendingFile {
 public:
  PendingFile() = default;
  PendingFile(PendingFile&& other) noexcept;
  PendingFile& operator=(PendingFile&& other) noexcept;
  PendingFile(const PendingFile&) = delete;
  PendingFile& operator=(const PendingFile&) = delete;
  ~PendingFile();

  // Writes `bytes` (fsynced) for dir/stem.ext, or dir/stem-2.ext ... when that name is taken.
  // Errors: kUnavailable naming the path when the folder or the file cannot be written.
  static Result<PendingFile> write(const std::filesystem::path& dir, const std::string& stem,
                                   const std::string& ext, const std::string& bytes);

  const std::filesystem::path& final_path() const { return final_; }
  const std::filesystem::path& temporary_path() const { return temporary_; }

  // Gives the file its final name (never replacing a file that has it). Errors: kUnavailable
  // naming the file the document is then kept in (`<name>.<pid>.kept`, which
  // remove_abandoned_files leaves alone), so a committed document is never lost.
  Status publish();
  // Removes the temporary file (nothing when published or empty).
  void discard();

 private:
  std::filesystem::path temporary_;
  std::filesystem::path final_;
};

// Removes the temporary files of PendingFiles in `dir` whose names start with `prefix` and
// whose writer is no longer running (a process killed before its commit); files of a live
// process, this one included, are left alone. Returns how many it removed.
int remove_abandoned_files(const std::filesystem::path& dir, const std::string& prefix);

// "20261129T120304Z": for file names.
std::string file_timestamp();

}  // namespace steward::print
