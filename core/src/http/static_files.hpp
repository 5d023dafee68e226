// Serves the built web UI (ui-web/dist) for every path outside /api and the operational
// endpoints:
// - a file that exists is served with its content type; files under /assets/ (Vite's hashed
//   names) are cached for a year (immutable), everything else is revalidated (no-cache);
// - any other path without a file extension is a client-side route: index.html is served;
// - ".." segments, NUL bytes, hidden files and anything resolving outside the folder are 404s
//   (no directory traversal, even through symlinks).
// - a text file (HTML, JS, CSS, SVG) is sent as its precompressed sibling (name.br, name.gz,
//   written by the UI build) with Content-Encoding when the request's Accept-Encoding allows
//   it, the plain file otherwise; either way with Vary: Accept-Encoding.
// Only GET and HEAD. Files are read on each request (the OS caches them); the UI is small.
#pragma once

#include <filesystem>
#include <optional>

#include "http/message.hpp"

namespace steward::http {

class StaticFiles {
 public:
  // `root` may not exist (no UI built): every request then answers 404 with a hint.
  explicit StaticFiles(std::filesystem::path root);
  Response serve(const Request& request) const;
  bool available() const { return available_; }

 private:
  std::optional<std::filesystem::path> resolve(const std::string& path) const;
  std::filesystem::path root_;
  bool available_ = false;
};

}  // namespace steward::http
