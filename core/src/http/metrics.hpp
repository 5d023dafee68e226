// Prometheus metrics for GET /metrics (text exposition format 0.0.4):
//   steward_http_requests_total{route,method,status}     counter
//   steward_http_request_duration_seconds{route}         histogram
//   plus gauges supplied at scrape time (pool size, jobs queued/failed).
// Routes are labelled by their pattern ("/api/v1/funds/{id}"), "static" or "unmatched", so
// label cardinality stays bounded whatever clients send. Thread-safe.
#pragma once

#include <array>
#include <map>
#include <mutex>
#include <string>
#include <tuple>
#include <vector>

namespace steward::http {

class Metrics {
 public:
  static constexpr std::array<double, 12> kBuckets = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
                                                      0.1,   0.25,   0.5,   1.0,  2.5,   5.0};
  struct Gauge {
    std::string name;
    std::string help;
    double value = 0;
  };

  void observe(const std::string& route, const std::string& method, int status, double seconds);
  std::string render(const std::vector<Gauge>& gauges) const;

 private:
  struct Histogram {
    std::array<unsigned long long, kBuckets.size()> buckets{};
    unsigned long long count = 0;
    double sum = 0;
  };
  mutable std::mutex mutex_;
  std::map<std::tuple<std::string, std::string, int>, unsigned long long> requests_;
  std::map<std::string, Histogram> durations_;
};

}  // namespace steward::http
