// Everything `steward serve` answers besides /healthz and /readyz: the API under /api/,
// GET /metrics, and the web UI for every other path. Times each request for the metrics.
#pragma once

#include <functional>
#include <vector>

#include "http/api.hpp"
#include "http/metrics.hpp"
#include "http/static_files.hpp"

namespace steward::http {

class WebApp {
 public:
  using GaugeSource = std::function<std::vector<Metrics::Gauge>()>;
  WebApp(Api& api, StaticFiles ui, GaugeSource gauges = nullptr);
  Response handle(Request& request);
  Metrics& metrics() { return metrics_; }

 private:
  Api& api_;
  StaticFiles ui_;
  GaugeSource gauges_;
  Metrics metrics_;
};

}  // namespace steward::http
