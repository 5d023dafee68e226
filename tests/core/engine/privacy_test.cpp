// Export and erase of one donor's personal data (engine/privacy.hpp), on both backends.
#include <gtest/gtest.h>

#include "engine/duplicate_finder.hpp"
#include "engine/privacy.hpp"
#include "store/constituent_repository.hpp"
#include "support/privacy_fixtures.hpp"
#include "support/test_database.hpp"

namespace steward::engine::privacy {
namespace {

using testing::query_int;

class PrivacyTest : public steward::testing::DatabaseTest {
 protected:
  Result<nlohmann::json> export_of(long long id) {
    return db().write(actor(), [&](store::Unit& u) { return export_personal_data(u, id); });
  }
  Result<EraseOutcome> erase(long long id, const std::string& confirm) {
    return db().write(actor(), [&](store::Unit& u) { return erase_personal_data(u, id, confirm); });
  }
  // Every audit image as one text, to look for the person's values in it.
  std::string all_audit_text() {
    std::string out;
    Status s = db().read([&](store::Unit& u) -> Status {
      soci::rowset<soci::row> rows = u.sql().prepare
                                     << "SELECT before_json, after_json FROM audit_events";
      for (const soci::row& row : rows) out += detail::row_json(row).dump() + "\n";
      return Status::ok();
    });
    EXPECT_TRUE(s.is_ok());
    return out;
  }
};

TEST_P(PrivacyTest, ExportHoldsEverythingAboutThePersonAndRoundTripsHangul) {
  auto d = testing::make_privacy_donor(db(), actor());
  auto doc = export_of(d.donor);
  ASSERT_TRUE(doc.is_ok()) << doc.status().message();
  // Through text and back, as the file is read by the person who asked.
  auto j = nlohmann::json::parse(doc->dump(2));
  EXPECT_EQ(j["format"], "steward-personal-data/1");
  EXPECT_EQ(j["profile"]["first_name"], "민지");
  EXPECT_EQ(j["profile"]["last_name"], "김");
  EXPECT_EQ(j["profile"]["notes"], "기도 제목: 민지");
  ASSERT_EQ(j["emails"].size(), 1u);
  EXPECT_EQ(j["emails"][0]["email"], "minji@example.kr");
  ASSERT_EQ(j["phones"].size(), 1u);
  ASSERT_EQ(j["addresses"].size(), 1u);
  EXPECT_EQ(j["addresses"][0]["line1"], "서울특별시 종로구 세종대로 175");
  ASSERT_EQ(j["interactions"].size(), 1u);
  EXPECT_EQ(j["interactions"][0]["summary"], "김민지 님과 통화");
  ASSERT_EQ(j["tasks"].size(), 1u);
  ASSERT_EQ(j["tags"].size(), 1u);
  EXPECT_EQ(j["tags"][0]["name"], "기도 후원자");
  ASSERT_EQ(j["relationships"].size(), 1u);
  EXPECT_EQ(j["relationships"][0]["related_name"], "이서준");  // Korean order
  ASSERT_EQ(j["gifts"].size(), 2u);
  EXPECT_EQ(j["gift_allocations"].size(), 2u);
  EXPECT_EQ(j["soft_credits"].size(), 1u);
  EXPECT_EQ(j["recurring_plans"].size(), 1u);
  EXPECT_EQ(j["pledges"].size(), 1u);
  ASSERT_EQ(j["external_ids"].size(), 1u);
  EXPECT_EQ(j["external_ids"][0]["external_id"], "cus_minji");
  EXPECT_TRUE(j.contains("preferences"));
  EXPECT_EQ(j["giving_summary"].size(), 1u);
  EXPECT_GE(j["audit"].size(), 8u);  // the create of the person and of each record
  bool saw_create = false;
  for (const auto& e : j["audit"])
    if (e["entity_type"] == "constituent" && e["action"] == "create") saw_create = true;
  EXPECT_TRUE(saw_create);
  // The friend's own records are not in her export.
  EXPECT_EQ(j["audit"].dump().find("cus_friend"), std::string::npos);
  // The export itself is audited, naming counts only.
  EXPECT_EQ(query_int(db(),
                      "SELECT COUNT(*) FROM audit_events WHERE action = 'export' AND "
                      "entity_type = 'constituent' AND entity_id = " +
                          std::to_string(d.donor)),
            1);
}

TEST_P(PrivacyTest, ExportOfAMissingConstituentIsNotFound) {
  auto doc = export_of(987654);
  ASSERT_FALSE(doc.is_ok());
  EXPECT_EQ(doc.status().code(), StatusCode::kNotFound);
}

TEST_P(PrivacyTest, EraseRemovesTheIdentityAndKeepsEveryFigure) {
  auto d = testing::make_privacy_donor(db(), actor());
  const std::string before = testing::figures_snapshot(db(), d.campaign);
  ASSERT_NE(all_audit_text().find("minji@example.kr"), std::string::npos);

  auto done = erase(d.donor, confirmation_phrase(d.donor));
  ASSERT_TRUE(done.is_ok()) << done.status().message();
  EXPECT_EQ(done->display_name, "Erased donor #" + std::to_string(d.donor));
  EXPECT_FALSE(done->redacted_audit_ids.empty());

  // Every total, report and trend is unchanged.
  EXPECT_EQ(testing::figures_snapshot(db(), d.campaign), before);
  const std::string id = std::to_string(d.donor);
  EXPECT_EQ(query_int(db(), "SELECT COUNT(*) FROM gifts WHERE constituent_id = " + id), 2);
  // The identity is gone from the tables...
  for (const char* table :
       {"emails", "phones", "addresses", "constituent_tags", "constituent_external_ids"}) {
    EXPECT_EQ(query_int(db(), std::string("SELECT COUNT(*) FROM ") + table +
                                  " WHERE constituent_id = " + id),
              0)
        << table;
  }
  EXPECT_EQ(query_int(db(), "SELECT COUNT(*) FROM relationships WHERE constituent_id = " + id +
                                " OR related_id = " + id),
            0);
  EXPECT_EQ(query_int(db(), "SELECT COUNT(*) FROM constituents WHERE id = " + id +
                                " AND first_name IS NULL AND last_name IS NULL AND notes IS NULL "
                                "AND erased_at IS NOT NULL AND display_name = 'Erased donor #" +
                                id + "'"),
            1);
  EXPECT_EQ(query_int(db(),
                      "SELECT COUNT(*) FROM recurring_plans WHERE processor_reference IS "
                      "NOT NULL AND constituent_id = " +
                          id),
            0);
  // ...and from the audit trail, which says who erased and which rows, never the values.
  const std::string audit = all_audit_text();
  for (const char* value : {"민지", "minji@example.kr", "세종대로", "10-1234-5678", "김민지",
                            "cus_minji", "김영희", "같은 교회", "기도 제목: 민지"}) {
    EXPECT_EQ(audit.find(value), std::string::npos) << value;
  }
  EXPECT_NE(audit.find("서준"), std::string::npos);  // the friend keeps her own record
  EXPECT_EQ(query_int(db(),
                      "SELECT COUNT(*) FROM audit_events WHERE action = 'erase' AND "
                      "entity_id = " +
                          id + " AND actor = 'test:runner'"),
            1);
  EXPECT_EQ(query_int(db(), "SELECT COUNT(*) FROM audit_events WHERE redacted_at IS NOT NULL"),
            static_cast<long long>(done->redacted_audit_ids.size()));
  // Amounts stay in the redacted gift images.
  EXPECT_NE(audit.find("12000"), std::string::npos);
}

TEST_P(PrivacyTest, ErasedDonorNeverMatchesASearchOrADuplicateAgain) {
  auto d = testing::make_privacy_donor(db(), actor());
  ASSERT_TRUE(erase(d.donor, confirmation_phrase(d.donor)).is_ok());
  auto found = db().read([&](store::Unit& u) {
    store::constituents::ListFilter f;
    f.search = "Erased";
    return store::constituents::list(u, f);
  });
  ASSERT_TRUE(found.is_ok()) << found.status().message();
  EXPECT_TRUE(found->items.empty());
  // Neither the import matcher's name keys nor the quick search's text keep the old identity.
  const std::string id = std::to_string(d.donor);
  EXPECT_EQ(testing::query_int(db(), "SELECT COUNT(*) FROM constituents WHERE id = " + id +
                                         " AND (name_key IS NOT NULL OR display_name_key IS NOT "
                                         "NULL)"),
            0);
  EXPECT_EQ(testing::query_int(db(),
                               "SELECT COUNT(*) FROM constituent_search WHERE "
                               "constituent_id = " +
                                   id + " AND (doc LIKE '%민지%' OR doc LIKE '%minji%')"),
            0);
  // Its export still works (gifts kept, identity gone).
  auto doc = export_of(d.donor);
  ASSERT_TRUE(doc.is_ok());
  EXPECT_TRUE((*doc)["emails"].empty());
  EXPECT_EQ((*doc)["gifts"].size(), 2u);
  EXPECT_TRUE((*doc)["profile"]["first_name"].is_null());
}

TEST_P(PrivacyTest, EraseNeedsTheTypedConfirmationAndHappensOnce) {
  auto d = testing::make_privacy_donor(db(), actor());
  const long long audit_rows = query_int(db(), "SELECT COUNT(*) FROM audit_events");
  auto wrong = erase(d.donor, "erase");
  ASSERT_FALSE(wrong.is_ok());
  EXPECT_EQ(wrong.status().code(), StatusCode::kInvalid);
  ASSERT_FALSE(wrong.status().fields().empty());
  EXPECT_EQ(wrong.status().fields()[0].field, "confirm");
  EXPECT_EQ(query_int(db(), "SELECT COUNT(*) FROM emails"), 1);
  EXPECT_EQ(query_int(db(), "SELECT COUNT(*) FROM audit_events"), audit_rows);

  ASSERT_TRUE(erase(d.donor, confirmation_phrase(d.donor)).is_ok());
  auto again = erase(d.donor, confirmation_phrase(d.donor));
  ASSERT_FALSE(again.is_ok());
  EXPECT_EQ(again.status().code(), StatusCode::kPreconditionFailed);

  auto missing = erase(999999, confirmation_phrase(999999));
  ASSERT_FALSE(missing.is_ok());
  EXPECT_EQ(missing.status().code(), StatusCode::kNotFound);
}

TEST_P(PrivacyTest, AuditTrailStaysAppendOnlyOutsideARedaction) {
  auto d = testing::make_privacy_donor(db(), actor());
  (void)d;
  Status update = db().write(actor(), [&](store::Unit& u) -> Status {
    u.sql() << "UPDATE audit_events SET actor = 'someone else'";
    return Status::ok();
  });
  EXPECT_FALSE(update.is_ok());
  Status redact_and_rename = db().write(actor(), [&](store::Unit& u) -> Status {
    u.sql() << "UPDATE audit_events SET actor = 'x', redacted_at = '2026-01-01T00:00:00Z'";
    return Status::ok();
  });
  EXPECT_FALSE(redact_and_rename.is_ok());
  Status del = db().write(actor(), [&](store::Unit& u) -> Status {
    u.sql() << "DELETE FROM audit_events";
    return Status::ok();
  });
  EXPECT_FALSE(del.is_ok());
}

TEST(PrivacyRedaction, KeepsAmountsDatesAndKindsAndErasesText) {
  nlohmann::json image = {{"id", 4},
                          {"constituent_id", 9},
                          {"first_name", "민지"},
                          {"amount_minor", 5000},
                          {"currency", "USD"},
                          {"received_on", "2026-01-02"},
                          {"tribute", {{"type", "in_memory"}, {"name", "김영희"}}},
                          {"allocations", {{{"fund_id", 1}, {"amount_minor", 5000}}}},
                          {"emails", {"a@example.org"}}};
  auto r = detail::redact_image(image);
  EXPECT_EQ(r["first_name"], "[erased]");
  EXPECT_EQ(r["tribute"]["name"], "[erased]");
  EXPECT_EQ(r["tribute"]["type"], "in_memory");
  EXPECT_EQ(r["emails"][0], "[erased]");
  EXPECT_EQ(r["amount_minor"], 5000);
  EXPECT_EQ(r["currency"], "USD");
  EXPECT_EQ(r["received_on"], "2026-01-02");
  EXPECT_EQ(r["allocations"][0]["fund_id"], 1);
  EXPECT_EQ(r["constituent_id"], 9);
}

STEWARD_INSTANTIATE_DATABASE_TEST(PrivacyTest);

}  // namespace
}  // namespace steward::engine::privacy
