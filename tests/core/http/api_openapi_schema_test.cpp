// The OpenAPI document carries a JSON Schema for the request body of every POST/PUT/PATCH route
// and for the main answer of every route (http/openapi_schemas.hpp). The failure message lists
// the routes that lack one, so a new route without a schema is named, not just counted.
#include <functional>
#include <set>

#include <gtest/gtest.h>

#include "support/api_server.hpp"
#include "support/test_database.hpp"

namespace steward::testing {
namespace {

using nlohmann::json;

class ApiOpenApiSchemaTest : public ApiTest {
 protected:
  json document() { return client().get("/api/v1/openapi.json").json(); }
};

std::string upper_method(std::string s) {
  for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

TEST_P(ApiOpenApiSchemaTest, EveryRouteThatTakesABodyHasARequestSchema) {
  const json doc = document();
  ASSERT_TRUE(doc.contains("paths"));
  std::string missing;
  int checked = 0;
  for (const auto& [path, operations] : doc["paths"].items()) {
    for (const auto& [method, op] : operations.items()) {
      if (method != "post" && method != "put" && method != "patch") continue;
      ++checked;
      const json* schema = nullptr;
      if (op.contains("requestBody")) {
        const json& content = op["requestBody"]["content"];
        if (content.contains("application/json")) schema = &content["application/json"]["schema"];
      }
      if (!schema || !schema->is_object() || schema->empty()) {
        missing += "\n  " + upper_method(method) + " " + path;
      }
    }
  }
  EXPECT_GT(checked, 30);
  EXPECT_TRUE(missing.empty()) << "routes without a request body schema:" << missing;
}

TEST_P(ApiOpenApiSchemaTest, EveryRouteHasAMainAnswerSchemaOrNoContent) {
  const json doc = document();
  std::string missing;
  for (const auto& [path, operations] : doc["paths"].items()) {
    for (const auto& [method, op] : operations.items()) {
      bool described = false;
      for (const auto& [status, answer] : op["responses"].items()) {
        if (status == "204") described = true;
        if (status.size() == 3 && status[0] == '2' && answer.contains("content")) described = true;
      }
      // The CSV exports and this document answer something other than a JSON record.
      const bool csv = path.size() > 4 && path.compare(path.size() - 4, 4, ".csv") == 0;
      if (csv || path == "/api/v1/openapi.json") described = true;
      if (!described) missing += "\n  " + upper_method(method) + " " + path;
    }
  }
  EXPECT_TRUE(missing.empty()) << "routes without an answer schema:" << missing;
}

TEST_P(ApiOpenApiSchemaTest, EveryReferenceResolvesAndRequestsAreClosed) {
  const json doc = document();
  const json& components = doc["components"]["schemas"];
  std::set<std::string> broken;
  std::function<void(const json&)> walk = [&](const json& node) {
    if (node.is_object()) {
      if (node.contains("$ref")) {
        std::string ref = node["$ref"];
        std::string name = ref.substr(ref.rfind('/') + 1);
        if (!components.contains(name)) broken.insert(ref);
      }
      for (const auto& [k, v] : node.items()) walk(v);
    } else if (node.is_array()) {
      for (const auto& v : node) walk(v);
    }
  };
  walk(doc["paths"]);
  walk(components);
  EXPECT_TRUE(broken.empty()) << json(broken).dump();
  // Unknown fields are refused (422), and the request schemas say so.
  const json& fund =
      doc["paths"]["/api/v1/funds"]["post"]["requestBody"]["content"]["application/json"]["schema"];
  EXPECT_EQ(fund["additionalProperties"], false);
  EXPECT_EQ(fund["required"], json::array({"code", "name"}));
  EXPECT_EQ(doc["paths"]["/api/v1/funds"]["post"]["responses"]["201"]["content"]["application/json"]
               ["schema"]["$ref"],
            "#/components/schemas/Fund");
}

STEWARD_INSTANTIATE_DATABASE_TEST(ApiOpenApiSchemaTest);

}  // namespace
}  // namespace steward::testing
