// Cursor pages of the interaction timeline and the task list over real HTTP, on both backends:
// pages of two come back full and in order (the timeline newest first on (occurred_at, id),
// tasks open first by due date, undated last), restricted rows never appear and never make a
// page short, and the filters (assigned_to=me, status, overdue, due_before) page the same way.
#include <gtest/gtest.h>

#include "support/api_server.hpp"
#include "support/gift_fixtures.hpp"
#include "support/test_database.hpp"

namespace steward::testing {
namespace {

using nlohmann::json;

class ApiMovesPagingTest : public ApiTest {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    pastor_ = std::make_unique<HttpClient>(sign_in_as("pastor", auth::Role::kFundraiser, true));
    staff_ = std::make_unique<HttpClient>(sign_in_as("mina", auth::Role::kFundraiser));
    donor_ = make_person(db(), "김민준");
    secret_ = make_person(db(), "박지현");
    auto s = db().write(actor(), [&](store::Unit& u) {
      u.sql() << "UPDATE constituents SET restricted = TRUE WHERE id = :id", soci::use(secret_);
      return Status::ok();
    });
    ASSERT_TRUE(s) << s.to_string();
  }

  long long post_id(HttpClient& who, const std::string& path, const json& body) {
    HttpReply r = who.post(path, body.dump());
    EXPECT_EQ(r.status, 201) << path << " " << r.body;
    return r.json().value("id", 0LL);
  }

  // Follows next_after from `first` with the given client; returns the pages' "summary"/"title"
  // texts, page by page.
  std::vector<std::vector<std::string>> pages(HttpClient& who, const std::string& first,
                                              const char* field) {
    std::vector<std::vector<std::string>> out;
    std::string target = first;
    for (int guard = 0; guard < 20; ++guard) {
      HttpReply r = who.get(target);
      EXPECT_EQ(r.status, 200) << target << " " << r.body;
      if (r.status != 200) break;
      json body = r.json();
      std::vector<std::string> page;
      for (const auto& item : body["items"]) page.push_back(item[field].get<std::string>());
      out.push_back(page);
      if (body["next_after"].is_null()) break;
      target = first + "&after=" + std::to_string(body["next_after"].get<long long>());
    }
    return out;
  }

  std::string timeline(long long id) {
    return "/api/v1/constituents/" + std::to_string(id) + "/interactions";
  }

