// Duplicates, needs coverage and recurring revenue over real HTTP: candidate pairs with the
// records' ETags, a merge guarded by them (428/412) and audited, restricted constituents never
// in pairs nor mergeable without the grant; needs and MRR as exact money; upcoming gifts
// without restricted donors.
#include <gtest/gtest.h>

#include "support/api_server.hpp"
#include "support/dedupe_fixtures.hpp"
#include "support/needs_fixtures.hpp"
#include "support/test_database.hpp"

namespace steward::testing {
namespace {

using nlohmann::json;

class ApiDuplicatesTest : public ApiTest {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    staff_ = std::make_unique<HttpClient>(sign_in_as("fund1", auth::Role::kFundraiser));
    pastor_ = std::make_unique<HttpClient>(sign_in_as("pastor", auth::Role::kFundraiser, true));
  }
  void restrict(long long id) {
    dedupe::exec(db(),
                 "UPDATE constituents SET restricted = TRUE WHERE id = " + std::to_string(id));
  }
  HttpClient& staff() { return *staff_; }
  HttpClient& pastor() { return *pastor_; }
  std::unique_ptr<HttpClient> staff_, pastor_;
};

TEST_P(ApiDuplicatesTest, PairsThenAMergeGuardedByETags) {
  long long a = dedupe::add_person(db(), "민준", "김");
  long long b = dedupe::add_person(db(), "민준", "김");
  dedupe::add_email(db(), a, "minjun@example.org", true);
  dedupe::add_email(db(), b, "minjun@example.org", true);
  long long s1 = dedupe::add_person(db(), "지현", "박");
  long long s2 = dedupe::add_person(db(), "지현", "박");
  dedupe::add_email(db(), s1, "jihyun@example.org", true);
  dedupe::add_email(db(), s2, "jihyun@example.org", true);
  restrict(s2);

  HttpReply pairs = staff().get("/api/v1/duplicates");
  ASSERT_EQ(pairs.status, 200) << pairs.body;
  json items = pairs.json()["items"];
  ASSERT_EQ(items.size(), 1u) << items.dump();  // the pair with a restricted record is hidden
  json pair = items[0];
  EXPECT_EQ(pair["first"]["id"], a);
  EXPECT_EQ(pair["second"]["id"], b);
  EXPECT_EQ(pair["reasons"][0], "email");
  EXPECT_GE(pair["score"].get<int>(), 50);
  EXPECT_EQ(pastor().get("/api/v1/duplicates").json()["items"].size(), 2u);
  EXPECT_EQ(staff().get("/api/v1/duplicates?rules=telepathy").status, 422);
  EXPECT_EQ(staff().get("/api/v1/duplicates?min_score=lots").status, 422);
  EXPECT_EQ(staff().get("/api/v1/duplicates?limit=1").json()["next_after"], nullptr);
  EXPECT_EQ(pastor().get("/api/v1/duplicates?limit=1").json()["next_after"], 1);

  json etags = {{std::to_string(a), pair["first"]["etag"]},
                {std::to_string(b), pair["second"]["etag"]}};
  json body = {{"survivor", a}, {"losers", {b}}, {"etags", etags}};
  json missing = body;
  missing["etags"].erase(std::to_string(b));
  EXPECT_EQ(staff().post("/api/v1/duplicates/merge", missing.dump()).status, 428);
  // A record changed since the pair was shown: 412, nothing merged.
  dedupe::exec(db(),
               "UPDATE constituents SET first_name = 'Minjun' WHERE id = " + std::to_string(b));
  EXPECT_EQ(staff().post("/api/v1/duplicates/merge", body.dump()).status, 412);
  EXPECT_EQ(query_int(db(), "SELECT COUNT(*) FROM merges"), 0);
  json fresh = staff().get("/api/v1/duplicates").json()["items"][0];
  body["etags"][std::to_string(b)] = fresh["second"]["etag"];
  body["take"] = {{"first_name", b}};
  HttpReply merged = staff().post("/api/v1/duplicates/merge", body.dump());
  ASSERT_EQ(merged.status, 200) << merged.body;
  EXPECT_EQ(merged.json()["survivor_id"], a);
  EXPECT_EQ(merged.json()["merged_ids"][0], b);
  EXPECT_EQ(query_int(db(), "SELECT COUNT(*) FROM merges"), 1);
  EXPECT_GE(query_int(db(), "SELECT COUNT(*) FROM audit_events WHERE action = 'merge'"), 1);
  EXPECT_EQ(staff().get("/api/v1/constituents/" + std::to_string(b)).status, 404);

  // A restricted record cannot be merged (or even named) without the grant.
  json hidden = {{"survivor", s1},
                 {"losers", {s2}},
                 {"etags", {{std::to_string(s1), "\"x\""}, {std::to_string(s2), "\"x\""}}}};
  HttpReply refused = staff().post("/api/v1/duplicates/merge", hidden.dump());
  EXPECT_EQ(refused.status, 404) << refused.body;
  EXPECT_EQ(staff().post("/api/v1/duplicates/merge", R"({"survivor":1})").status, 422);
  HttpClient viewer = sign_in_as("viewer1", auth::Role::kViewer);
  EXPECT_EQ(viewer.post("/api/v1/duplicates/merge", body.dump()).status, 403);
  EXPECT_EQ(query_int(db(), "SELECT COUNT(*) FROM merges"), 1);
}

TEST_P(ApiDuplicatesTest, NeedsMrrAndUpcomingGifts) {
  needs::FundSpec med_spec;
  med_spec.code = "MED";
  med_spec.name = "의료 지원";
  med_spec.monthly_need_minor = 10000;
  long long fund = needs::make_fund(db(), actor(), med_spec);
  long long donor = needs::make_constituent(db(), "김민준");
  long long secret = needs::make_constituent(db(), "박지현");
  restrict(secret);
  needs::PlanSpec plan;
  plan.constituent_id = donor;
  plan.amount_minor = 3000;
  plan.fund_id = fund;
  needs::make_plan(db(), plan);
  plan.constituent_id = secret;
  plan.amount_minor = 2000;
  needs::make_plan(db(), plan);

  HttpReply n = staff().get("/api/v1/needs?month=2026-03");
  ASSERT_EQ(n.status, 200) << n.body;
  json med = n.json()["funds"][0];
  EXPECT_EQ(n.json()["as_of"], "2026-03-31");
  EXPECT_EQ(med["fund_name"], "의료 지원");
  EXPECT_EQ(med["need"]["minor"], 10000);
  // Without the grant the restricted donor's plan is not counted, and nothing says it exists.
  EXPECT_EQ(n.json()["includes_restricted"], false);
  EXPECT_EQ(med["committed"]["minor"], 3000);
  EXPECT_EQ(med["committed_bp"], 3000);
  EXPECT_EQ(med["gap"]["amount"], "70.00");
  HttpReply pn = pastor().get("/api/v1/needs?month=2026-03");
  ASSERT_EQ(pn.status, 200) << pn.body;
  EXPECT_EQ(pn.json()["includes_restricted"], true);
  EXPECT_EQ(pn.json()["funds"][0]["committed"]["minor"], 5000);
  EXPECT_EQ(pn.json()["funds"][0]["committed_bp"], 5000);
  EXPECT_EQ(pn.json()["funds"][0]["gap"]["amount"], "50.00");
  EXPECT_EQ(staff().get("/api/v1/needs?month=2026-13").status, 422);
  EXPECT_EQ(staff().get("/api/v1/needs?as_of=2026-03-01&month=2026-03").status, 422);

  HttpReply mrr = staff().get("/api/v1/recurring/mrr?as_of=2026-03-15");
  ASSERT_EQ(mrr.status, 200) << mrr.body;
  EXPECT_EQ(mrr.json()["includes_restricted"], false);
  EXPECT_EQ(mrr.json()["base"]["monthly"]["minor"], 3000);
  EXPECT_EQ(mrr.json()["base"]["plan_count"], 1);
  HttpReply pm = pastor().get("/api/v1/recurring/mrr?as_of=2026-03-15");
  ASSERT_EQ(pm.status, 200) << pm.body;
  EXPECT_EQ(pm.json()["includes_restricted"], true);
  EXPECT_EQ(pm.json()["base"]["monthly"]["minor"], 5000);
  EXPECT_EQ(pm.json()["base"]["plan_count"], 2);
  EXPECT_EQ(staff().get("/api/v1/recurring/mrr?as_of=tomorrow").status, 422);

  HttpReply up = staff().get("/api/v1/recurring/upcoming?from=2026-03-01&to=2026-04-30");
  ASSERT_EQ(up.status, 200) << up.body;
  // The body outlives the loop (a range over a temporary's member dangles).
  const nlohmann::json up_body = up.json();
  for (const auto& g : up_body["items"]) EXPECT_EQ(g["constituent_id"], donor) << g.dump();
  HttpReply all = pastor().get("/api/v1/recurring/upcoming?from=2026-03-01&to=2026-04-30");
  EXPECT_GT(all.json()["items"].size(), up.json()["items"].size()) << all.body;
  EXPECT_EQ(staff().get("/api/v1/recurring/upcoming?from=2026-03-01&to=2026-02-01").status, 422);
  EXPECT_EQ(staff().get("/api/v1/recurring/upcoming?from=2026-03-01&to=2028-03-01").status, 422);
}

STEWARD_INSTANTIATE_DATABASE_TEST(ApiDuplicatesTest);

}  // namespace
}  // namespace steward::testing
