#include "http/metrics.hpp"

#include <fmt/format.h>

namespace steward::http {
namespace {

// Label values are route patterns and methods we chose, but escape anyway.
std::string label_escape(const std::string& v) {
  std::string out;
  for (char c : v) {
    if (c == '\\' || c == '"') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out;
}

}  // namespace

void Metrics::observe(const std::string& route, const std::string& method, int status,
                      double seconds) {
  std::lock_guard<std::mutex> lock(mutex_);
  ++requests_[{route, method, status}];
  Histogram& h = durations_[route];
  for (std::size_t i = 0; i < kBuckets.size(); ++i) {
    if (seconds <= kBuckets[i]) ++h.buckets[i];
  }
  ++h.count;
  h.sum += seconds;
}

std::string Metrics::render(const std::vector<Gauge>& gauges) const {
  std::lock_guard<std::mutex> lock(mutex_);
  std::string out;
  out += "# HELP steward_http_requests_total HTTP requests by route, method and status.\n";
  out += "# TYPE steward_http_requests_total counter\n";
  for (const auto& [key, n] : requests_) {
    const auto& [route, method, status] = key;
    out +=
        fmt::format("steward_http_requests_total{{route=\"{}\",method=\"{}\",status=\"{}\"}} {}\n",
                    label_escape(route), label_escape(method), status, n);
  }
  out += "# HELP steward_http_request_duration_seconds Time to answer a request.\n";
  out += "# TYPE steward_http_request_duration_seconds histogram\n";
  for (const auto& [route, h] : durations_) {
    for (std::size_t i = 0; i < kBuckets.size(); ++i) {
      out +=
          fmt::format("steward_http_request_duration_seconds_bucket{{route=\"{}\",le=\"{}\"}} {}\n",
                      label_escape(route), kBuckets[i], h.buckets[i]);
    }
    out +=
        fmt::format("steward_http_request_duration_seconds_bucket{{route=\"{}\",le=\"+Inf\"}} {}\n",
                    label_escape(route), h.count);
    out += fmt::format("steward_http_request_duration_seconds_sum{{route=\"{}\"}} {}\n",
                       label_escape(route), h.sum);
    out += fmt::format("steward_http_request_duration_seconds_count{{route=\"{}\"}} {}\n",
                       label_escape(route), h.count);
  }
  for (const Gauge& g : gauges) {
    out += "# HELP " + g.name + " " + g.help + "\n# TYPE " + g.name + " gauge\n";
    out += fmt::format("{} {}\n", g.name, g.value);
  }
  return out;
}

}  // namespace steward::http
