#include "http/static_files.hpp"

#include <fstream>
#include <sstream>

#include "http/accept_encoding.hpp"

namespace steward::http {
namespace {

std::string content_type(const std::filesystem::path& file) {
  static const std::pair<const char*, const char*> kTypes[] = {
      {".html", "text/html; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".json", "application/json"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".jpg", "image/jpeg"},
      {".ico", "image/x-icon"},
      {".woff2", "font/woff2"},
      {".woff", "font/woff"},
      {".txt", "text/plain; charset=utf-8"},
      {".map", "application/json"},
      {".webmanifest", "application/manifest+json"},
  };
  const std::string ext = file.extension().string();
  for (const auto& [e, type] : kTypes) {
    if (ext == e) return type;
  }
  return "application/octet-stream";
}

std::optional<std::string> read_static_file(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

}  // namespace

StaticFiles::StaticFiles(std::filesystem::path root) {
  std::error_code ec;
  root_ = std::filesystem::canonical(root, ec);
  available_ = !ec && std::filesystem::is_regular_file(root_ / "index.html", ec);
}

std::optional<std::filesystem::path> StaticFiles::resolve(const std::string& path) const {
  if (path.empty() || path.front() != '/' || path.find('\0') != std::string::npos) {
    return std::nullopt;
  }
  std::filesystem::path relative = std::filesystem::path(path.substr(1)).lexically_normal();
  for (const auto& part : relative) {
    const std::string p = part.string();
    if (p == ".." || (!p.empty() && p.front() == '.')) return std::nullopt;
  }
  std::error_code ec;
  std::filesystem::path full = std::filesystem::weakly_canonical(root_ / relative, ec);
  if (ec) return std::nullopt;
  auto [root_end, unused] = std::mismatch(root_.begin(), root_.end(), full.begin(), full.end());
  if (root_end != root_.end()) return std::nullopt;
  return full;
}

Response StaticFiles::serve(const Request& request) const {
  if (request.method != "GET" && request.method != "HEAD") {
    return Response::problem(405, "method-not-allowed", "only GET is supported here")
        .set("Allow", "GET, HEAD");
  }
  if (!available_) {
    return Response::problem(404, "not-found", "no such resource",
                             "the web UI is not built (scripts/run builds it)");
  }
  auto file = resolve(request.path);
  if (!file) return Response::problem(404, "not-found", "no such resource");
  std::error_code ec;
  bool is_file = std::filesystem::is_regular_file(*file, ec);
  if (!is_file) {
    // A client-side route ("/constituents/42") gets the app; a missing asset is a 404.
    if (std::filesystem::path(request.path).has_extension() && request.path != "/") {
      return Response::problem(404, "not-found", "no such file");
    }
    file = root_ / "index.html";
  }
  // The build writes .br and .gz next to each text file (ui-web/scripts/compress.mjs): send the
  // smallest the client accepts, the plain file otherwise. The sibling is resolved like any
  // request path, so it cannot lead outside the folder either.
  const std::string type = content_type(*file);
  const bool compressible = type.rfind("text/", 0) == 0 || type == "image/svg+xml";
  std::optional<std::string> body;
  std::string coding;
  if (compressible) {
    const auto accepted = request.header("accept-encoding");
    const std::string served = "/" + file->lexically_relative(root_).generic_string();
    for (const auto& [name, suffix] : {std::pair{"br", ".br"}, std::pair{"gzip", ".gz"}}) {
      if (!accepts_encoding(accepted, name)) continue;
      auto packed = resolve(served + suffix);
      if (!packed || !std::filesystem::is_regular_file(*packed, ec)) continue;
      body = read_static_file(*packed);
      if (body) {
        coding = name;
        break;
      }
    }
  }
  if (!body) body = read_static_file(*file);
  if (!body) return Response::problem(404, "not-found", "no such file");
  Response r;
  r.status = 200;
  r.content_type = type;
  r.body = std::move(*body);
  if (!coding.empty()) r.set("Content-Encoding", coding);
  if (compressible) r.set("Vary", "Accept-Encoding");
  const bool hashed = request.path.rfind("/assets/", 0) == 0 && is_file;
  r.set("Cache-Control", hashed ? "public, max-age=31536000, immutable" : "no-cache");
  return r;
}

}  // namespace steward::http
