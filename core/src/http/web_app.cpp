#include "http/web_app.hpp"

#include <chrono>

namespace steward::http {

WebApp::WebApp(Api& api, StaticFiles ui, GaugeSource gauges)
    : api_(api), ui_(std::move(ui)), gauges_(std::move(gauges)) {}

Response WebApp::handle(Request& request) {
  const auto started = std::chrono::steady_clock::now();
  Response response;
  if (request.path == "/metrics") {
    if (request.method != "GET" && request.method != "HEAD") {
      response = Response::problem(405, "method-not-allowed", "only GET is supported here");
      response.set("Allow", "GET, HEAD");
    } else {
      response.status = 200;
      response.content_type = "text/plain; version=0.0.4; charset=utf-8";
      response.body = metrics_.render(gauges_ ? gauges_() : std::vector<Metrics::Gauge>{});
    }
    response.route_label = "/metrics";
  } else if (request.path.rfind("/api/", 0) == 0) {
    response = api_.handle(request);
  } else {
    response = ui_.serve(request);
    response.route_label = "static";
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  metrics_.observe(response.route_label.empty() ? "unmatched" : response.route_label,
                   request.method, response.status, seconds);
  return response;
}

}  // namespace steward::http
