#include "engine/mail_ids.hpp"

#include <chrono>
#include <cstdio>
#include <mutex>
#include <random>

namespace steward::engine {
namespace {

std::string sender_domain(const std::string& from) {
  std::size_t at = from.rfind('@');
  if (at == std::string::npos) return "steward.invalid";
  std::string domain = from.substr(at + 1);
  if (auto gt = domain.find('>'); gt != std::string::npos) domain.resize(gt);
  return domain.empty() ? "steward.invalid" : domain;
}

unsigned long long random_64() {
  static std::mutex mutex;
  static std::mt19937_64 rng{std::random_device{}()};
  std::lock_guard<std::mutex> lock(mutex);
  return rng();
}

}  // namespace

std::string new_message_id(const std::string& kind, long long id, const std::string& from) {
  auto now = std::chrono::system_clock::now().time_since_epoch();
  char suffix[17];
  std::snprintf(suffix, sizeof suffix, "%016llx", random_64());
  return "<" + kind + "." + std::to_string(id) + "." +
         std::to_string(std::chrono::duration_cast<std::chrono::seconds>(now).count()) + "." +
         suffix + "@" + sender_domain(from) + ">";
}

std::string one_line(std::string s) {
  for (auto& c : s) {
    if (c == '\r' || c == '\n') c = ' ';
  }
  return s;
}

std::vector<std::string> text_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    std::size_t nl = text.find('\n', pos);
    std::string line = text.substr(pos, nl == std::string::npos ? std::string::npos : nl - pos);
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
    if (!line.empty()) lines.push_back(line);
    if (nl == std::string::npos) break;
    pos = nl + 1;
  }
  return lines;
}

}  // namespace steward::engine