  std::unique_ptr<HttpClient> pastor_, staff_;
  long long donor_ = 0, secret_ = 0;
};

using Pages = std::vector<std::vector<std::string>>;

TEST_P(ApiMovesPagingTest, TimelinePagesAreFullNewestFirstAndNeverShowRestrictedNotes) {
  // Six visible interactions and three restricted ones interleaved; two share an instant, so
  // the id breaks the tie.
  const std::vector<std::pair<std::string, bool>> made = {
      {"2026-01-05", false}, {"2026-01-06", true},  {"2026-01-07", false},
      {"2026-01-08", false}, {"2026-01-08", true},  {"2026-01-08", false},
      {"2026-01-09", true},  {"2026-01-10", false}, {"2026-01-11", false}};
  int n = 0;
  for (const auto& [day, restricted] : made) {
    post_id(*pastor_, timeline(donor_),
            {{"occurred_at", day},
             {"summary", (restricted ? "비공개 " : "전화 ") + std::to_string(++n)},
             {"restricted", restricted}});
  }
  // Newest first by default; ties on occurred_at newest id first.
  Pages staff = pages(*staff_, timeline(donor_) + "?limit=2", "summary");
  EXPECT_EQ(staff, (Pages{{"전화 9", "전화 8"}, {"전화 6", "전화 4"}, {"전화 3", "전화 1"}}));
  // The restricted grant sees all nine, in the same order.
  Pages pastor = pages(*pastor_, timeline(donor_) + "?limit=2", "summary");
  EXPECT_EQ(pastor, (Pages{{"전화 9", "전화 8"},
                           {"비공개 7", "전화 6"},
                           {"비공개 5", "전화 4"},
                           {"전화 3", "비공개 2"},
                           {"전화 1"}}));
  // Oldest first on request.
  Pages oldest = pages(*staff_, timeline(donor_) + "?newest_first=false&limit=2", "summary");
  EXPECT_EQ(oldest, (Pages{{"전화 1", "전화 3"}, {"전화 4", "전화 6"}, {"전화 8", "전화 9"}}));
  // Without limit, one page of everything visible and no cursor.
  HttpReply all = staff_->get(timeline(donor_));
  ASSERT_EQ(all.status, 200) << all.body;
  EXPECT_EQ(all.json()["items"].size(), 6u);
  EXPECT_TRUE(all.json()["next_after"].is_null());
}

TEST_P(ApiMovesPagingTest, TimelineCursorsAreCheckedAndARestrictedOneLeaksNothing) {
  long long hidden =
      post_id(*pastor_, timeline(donor_),
              {{"occurred_at", "2026-02-01"}, {"summary", "x"}, {"restricted", true}});
  post_id(*staff_, timeline(donor_), {{"occurred_at", "2026-02-02"}, {"summary", "y"}});
  for (const std::string& bad :
       {std::string("after=abc"), std::string("after=0"),
        std::string("after=") + std::to_string(hidden), std::string("after=99999")}) {
    HttpReply r = staff_->get(timeline(donor_) + "?" + bad);
    EXPECT_EQ(r.status, 422) << bad << " " << r.body;
    EXPECT_EQ(r.json()["errors"][0]["field"], "after") << r.body;
  }
  for (const std::string bad : {"limit=0", "limit=501", "limit=x"}) {
    HttpReply r = staff_->get(timeline(donor_) + "?" + bad);
    EXPECT_EQ(r.status, 422) << bad << " " << r.body;
    EXPECT_EQ(r.json()["errors"][0]["field"], "limit") << r.body;
  }
  // A cursor from another constituent's timeline is refused too.
  long long other = make_person(db(), "이서연");
  long long theirs =
      post_id(*staff_, timeline(other), {{"occurred_at", "2026-02-03"}, {"summary", "z"}});
  EXPECT_EQ(staff_->get(timeline(donor_) + "?after=" + std::to_string(theirs)).status, 422);
  EXPECT_EQ(staff_->get(timeline(secret_) + "?limit=2").status, 404);
}

TEST_P(ApiMovesPagingTest, TaskPagesAreFullInOrderWithFiltersAndNoRestrictedDonors) {
  auto task = [&](HttpClient& who, const std::string& title, const std::string& assignee,
                  std::optional<std::string> due, std::optional<long long> about) {
    json body = {{"assignee", assignee}, {"title", title}};
    if (due) body["due_on"] = *due;
    if (about) body["constituent_id"] = *about;
    return post_id(who, "/api/v1/tasks", body);
  };
  // Mina's visible tasks, and tasks about the restricted donor between them in every order.
  task(*staff_, "t5 날짜 없음", "mina", std::nullopt, donor_);
  task(*pastor_, "s1", "mina", "2026-03-01", secret_);
  task(*staff_, "t3", "mina", "2026-03-10", donor_);
  task(*staff_, "t1", "mina", "2026-03-01", std::nullopt);
  task(*pastor_, "s2", "mina", "2026-03-05", secret_);
  task(*staff_, "t2", "mina", "2026-03-05", donor_);
  task(*staff_, "t4", "mina", "2026-04-01", std::nullopt);
  task(*pastor_, "s3", "mina", std::nullopt, secret_);
  long long done = task(*staff_, "t6 끝남", "mina", "2026-01-01", donor_);
  ASSERT_EQ(staff_->post("/api/v1/tasks/" + std::to_string(done) + "/complete", "{}").status, 200);
  task(*staff_, "p1", "pastor", "2026-03-02", std::nullopt);

  // status=all: open ones by due date (undated last), then the done one; 3 full pages of 2.
  Pages mine = pages(*staff_, "/api/v1/tasks?assigned_to=me&status=all&limit=2", "title");
  EXPECT_EQ(mine, (Pages{{"t1", "t2"}, {"t3", "t4"}, {"t5 날짜 없음", "t6 끝남"}}));
  // The default (open) for everyone: p1 slots in by date.
  Pages open = pages(*staff_, "/api/v1/tasks?limit=2", "title");
  EXPECT_EQ(open, (Pages{{"t1", "p1"}, {"t2", "t3"}, {"t4", "t5 날짜 없음"}}));
  // The restricted grant sees the restricted donor's tasks in their places (same day: by id).
  Pages pastor = pages(*pastor_, "/api/v1/tasks?assigned_to=mina&limit=3", "title");
  EXPECT_EQ(pastor, (Pages{{"s1", "t1", "s2"}, {"t2", "t3", "t4"}, {"t5 날짜 없음", "s3"}}));
  // Overdue as of 2026-03-10 (open, due before that day), as a filter and as its own route.
  Pages late =
      pages(*staff_, "/api/v1/tasks?assigned_to=me&overdue=true&as_of=2026-03-10&limit=1", "title");
  EXPECT_EQ(late, (Pages{{"t1"}, {"t2"}}));
  Pages route = pages(*staff_, "/api/v1/tasks/overdue?as_of=2026-03-10&limit=2", "title");
  EXPECT_EQ(route, (Pages{{"t1", "p1"}, {"t2"}}));
  Pages before = pages(*staff_, "/api/v1/tasks?status=all&due_before=2026-03-06&limit=2", "title");
  EXPECT_EQ(before, (Pages{{"t1", "p1"}, {"t2", "t6 끝남"}}));
  Pages done_only = pages(*staff_, "/api/v1/tasks?status=done&limit=2", "title");
  EXPECT_EQ(done_only, (Pages{{"t6 끝남"}}));

  HttpReply bad = staff_->get("/api/v1/tasks?overdue=maybe");
  EXPECT_EQ(bad.status, 422);
  EXPECT_EQ(bad.json()["errors"][0]["field"], "overdue");
  HttpReply cursor = staff_->get("/api/v1/tasks?after=424242");
  EXPECT_EQ(cursor.status, 422);
  EXPECT_EQ(cursor.json()["errors"][0]["field"], "after");
  EXPECT_EQ(staff_->get("/api/v1/tasks?limit=0").status, 422);
}

STEWARD_INSTANTIATE_DATABASE_TEST(ApiMovesPagingTest);

}  // namespace
}  // namespace steward::testing
