// /api/v1/imports over real HTTP: admins upload a payment file (raw or multipart), see the
// preview, commit it once (a second upload of the same file adds nothing), and review rows.
#include <gtest/gtest.h>

#include "../plugins/plugin_dir.hpp"
#include "support/api_server.hpp"
#include "support/test_database.hpp"

namespace steward::testing {
namespace {

using nlohmann::json;

const char* kFile =
    "#steward-lines v1\n"
    "payment|ch_1||2026-01-05|5000|USD||김민지|minji@example.org|||||||||||card\n"
    "payment|ch_2||2026-01-06|2500|USD||Jane Doe|jane@example.org|||||||||||card\n";

class ApiImportsTest : public ApiTest {
 protected:
  http::ApiOptions api_options() override {
    http::ApiOptions options;
    options.plugin_dir = dir.path().string();
    return options;
  }
  void install(HttpClient& admin) {
    dir.add("import_lines");
    HttpReply installed =
        admin.post("/api/v1/plugins", R"({"file":"import_lines.so","isolation":"in_process"})");
    ASSERT_EQ(installed.status, 201) << installed.body;
    HttpReply enabled = admin.post("/api/v1/plugins/org.steward.test.import-lines/enable", "{}");
    ASSERT_EQ(enabled.status, 200) << enabled.body;
    ASSERT_EQ(admin.post("/api/v1/funds", R"({"code":"GEN","name":"General"})").status, 201);
  }
  PluginDir dir;
};

TEST_P(ApiImportsTest, UploadPreviewCommitAndUploadAgain) {
  auto admin = sign_in_as("admin1", auth::Role::kAdmin);
  auto fundraiser = sign_in_as("fund1", auth::Role::kFundraiser);
  ASSERT_NO_FATAL_FAILURE(install(admin));
  EXPECT_EQ(fundraiser.get("/api/v1/imports").status, 403);

  const std::string upload = "/api/v1/imports?file_name=payments.txt&default_fund=GEN";
  HttpReply dry =
      admin.request("POST", upload + "&dry_run=true", kFile, {{"content-type", "text/plain"}});
  ASSERT_EQ(dry.status, 200) << dry.body;
  EXPECT_EQ(dry.json()["counts"]["new_gift"], 2);
  EXPECT_EQ(query_int(db(), "SELECT COUNT(*) FROM imports"), 0);

  HttpReply staged = admin.request("POST", upload, kFile, {{"content-type", "text/plain"}});
  ASSERT_EQ(staged.status, 201) << staged.body;
  long long id = staged.json()["import_id"];
  EXPECT_EQ(staged.json()["status"], "previewed");
  HttpReply got = admin.get("/api/v1/imports/" + std::to_string(id));
  ASSERT_EQ(got.status, 200) << got.body;
  EXPECT_EQ(got.json()["counts"]["new_gift"], 2);
  EXPECT_NE(got.body.find("김민지"), std::string::npos);

  HttpReply committed = admin.post("/api/v1/imports/" + std::to_string(id) + "/commit", "{}");
  ASSERT_EQ(committed.status, 200) << committed.body;
  EXPECT_EQ(committed.json()["totals"]["gifts"], 2);
  EXPECT_EQ(query_int(db(), "SELECT COUNT(*) FROM gifts"), 2);

  // The same file as a multipart upload: everything is a duplicate.
  std::string multipart =
      "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"again.txt\"\r\n"
      "Content-Type: text/plain\r\n\r\n" +
      std::string(kFile) + "\r\n--XyZ--\r\n";
  HttpReply again = admin.request("POST", "/api/v1/imports?default_fund=GEN", multipart,
                                  {{"content-type", "multipart/form-data; boundary=XyZ"}});
  ASSERT_EQ(again.status, 201) << again.body;
  EXPECT_EQ(again.json()["file_name"], "again.txt");
  EXPECT_EQ(again.json()["counts"]["duplicate"], 2);
  long long second = again.json()["import_id"];
  HttpReply nothing =
      admin.post("/api/v1/imports/" + std::to_string(second) + "/commit?background=true", "{}");
  ASSERT_EQ(nothing.status, 202) << nothing.body;
  EXPECT_EQ(nothing.json()["kind"], "import.commit");
  EXPECT_EQ(admin.get("/api/v1/imports").json()["items"].size(), 2u);
}

TEST_P(ApiImportsTest, ReviewAndBadInput) {
  auto admin = sign_in_as("admin1", auth::Role::kAdmin);
  ASSERT_NO_FATAL_FAILURE(install(admin));
  HttpReply staged =
      admin.request("POST", "/api/v1/imports?file_name=p.txt&default_fund=GEN&policy=review", kFile,
                    {{"content-type", "text/plain"}});
  ASSERT_EQ(staged.status, 201) << staged.body;
  long long id = staged.json()["import_id"];
  const std::string base = "/api/v1/imports/" + std::to_string(id);
  HttpReply review = admin.get(base + "/review");
  ASSERT_EQ(review.status, 200);
  EXPECT_EQ(review.json()["items"].size(), 2u);
  HttpReply bad = admin.post(base + "/review/1", R"({"constituent_id": 999})");
  EXPECT_EQ(bad.status, 422) << bad.body;
  EXPECT_NE(bad.body.find("constituent"), std::string::npos);
  HttpReply unknown = admin.post(base + "/review/1", R"({"donor": 1})");
  EXPECT_EQ(unknown.status, 422) << unknown.body;
  HttpReply decided = admin.post(base + "/review/1", R"({"create_new": true})");
  ASSERT_EQ(decided.status, 200) << decided.body;
  EXPECT_EQ(decided.json()["outcome"], "new_gift");
  EXPECT_EQ(admin.get("/api/v1/imports/999").status, 404);
  HttpReply empty = admin.request("POST", "/api/v1/imports", "", {{"content-type", "text/plain"}});
  EXPECT_EQ(empty.status, 422) << empty.body;
  HttpReply pdf = admin.request("POST", "/api/v1/imports?file_name=x.pdf", "%PDF-1.4",
                                {{"content-type", "application/pdf"}});
  EXPECT_EQ(pdf.status, 422) << pdf.body;
  EXPECT_NE(pdf.body.find("org.steward.test.import-lines=0"), std::string::npos) << pdf.body;
  HttpReply policy = admin.request("POST", "/api/v1/imports?policy=maybe", kFile,
                                   {{"content-type", "text/plain"}});
  EXPECT_EQ(policy.status, 422) << policy.body;
}

STEWARD_INSTANTIATE_DATABASE_TEST(ApiImportsTest);

}  // namespace
}  // namespace steward::testing
