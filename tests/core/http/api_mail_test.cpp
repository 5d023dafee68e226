// Mail over HTTP: settings (admin changes them, with ETags), templates and their versions,
// preview, the acknowledgment queue, thank (dry run, then letters printed to a PDF that can be
// downloaded), statements, and bad input answered 4xx naming the field.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "engine/job_worker.hpp"
#include "engine/mail_run.hpp"
#include "support/api_server.hpp"
#include "support/appeal_fixtures.hpp"
#include "support/gift_fixtures.hpp"
#include "support/mail_fixtures.hpp"
#include "support/pdf_text.hpp"
#include "support/test_database.hpp"

namespace steward::testing {
namespace {

using nlohmann::json;

class ApiMailTest : public ApiTest {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    // Generated PDFs go to var/letters and var/statements under the working directory.
    previous_ = std::filesystem::current_path();
    work_ =
        std::filesystem::temp_directory_path() / ("steward-api-mail-" + std::to_string(::getpid()) +
                                                  "-" + (is_postgresql() ? "pg" : "lite"));
    std::filesystem::remove_all(work_);
    std::filesystem::create_directories(work_);
    std::filesystem::current_path(work_);
    admin_ = std::make_unique<HttpClient>(sign_in_as("admin1", auth::Role::kAdmin));
    staff_ = std::make_unique<HttpClient>(sign_in_as("fund1", auth::Role::kFundraiser));
    set_setting(db(), "organization_name", "새희망 선교회");
    fund_ = make_fund(db(), "SHELTER");
  }
  void TearDown() override {
    if (!previous_.empty()) std::filesystem::current_path(previous_);
    std::filesystem::remove_all(work_);
    ApiTest::TearDown();
  }
  // What `steward serve`'s job worker does: run the queued mail runs (a recording mailer).
  void run_mail_jobs() {
    engine::JobRegistry registry;
    registry.add(engine::mail_runs::kMailRunJobKind,
                 [this](store::Database& d, const domain::Job& job) {
                   engine::mail_runs::RunOptions o;
                   o.deliver = mailer_.fn();
                   o.mailer_id = "org.steward.test.mailer";
                   return engine::mail_runs::run_mail_run_job(d, job, o);
                 });
    for (int i = 0; i < 10; ++i) {
      auto ran = engine::run_one_job(db(), registry, "test-worker", 300);
      ASSERT_TRUE(ran) << ran.status().to_string();
      if (!ran->has_value()) return;
    }
  }
  RecordingMailer mailer_;
  std::unique_ptr<HttpClient> admin_, staff_;
  std::filesystem::path previous_, work_;
  long long fund_ = 0;
};

TEST_P(ApiMailTest, SettingsAreReadByStaffAndChangedByAdminsWithEtags) {
  HttpReply got = staff_->get("/api/v1/mail/settings");
  ASSERT_EQ(got.status, 200) << got.body;
  EXPECT_EQ(got.json()["mail.paper_size"], "letter");
  std::string etag = got.header("etag");
  EXPECT_EQ(staff_->put("/api/v1/mail/settings", R"({"mail.paper_size":"a4"})", etag).status, 403);
  HttpReply bad = admin_->put("/api/v1/mail/settings", R"({"mail.paper_size":"legal"})", etag);
  EXPECT_EQ(bad.status, 422) << bad.body;
  EXPECT_NE(bad.body.find("mail.paper_size"), std::string::npos);
  HttpReply set = admin_->put("/api/v1/mail/settings",
                              R"({"mail.paper_size":"a4","mail.tax_id":"12-3456789"})", etag);
  ASSERT_EQ(set.status, 200) << set.body;
  EXPECT_EQ(set.json()["mail.paper_size"], "a4");
  EXPECT_EQ(admin_->put("/api/v1/mail/settings", R"({"mail.tax_id":"x"})", etag).status, 412);
}

TEST_P(ApiMailTest, TemplatesVersionsAndPreviewInKorean) {
  HttpReply list = staff_->get("/api/v1/mail/templates");
  ASSERT_EQ(list.status, 200) << list.body;
  EXPECT_EQ(list.json()["items"].size(), 10u);
  HttpReply saved = staff_->post(
      "/api/v1/mail/templates",
      R"({"name":"thank-you-email","language":"ko","subject":"{{donor.name}} 님, 고맙습니다"})");
  ASSERT_EQ(saved.status, 201) << saved.body;
  EXPECT_EQ(saved.json()["version"], 2);
  HttpReply versions = staff_->get("/api/v1/mail/templates/thank-you-email/versions?language=ko");
  ASSERT_EQ(versions.status, 200) << versions.body;
  EXPECT_EQ(versions.json()["items"].size(), 2u);
  HttpReply broken =
      staff_->post("/api/v1/mail/templates",
                   R"({"name":"thank-you-email","language":"ko","body_text":"{{#a}"})");
  EXPECT_EQ(broken.status, 422) << broken.body;
  EXPECT_NE(broken.body.find("text"), std::string::npos);

  long long minji = make_donor(db(), "김민지", "minji@example.com");
  long long gift = record_gift_for(db(), minji, 50000, "2026-03-01", fund_, "KRW");
  HttpReply preview = staff_->post("/api/v1/mail/preview",
                                   json{{"constituent_id", minji}, {"gift_id", gift}}.dump());
  ASSERT_EQ(preview.status, 200) << preview.body;
  EXPECT_EQ(preview.json()["subject"], "김민지 님, 고맙습니다");
  EXPECT_NE(preview.json()["text"].get<std::string>().find("50,000원"), std::string::npos);
  EXPECT_EQ(staff_->post("/api/v1/mail/preview", R"({"constituent_id":999999})").status, 404);
}

TEST_P(ApiMailTest, ThankPrintsLettersOnceAndTheirPdfDownloads) {
  long long minji = make_donor(db(), "김민지", "");
  record_gift_for(db(), minji, 50000, "2026-03-01", fund_, "KRW");
  HttpReply queue = staff_->get("/api/v1/mail/ack-queue");
  ASSERT_EQ(queue.status, 200) << queue.body;
  ASSERT_EQ(queue.json()["items"].size(), 1u);
  EXPECT_EQ(queue.json()["items"][0]["channel"], "letter");

  HttpReply dry = staff_->post("/api/v1/mail/thank", R"({"send":false})");
  ASSERT_EQ(dry.status, 200) << dry.body;
  EXPECT_EQ(dry.json()["letters"][0]["state"], "would_print");
  EXPECT_EQ(dry.json()["letters_pdf"], "");

  // Sending is a background run: 202 with the run, polled at its Location.
  HttpReply started = staff_->post("/api/v1/mail/thank", R"({"send":true})");
  ASSERT_EQ(started.status, 202) << started.body;
  const std::string location = started.header("location");
  EXPECT_EQ(location, "/api/v1/mail/runs/" + std::to_string(started.json()["id"].get<long long>()));
  EXPECT_EQ(started.json()["status"], "queued");
  EXPECT_EQ(started.json()["progress"]["total"], 1);
  EXPECT_EQ(started.json()["progress"]["done"], 0);
  EXPECT_TRUE(started.json()["letters"].empty());
  HttpReply clicked_twice = staff_->post("/api/v1/mail/thank", R"({"send":true})");
  ASSERT_EQ(clicked_twice.status, 202) << clicked_twice.body;
  EXPECT_EQ(clicked_twice.json()["id"], started.json()["id"]);
  EXPECT_EQ(clicked_twice.json()["existing"], true);
  HttpReply other = staff_->post("/api/v1/mail/thank", R"({"send":true,"since":"2026-01-01"})");
  EXPECT_EQ(other.status, 409) << other.body;
  EXPECT_NE(other.body.find("run"), std::string::npos);
  run_mail_jobs();

  HttpReply sent = staff_->get(location);
  ASSERT_EQ(sent.status, 200) << sent.body;
  EXPECT_EQ(sent.json()["status"], "finished");
  EXPECT_EQ(sent.json()["progress"]["printed"], 1);
  EXPECT_EQ(sent.json()["progress"]["done"], 1);
  EXPECT_EQ(sent.json()["letters"][0]["state"], "printed");
  EXPECT_EQ(sent.json()["letters"][0]["donor"], "김민지");
  EXPECT_EQ(sent.json()["documents"]["letters_pdf"], sent.json()["letters_pdf"]);
  EXPECT_EQ(sent.body.find(work_.string()), std::string::npos) << "no server paths";
  std::string url = sent.json()["letters_pdf"];
  ASSERT_FALSE(url.empty());
  HttpReply pdf = staff_->get(url);
  ASSERT_EQ(pdf.status, 200);
  EXPECT_EQ(pdf.header("content-type"), "application/pdf");
  EXPECT_NE(pdf.header("content-disposition").find("attachment"), std::string::npos);
  EXPECT_NE(pdf_text(pdf.body).find("김민지"), std::string::npos);

  EXPECT_EQ(staff_->post(location + "/cancel", "").status, 409);  // it has ended
  HttpReply listed = staff_->get("/api/v1/mail/runs");
  ASSERT_EQ(listed.status, 200) << listed.body;
  EXPECT_EQ(listed.json()["items"][0]["id"], sent.json()["id"]);
  // The runs page shows who started each run and when it ended.
  EXPECT_EQ(listed.json()["items"][0]["created_by"], sent.json()["created_by"]);
  EXPECT_FALSE(listed.json()["items"][0]["created_by"].get<std::string>().empty());
  EXPECT_EQ(listed.json()["items"][0]["finished_at"], sent.json()["finished_at"]);

  HttpReply again = staff_->post("/api/v1/mail/thank", R"({"send":true})");
  ASSERT_EQ(again.status, 202) << again.body;
  EXPECT_NE(again.json()["id"], started.json()["id"]);
  run_mail_jobs();
  HttpReply second = staff_->get(again.header("location"));
  ASSERT_EQ(second.status, 200);
  EXPECT_EQ(second.json()["status"], "finished");
  EXPECT_TRUE(second.json()["letters"].empty());
  EXPECT_EQ(staff_->post("/api/v1/mail/thank", R"({})").status, 422);
  int traversal = staff_->get("/api/v1/mail/documents/..%2Fsteward.db").status;
  EXPECT_TRUE(traversal == 400 || traversal == 404) << traversal;
  EXPECT_EQ(staff_->get("/api/v1/mail/documents/letters-nothere.pdf").status, 404);
}

TEST_P(ApiMailTest, StatementsDryRunSendAndPdf) {
  long long minji = make_donor(db(), "김민지", "");
  record_gift_for(db(), minji, 10000, "2026-02-01", fund_);
  HttpReply dry = staff_->post("/api/v1/mail/statements", R"({"year":2026})");
  ASSERT_EQ(dry.status, 200) << dry.body;
  EXPECT_EQ(dry.json()["statements"][0]["receipt_number"], "new");
  HttpReply started = staff_->post("/api/v1/mail/statements", R"({"year":2026,"send":true})");
  ASSERT_EQ(started.status, 202) << started.body;
  EXPECT_EQ(started.json()["progress"]["total"], 1);
  run_mail_jobs();
  HttpReply sent = staff_->get(started.header("location"));
  ASSERT_EQ(sent.status, 200) << sent.body;
  EXPECT_EQ(sent.json()["status"], "finished");
  EXPECT_EQ(sent.json()["year"], 2026);
  EXPECT_EQ(sent.json()["statements"][0]["receipt_number"], "2026-000001");
  EXPECT_EQ(sent.json()["progress"]["printed"], 1);
  HttpReply own = staff_->get(sent.json()["statements"][0]["pdf"].get<std::string>());
  EXPECT_EQ(own.status, 200);
  HttpReply printed = staff_->get(sent.json()["print_pdf"].get<std::string>());
  ASSERT_EQ(printed.status, 200);
  EXPECT_NE(pdf_text(printed.body).find("2026-000001"), std::string::npos);
  HttpReply one = staff_->get("/api/v1/mail/statements/" + std::to_string(minji) + "/2026");
  ASSERT_EQ(one.status, 200) << one.body;
  EXPECT_EQ(one.header("content-type"), "application/pdf");
  EXPECT_NE(pdf_text(one.body).find("$100.00"), std::string::npos);
  HttpReply bad = staff_->post("/api/v1/mail/statements", R"({"year":26})");
  EXPECT_EQ(bad.status, 422);
  EXPECT_NE(bad.body.find("year"), std::string::npos);
  HttpReply viewer = sign_in_as("viewer1", auth::Role::kViewer)
                         .post("/api/v1/mail/statements", R"({"year":2026})");
  EXPECT_EQ(viewer.status, 403);
}

TEST_P(ApiMailTest, ARunCanBeCancelledBeforeItStarts) {
  long long minji = make_donor(db(), "김민지", "minji@example.org");
  record_gift_for(db(), minji, 50000, "2026-03-01", fund_, "KRW");
  // Without a sender the run is refused at once, naming the setting, and nothing is queued.
  HttpReply no_sender = staff_->post("/api/v1/mail/thank", R"({"send":true})");
  ASSERT_EQ(no_sender.status, 422) << no_sender.body;
  EXPECT_NE(no_sender.body.find("mail.from"), std::string::npos) << no_sender.body;
  EXPECT_EQ(query_int(db(), "SELECT COUNT(*) FROM mail_runs"), 0);
  set_mail_setting(db(), "mail.from", "새희망 선교회 <office@example.org>");
  HttpReply started = staff_->post("/api/v1/mail/thank", R"({"send":true})");
  ASSERT_EQ(started.status, 202) << started.body;
  const std::string location = started.header("location");
  HttpReply cancelled = staff_->post(location + "/cancel", "");
  ASSERT_EQ(cancelled.status, 200) << cancelled.body;
  EXPECT_EQ(cancelled.json()["status"], "cancelled");
  run_mail_jobs();
  EXPECT_TRUE(mailer_.sent.empty());
  EXPECT_EQ(staff_->get(location).json()["status"], "cancelled");
  EXPECT_EQ(staff_->post(location + "/cancel", "").status, 409);
  EXPECT_EQ(staff_->get("/api/v1/mail/runs/999999").status, 404);
  HttpReply viewer = sign_in_as("viewer1", auth::Role::kViewer).get(location);
  EXPECT_EQ(viewer.status, 403);
  // The gift is still waiting: a new run thanks it.
  HttpReply next = staff_->post("/api/v1/mail/thank", R"({"send":true})");
  ASSERT_EQ(next.status, 202) << next.body;
  EXPECT_FALSE(next.json()["existing"].get<bool>());
}

TEST_P(ApiMailTest, ATributeNotificationIsMarkedHandledByHand) {
  long long donor = make_donor(db(), "비공개 후원자", "hidden@example.org");
  long long family = make_donor(db(), "박영희", "younghee@example.org");
  long long gift = record_gift_for(db(), donor, 10000, "2026-03-01", fund_);
  ASSERT_TRUE(db().write(store::Actor{"test", ""}, [&](store::Unit& u) {
    u.sql() << "UPDATE gifts SET tribute_type = 'in_memory', tribute_name = '김철수', "
               "tribute_notify_id = :c WHERE id = :id",
        soci::use(family), soci::use(gift);
    return Status::ok();
  }));
  const std::string url = "/api/v1/mail/tribute-notifications/" + std::to_string(gift) + "/by-hand";
  HttpReply bad = staff_->post(url, R"({"note": 5})");
  EXPECT_EQ(bad.status, 422) << bad.body;
  EXPECT_NE(bad.body.find("note"), std::string::npos);
  HttpReply done = staff_->post(url, R"({"note":"유족께 전화로 알림"})");
  ASSERT_EQ(done.status, 200) << done.body;
  EXPECT_EQ(done.json()["method"], "by_hand");
  EXPECT_EQ(done.json()["note"], "유족께 전화로 알림");
  EXPECT_EQ(staff_->post(url, "").status, 409);
  EXPECT_EQ(staff_->post("/api/v1/mail/tribute-notifications/999999/by-hand", "").status, 404);
  HttpReply viewer = sign_in_as("viewer2", auth::Role::kViewer).post(url, "");
  EXPECT_EQ(viewer.status, 403);
  HttpReply dry = staff_->post("/api/v1/mail/thank", R"({"send":false})");
  ASSERT_EQ(dry.status, 200) << dry.body;
  EXPECT_TRUE(dry.json()["tribute_notifications"].empty());
}

TEST_P(ApiMailTest, ADryRunCountsEveryoneAndRendersOnlyASample) {
  set_mail_setting(db(), "mail.from", "새희망 선교회 <office@example.org>");
  for (int i = 0; i < 3; ++i) {
    long long donor = make_donor(db(), "후원자 " + std::to_string(i),
                                 "donor" + std::to_string(i) + "@example.org");
    record_gift_for(db(), donor, 5000, "2026-03-0" + std::to_string(i + 1), fund_);
  }
  record_gift_for(db(), make_donor(db(), "김민지", ""), 5000, "2026-03-05", fund_);

  HttpReply dry = staff_->post("/api/v1/mail/thank", R"({"send":false,"sample_limit":1})");
  ASSERT_EQ(dry.status, 200) << dry.body;
  EXPECT_EQ(dry.json()["sample_limit"], 1);
  EXPECT_EQ(dry.json()["counts"]["total"], 4);
  EXPECT_EQ(dry.json()["counts"]["emailed"], 3);
  EXPECT_EQ(dry.json()["counts"]["printed"], 1);
  EXPECT_EQ(dry.json()["counts"]["letters_by_reason"]["no email address"], 1);
  EXPECT_EQ(dry.json()["messages"].size(), 1u) << "only the sample is rendered";
  EXPECT_EQ(dry.json()["messages"][0]["state"], "would_send");
  HttpReply all = staff_->post("/api/v1/mail/thank", R"({"send":false})");
  ASSERT_EQ(all.status, 200) << all.body;
  EXPECT_EQ(all.json()["sample_limit"], 20);
  EXPECT_EQ(all.json()["messages"].size(), 3u);
  EXPECT_EQ(all.json()["letters"].size(), 1u);

  for (const char* body :
       {R"({"send":false,"sample_limit":0})", R"({"send":false,"sample_limit":501})",
        R"({"year":2026,"sample_limit":-1})"}) {
    const bool statements = std::string(body).find("year") != std::string::npos;
    HttpReply bad =
        staff_->post(statements ? "/api/v1/mail/statements" : "/api/v1/mail/thank", body);
    EXPECT_EQ(bad.status, 422) << body << " " << bad.body;
    EXPECT_NE(bad.body.find("sample_limit"), std::string::npos) << bad.body;
  }

  HttpReply statements =
      staff_->post("/api/v1/mail/statements", R"({"year":2026,"sample_limit":2})");
  ASSERT_EQ(statements.status, 200) << statements.body;
  EXPECT_EQ(statements.json()["counts"]["total"], 4);
  EXPECT_EQ(statements.json()["counts"]["emailed"], 3);
  EXPECT_EQ(statements.json()["counts"]["printed"], 1);
  EXPECT_EQ(statements.json()["statements"].size(), 2u);
  EXPECT_EQ(query_int(db(), "SELECT COUNT(*) FROM receipts"), 0);
  EXPECT_EQ(query_int(db(), "SELECT COUNT(*) FROM mail_messages"), 0);
}

STEWARD_INSTANTIATE_DATABASE_TEST(ApiMailTest);

}  // namespace
}  // namespace steward::testing
