// Reading PDFs back in tests with poppler-utils (pdftotext, pdfinfo): the text a reader would
// see, and the page count.
#pragma once

#include <string>

namespace steward::testing {

// The text of a PDF (pdftotext -layout), pages separated by form feeds. Empty on failure.
std::string pdf_text(const std::string& pdf_bytes);
// The number of pages (pdfinfo), or -1.
int pdf_pages(const std::string& pdf_bytes);
// Same, for a file on disk.
std::string pdf_file_text(const std::string& path);
int pdf_file_pages(const std::string& path);
// pdfinfo's report ("Page size: 595.276 x 841.89 pts (A4)", "Title: ...").
std::string pdf_file_info(const std::string& path);

}  // namespace steward::testing
