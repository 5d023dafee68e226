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

// "20261129T120304Z": for file names.
std::string file_timestamp();

}  // namespace steward::print
