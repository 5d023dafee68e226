// libFuzzer target: the HTTP request path. The input is a raw HTTP/1.1 request; it goes through
// Beast's parser (the server's header limit), http::to_request (target and path decoding,
// query strings, cookies), the router, authentication and the handlers of Api::handle on a
// migrated SQLite database, and back through http::to_beast. An even first byte signs the
// request in as an administrator (an API token), an odd one sends it anonymously. Checked:
//   - no input is answered 500 (input must never look like a server fault);
//   - no response header carries CR or LF (no header injection through any input).
// A failed check aborts like a crash.
#include <unistd.h>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>

#include <sodium.h>
#include <boost/asio/buffer.hpp>
#include <boost/beast/http.hpp>

#include "domain/user.hpp"
#include "http/api.hpp"
#include "http/beast_convert.hpp"
#include "store/database.hpp"
#include "store/migrations.hpp"
#include "store/session_repository.hpp"
#include "store/user_repository.hpp"

namespace {

namespace bhttp = boost::beast::http;

struct Harness {
  std::unique_ptr<steward::store::Database> db;
  std::unique_ptr<steward::http::Api> api;
  std::string bearer;
};

Harness make_harness() {
  if (sodium_init() < 0) std::abort();
  Harness h;
  auto dir =
      std::filesystem::temp_directory_path() / ("steward-http-fuzz-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  auto opened = steward::store::Database::open("sqlite:" + (dir / "fuzz.db").string());
  if (!opened) std::abort();
  h.db = std::move(opened.value());
  if (!steward::store::MigrationRunner(*h.db).migrate()) std::abort();
  const steward::store::Actor actor{"fuzz:setup", "127.0.0.1"};
  auto token = h.db->write(
      actor,
      [&](steward::store::Unit& u) -> steward::Result<steward::store::sessions::NewApiToken> {
        steward::domain::NewUser admin{
            "fuzzadmin", "Fuzz Admin",           std::nullopt, steward::auth::Role::kAdmin,
            false,       "river-lantern-oak-97", false};
        auto user = steward::store::users::create(u, admin);
        if (!user) return user.status();
        return steward::store::sessions::create_api_token(u, user->id, "fuzz", "read_write");
      });
  if (!token) std::abort();
  h.bearer = "Bearer " + token->token;
  steward::http::ApiOptions options;
  options.plugin_dir = (dir / "plugins").string();
  h.api = std::make_unique<steward::http::Api>(*h.db, options);
  steward::http::register_routes(*h.api);
  return h;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static Harness harness = make_harness();
  if (size < 2) return 0;
  const bool signed_in = (data[0] % 2) == 0;

  bhttp::request_parser<bhttp::string_body> parser;
  parser.eager(true);
  parser.header_limit(16 * 1024);
  parser.body_limit(1024 * 1024);
  boost::beast::error_code ec;
  const char* p = reinterpret_cast<const char*>(data) + 1;
  std::size_t left = size - 1;
  while (left > 0 && !parser.is_done()) {
    std::size_t used = parser.put(boost::asio::buffer(p, left), ec);
    if (ec || used == 0) return 0;
    p += used;
    left -= used;
  }
  if (!parser.is_done()) return 0;

  auto request = steward::http::to_request(parser.get(), "127.0.0.1", "fuzz");
  if (!request) return 0;  // the server answers 400
  if (signed_in) request->headers.emplace_back("authorization", harness.bearer);
  steward::http::Response response = harness.api->handle(*request);
  if (response.status >= 500 && response.status != 503) std::abort();
  auto out = steward::http::to_beast(response, 11, true, "fuzz");
  for (const auto& field : out) {
    const auto value = field.value();
    if (value.find('\r') != std::string::npos || value.find('\n') != std::string::npos)
      std::abort();
  }
  return 0;
}
