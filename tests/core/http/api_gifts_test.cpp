// Gifts, batches, recurring plans, pledges and giving summaries over real HTTP: idempotent
// creation, ETags, refunds, acknowledgments, batch reconciliation, plan lifecycle, and gifts of
// restricted constituents hidden from callers without the grant.
#include <gtest/gtest.h>

#include "support/api_server.hpp"
#include "support/gift_fixtures.hpp"
#include "support/test_database.hpp"

namespace steward::testing {
namespace {

using nlohmann::json;

class ApiGiftsTest : public ApiTest {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    staff_ = std::make_unique<HttpClient>(sign_in_as("admin1", auth::Role::kAdmin, true));
    donor_ = make_person(db(), "김민준");
    fund_ = make_fund(db(), "MED");
  }
  HttpClient& staff() { return *staff_; }
  long long gifts() { return query_int(db(), "SELECT COUNT(*) FROM gifts"); }
  std::string gift_body(long long donor, const std::string& amount, const std::string& day,
                        const std::string& extra = "") {
    json money = {{"amount", amount}, {"currency", "USD"}};
    json j = {{"constituent_id", donor},
              {"received_on", day},
              {"amount", money},
              {"allocations", json::array({{{"fund_id", fund_}, {"amount", money}}})}};
    std::string text = j.dump();
    if (!extra.empty()) text = text.substr(0, text.size() - 1) + "," + extra + "}";
    return text;
  }
  void restrict(long long constituent) {
    auto s = db().write(actor(), [&](store::Unit& u) {
      u.sql() << "UPDATE constituents SET restricted = TRUE WHERE id = :id", soci::use(constituent);
      return Status::ok();
    });
    ASSERT_TRUE(s) << s.to_string();
  }
  std::unique_ptr<HttpClient> staff_;
  long long donor_ = 0;
  long long fund_ = 0;
};

TEST_P(ApiGiftsTest, CreateIsIdempotentAndReplaceNeedsTheETag) {
  std::string body = gift_body(donor_, "50.00", "2025-03-01", R"("notes":"감사합니다")");
  std::map<std::string, std::string> key = {{"Idempotency-Key", "abc-123"}};
  HttpReply first = staff().request("POST", "/api/v1/gifts", body, key);
  ASSERT_EQ(first.status, 201) << first.body;
  json gift = first.json();
  EXPECT_EQ(gift["amount"]["minor"], 5000);
  EXPECT_EQ(gift["notes"], "감사합니다");
  EXPECT_EQ(gift["allocations"][0]["fund_id"], fund_);
  EXPECT_EQ(gift["plan_match"]["result"], "no_plan");
  HttpReply again = staff().request("POST", "/api/v1/gifts", body, key);
  ASSERT_EQ(again.status, 200) << again.body;
  json replay = again.json();
  EXPECT_EQ(replay["plan_match"]["result"], "no_plan");
  gift.erase("plan_match");
  replay.erase("plan_match");
  EXPECT_EQ(replay, gift);
  HttpReply other =
      staff().request("POST", "/api/v1/gifts", gift_body(donor_, "60.00", "2025-03-01"), key);
  EXPECT_EQ(other.status, 409) << other.body;
  EXPECT_EQ(gifts(), 1);

  std::string location = first.header("location");
  HttpReply got = staff().get(location);
  ASSERT_EQ(got.status, 200);
  std::string etag = got.header("etag");
  json change = got.json();
  change["notes"] = "x'); DROP TABLE gifts; --";
  HttpReply replaced = staff().put(location, change.dump(), etag);
  ASSERT_EQ(replaced.status, 200) << replaced.body;
  EXPECT_EQ(replaced.json()["notes"], "x'); DROP TABLE gifts; --");
  EXPECT_EQ(staff().put(location, change.dump(), etag).status, 412);
  EXPECT_EQ(staff().request("PUT", location, change.dump()).status, 428);
}

TEST_P(ApiGiftsTest, BadInputNamesTheFieldAndWritesNothing) {
  struct Case {
    std::string body;
    int status;
    std::string mentions;
  };
  std::string fund = std::to_string(fund_);
  std::vector<Case> cases = {
      {R"({"received_on":"2025-01-01"})", 422, "constituent_id"},
      {gift_body(donor_, "50.001", "2025-01-01"), 422, "amount"},
      {gift_body(donor_, "50.00", "2025-02-30"), 422, "received_on"},
      {gift_body(donor_, "50.00", "2025-01-01", R"("colour":"red")"), 422, "colour"},
      {gift_body(donor_, "50.00", "2025-01-01", R"("anonymous":"yes")"), 422, "anonymous"},
      {R"({"constituent_id":)" + std::to_string(donor_) +
           R"(,"received_on":"2025-01-01","amount":{"amount":"50.00","currency":"USD"},"allocations":[{"fund_id":)" +
           fund + R"(,"amount":{"amount":"40.00","currency":"USD"}}]})",
       422, "allocations"},
      {R"({"constituent_id":)" + std::to_string(donor_) +
           R"(,"received_on":"2025-01-01","amount":{"amount":"50.00","currency":"USD"},"allocations":[{"fund":1}]})",
       422, "allocations[0]"},
      {R"({"constituent_id":1,)", 400, "JSON"},
  };
  for (const Case& c : cases) {
    HttpReply r = staff().post("/api/v1/gifts", c.body);
    EXPECT_EQ(r.status, c.status) << c.body << " -> " << r.body;
    EXPECT_NE(r.body.find(c.mentions), std::string::npos) << c.body << " -> " << r.body;
  }
  EXPECT_EQ(staff().get("/api/v1/gifts?from=yesterday").status, 422);
  EXPECT_EQ(staff().get("/api/v1/gifts?fund_id=x").status, 422);
  EXPECT_EQ(gifts(), 0);
}

TEST_P(ApiGiftsTest, RestrictedDonorsGiftsAreInvisibleWithoutTheGrant) {
  long long secret = make_person(db(), "Hidden Donor");
  restrict(secret);
  HttpReply hidden = staff().post("/api/v1/gifts", gift_body(secret, "70.00", "2025-04-01"));
  ASSERT_EQ(hidden.status, 201) << hidden.body;
  std::string id = std::to_string(hidden.json()["id"].get<long long>());
  ASSERT_EQ(staff().post("/api/v1/gifts", gift_body(donor_, "10.00", "2025-04-02")).status, 201);

  HttpClient plain = sign_in_as("fund1", auth::Role::kFundraiser);
  HttpReply missing = plain.get("/api/v1/gifts/999999");
  HttpReply got = plain.get("/api/v1/gifts/" + id);
  EXPECT_EQ(got.status, 404);
  EXPECT_EQ(missing.status, 404);
  EXPECT_EQ(missing.json()["detail"], "gift 999999 does not exist");
  EXPECT_EQ(got.json()["detail"], "gift " + id + " does not exist");  // as if missing
  EXPECT_EQ(plain.get("/api/v1/gifts").json()["items"].size(), 1u);
  EXPECT_EQ(
      plain.get("/api/v1/gifts?constituent_id=" + std::to_string(secret)).json()["items"].size(),
      0u);
  EXPECT_EQ(plain.get("/api/v1/gifts/unacknowledged").json()["items"].size(), 1u);
  EXPECT_EQ(plain.get("/api/v1/constituents/" + std::to_string(secret) + "/giving").status, 404);
  EXPECT_EQ(plain.post("/api/v1/gifts/" + id + "/refund", R"({"refunded_on":"2025-04-05"})").status,
            404);
  EXPECT_EQ(plain.del("/api/v1/gifts/" + id).status, 404);
  EXPECT_EQ(plain
                .post("/api/v1/gifts/acknowledge",
                      R"({"gift_ids":[)" + id + R"(],"date":"2025-04-06","method":"email"})")
                .status,
            404);
  EXPECT_EQ(plain.post("/api/v1/gifts", gift_body(secret, "5.00", "2025-04-03")).status, 422);
  EXPECT_EQ(gifts(), 2);
  // With the grant everything is there.
  EXPECT_EQ(staff().get("/api/v1/gifts/" + id).status, 200);
  EXPECT_EQ(staff().get("/api/v1/gifts").json()["items"].size(), 2u);
  EXPECT_EQ(staff().get("/api/v1/constituents/" + std::to_string(secret) + "/giving").status, 200);
}

TEST_P(ApiGiftsTest, RefundDeleteAcknowledgeAndGiving) {
  HttpReply a = staff().post("/api/v1/gifts", gift_body(donor_, "100.00", "2025-01-10"));
  HttpReply b = staff().post("/api/v1/gifts", gift_body(donor_, "20.00", "2025-02-10"));
  ASSERT_EQ(a.status, 201);
  ASSERT_EQ(b.status, 201);
  std::string ida = std::to_string(a.json()["id"].get<long long>());
  std::string idb = std::to_string(b.json()["id"].get<long long>());
  HttpReply refunded = staff().post("/api/v1/gifts/" + ida + "/refund",
                                    R"({"amount":{"amount":"30.00","currency":"USD"},)"
                                    R"("refunded_on":"2025-01-20","reason":"donor asked"})");
  ASSERT_EQ(refunded.status, 200) << refunded.body;
  EXPECT_EQ(refunded.json()["status"], "partially_refunded");
  EXPECT_EQ(refunded.json()["refunded"]["minor"], 3000);
  EXPECT_EQ(
      staff().post("/api/v1/gifts/" + ida + "/refund", R"({"refunded_on":"2025-01-01"})").status,
      422);
  EXPECT_EQ(staff().get("/api/v1/gifts/unacknowledged?min=50.00").json()["items"].size(), 1u);
  EXPECT_EQ(staff().get("/api/v1/gifts/unacknowledged?min=abc").status, 422);
  HttpReply ack =
      staff().post("/api/v1/gifts/acknowledge",
                   R"({"gift_ids":[)" + ida + R"(],"date":"2025-03-01","method":"letter"})");
  ASSERT_EQ(ack.status, 200) << ack.body;
  EXPECT_EQ(ack.json()["acknowledged"], 1);
  EXPECT_EQ(staff()
                .post("/api/v1/gifts/acknowledge",
                      R"({"gift_ids":[)" + idb + R"(],"date":"2025-03-01","method":"pigeon"})")
                .status,
            422);
  EXPECT_EQ(staff().get("/api/v1/gifts/unacknowledged").json()["items"].size(), 1u);
  EXPECT_EQ(staff().del("/api/v1/gifts/" + idb).status, 204);
  EXPECT_EQ(staff().get("/api/v1/gifts/" + idb).status, 404);
  HttpReply giving = staff().get("/api/v1/constituents/" + std::to_string(donor_) + "/giving");
  ASSERT_EQ(giving.status, 200) << giving.body;
  EXPECT_EQ(giving.json()["lifetime"]["minor"], 7000);
  EXPECT_EQ(giving.json()["gift_count"], 1);
  EXPECT_EQ(giving.json()["by_fiscal_year"].size(), 1u);
  EXPECT_EQ(staff().get("/api/v1/constituents/999999/giving").status, 404);
}

TEST_P(ApiGiftsTest, BatchesCloseOnlyWhenTheyReconcile) {
  HttpReply batch = staff().post(
      "/api/v1/batches",
      R"({"name":"3월 예금","expected_count":2,"expected_total":{"amount":"30.00","currency":"USD"}})");
  ASSERT_EQ(batch.status, 201) << batch.body;
  long long id = batch.json()["id"];
  std::string path = "/api/v1/batches/" + std::to_string(id);
  EXPECT_EQ(batch.json()["name"], "3월 예금");
  std::string in_batch = R"("batch_id":)" + std::to_string(id);
  ASSERT_EQ(
      staff().post("/api/v1/gifts", gift_body(donor_, "10.00", "2025-03-01", in_batch)).status,
      201);
  HttpReply early = staff().post(path + "/close", "{}");
  EXPECT_EQ(early.status, 409);
  EXPECT_NE(early.body.find("expected"), std::string::npos) << early.body;
  ASSERT_EQ(
      staff().post("/api/v1/gifts", gift_body(donor_, "20.00", "2025-03-01", in_batch)).status,
      201);
  HttpReply got = staff().get(path);
  EXPECT_EQ(got.json()["actual_count"], 2);
  EXPECT_EQ(got.json()["actual_total"]["minor"], 3000);
  HttpReply closed = staff().post(path + "/close", "{}");
  ASSERT_EQ(closed.status, 200) << closed.body;
  EXPECT_EQ(closed.json()["status"], "closed");
  EXPECT_EQ(staff().post("/api/v1/gifts", gift_body(donor_, "1.00", "2025-03-01", in_batch)).status,
            409);
  EXPECT_EQ(staff().post("/api/v1/batches", R"({"name":"x","expected_count":1})").status, 422);
}

TEST_P(ApiGiftsTest, RecurringPlansMatchGiftsAndMoveThroughTheirLifecycle) {
  json plan_body = {{"constituent_id", donor_},
                    {"amount", {{"amount", "25.00"}, {"currency", "USD"}}},
                    {"frequency", "monthly"},
                    {"starts_on", "2025-01-15"},
                    {"fund_id", fund_}};
  HttpReply plan = staff().post("/api/v1/recurring-plans", plan_body.dump());
  ASSERT_EQ(plan.status, 201) << plan.body;
  long long id = plan.json()["id"];
  std::string path = "/api/v1/recurring-plans/" + std::to_string(id);
  HttpReply gift = staff().post("/api/v1/gifts", gift_body(donor_, "25.00", "2025-01-15"));
  ASSERT_EQ(gift.status, 201) << gift.body;
  EXPECT_EQ(gift.json()["plan_match"]["result"], "attached");
  EXPECT_EQ(gift.json()["plan_match"]["plan_id"], id);
  EXPECT_EQ(staff().post(path + "/pause", R"({"reason":"잠시 중단"})").json()["status"], "paused");
  EXPECT_EQ(staff().post(path + "/pause", R"({"reason":"again"})").status, 409);
  EXPECT_EQ(staff().post(path + "/resume", R"({"reason":"back"})").json()["status"], "active");
  EXPECT_EQ(staff().post(path + "/cancel", "{}").status, 422);
  HttpReply cancelled = staff().post(path + "/cancel", R"({"reason":"moved away"})");
  EXPECT_EQ(cancelled.json()["status"], "cancelled");
  HttpReply got = staff().get(path);
  ASSERT_EQ(got.status, 200);
  EXPECT_EQ(got.json()["transitions"].size(), 4u);
  EXPECT_EQ(got.json()["transitions"][1]["reason"], "잠시 중단");
  EXPECT_EQ(staff().get("/api/v1/recurring-plans?status=cancelled").json()["items"].size(), 1u);
  EXPECT_EQ(staff().get("/api/v1/recurring-plans?status=sleepy").status, 422);
  EXPECT_EQ(staff().post("/api/v1/recurring-plans", R"({"constituent_id":1})").status, 422);
}

TEST_P(ApiGiftsTest, PledgesShowBalanceAndCanBeWrittenOff) {
  json body = {{"constituent_id", donor_},
               {"amount", {{"amount", "300.00"}, {"currency", "USD"}}},
               {"installments", 3},
               {"frequency", "monthly"},
               {"first_due_on", "2025-01-01"},
               {"pledged_on", "2024-12-15"},
               {"fund_id", fund_}};
  HttpReply pledge = staff().post("/api/v1/pledges", body.dump());
  ASSERT_EQ(pledge.status, 201) << pledge.body;
  long long id = pledge.json()["id"];
  std::string path = "/api/v1/pledges/" + std::to_string(id);
  ASSERT_EQ(staff()
                .post("/api/v1/gifts", gift_body(donor_, "100.00", "2025-01-02",
                                                 R"("pledge_id":)" + std::to_string(id)))
                .status,
            201);
  HttpReply got = staff().get(path);
  ASSERT_EQ(got.status, 200);
  EXPECT_EQ(got.json()["installments"].size(), 3u);
  EXPECT_EQ(got.json()["paid"]["minor"], 10000);
  EXPECT_EQ(got.json()["balance"]["minor"], 20000);
  EXPECT_EQ(staff().post(path + "/write-off", "{}").status, 422);
  HttpReply off = staff().post(path + "/write-off", R"({"reason":"donor passed away"})");
  ASSERT_EQ(off.status, 200) << off.body;
  EXPECT_EQ(off.json()["status"], "written_off");
  EXPECT_EQ(off.json()["written_off"]["minor"], 20000);
  EXPECT_EQ(staff().get("/api/v1/pledges").json()["items"].size(), 1u);
  body["installments"] = 0;
  EXPECT_EQ(staff().post("/api/v1/pledges", body.dump()).status, 422);
  EXPECT_EQ(query_int(db(), "SELECT COUNT(*) FROM pledges"), 1);
}

STEWARD_INSTANTIATE_DATABASE_TEST(ApiGiftsTest);

}  // namespace
}  // namespace steward::testing
