#include "http/router.hpp"

namespace steward::http {
namespace {

std::vector<std::string> split_path(const std::string& path) {
  std::vector<std::string> parts;
  std::size_t start = 1;
  while (start <= path.size()) {
    std::size_t slash = path.find('/', start);
    if (slash == std::string::npos) slash = path.size();
    parts.push_back(path.substr(start, slash - start));
    start = slash + 1;
  }
  return parts;
}

bool matches(const std::string& pattern, const std::string& path,
             std::map<std::string, std::string>& params) {
  auto want = split_path(pattern);
  auto got = split_path(path);
  if (want.size() != got.size()) return false;
  std::map<std::string, std::string> found;
  for (std::size_t i = 0; i < want.size(); ++i) {
    const std::string& w = want[i];
    if (w.size() > 2 && w.front() == '{' && w.back() == '}') {
      if (got[i].empty()) return false;
      found[w.substr(1, w.size() - 2)] = got[i];
    } else if (w != got[i]) {
      return false;
    }
  }
  params = std::move(found);
  return true;
}

}  // namespace

void Router::add(Route route) { routes_.push_back(std::move(route)); }

Router::Match Router::match(const std::string& method, const std::string& path) const {
  Match m;
  for (const Route& r : routes_) {
    std::map<std::string, std::string> params;
    if (!matches(r.pattern, path, params)) continue;
    if (r.method == method || (method == "HEAD" && r.method == "GET")) {
      m.route = &r;
      m.params = std::move(params);
      m.allowed.clear();
      return m;
    }
    m.allowed.push_back(r.method);
  }
  return m;
}

}  // namespace steward::http
