#include "support/pdf_text.hpp"

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace steward::testing {
namespace {

std::string run(const std::string& command) {
  std::string out;
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return out;
  char buffer[4096];
  std::size_t n = 0;
  while ((n = fread(buffer, 1, sizeof buffer, pipe)) > 0) out.append(buffer, n);
  pclose(pipe);
  return out;
}

std::string temp_pdf(const std::string& bytes) {
  static int counter = 0;
  auto path = std::filesystem::temp_directory_path() / ("steward-pdf-" + std::to_string(getpid()) +
                                                        "-" + std::to_string(++counter) + ".pdf");
  std::ofstream(path, std::ios::binary) << bytes;
  return path.string();
}

}  // namespace

std::string pdf_file_text(const std::string& path) {
  return run("pdftotext -enc UTF-8 -layout '" + path + "' - 2>/dev/null");
}

std::string pdf_file_info(const std::string& path) {
  return run("pdfinfo '" + path + "' 2>/dev/null");
}

int pdf_file_pages(const std::string& path) {
  std::istringstream info(pdf_file_info(path));
  std::string line;
  while (std::getline(info, line)) {
    if (line.rfind("Pages:", 0) == 0) return std::stoi(line.substr(6));
  }
  return -1;
}

std::string pdf_text(const std::string& pdf_bytes) {
  std::string path = temp_pdf(pdf_bytes);
  std::string text = pdf_file_text(path);
  std::filesystem::remove(path);
  return text;
}

int pdf_pages(const std::string& pdf_bytes) {
  std::string path = temp_pdf(pdf_bytes);
  int pages = pdf_file_pages(path);
  std::filesystem::remove(path);
  return pages;
}

}  // namespace steward::testing
