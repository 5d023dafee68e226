#include "store/constituent_repository.hpp"

#include <gtest/gtest.h>

#include "store/contact_repository.hpp"
#include "store/tag_repository.hpp"
#include "support/constituent_fixtures.hpp"
#include "support/test_database.hpp"

namespace steward::store {
namespace {

using domain::ConstituentInput;

class ConstituentRepositoryTest : public testing::DatabaseTest {
 protected:
  Result<domain::Constituent> create(const ConstituentInput& in) {
    return db().write(actor(), [&](Unit& u) { return constituents::create(u, in); });
  }
  std::vector<std::string> names(const constituents::ListFilter& filter) {
    auto page = db().read([&](Unit& u) { return constituents::list(u, filter); });
    EXPECT_TRUE(page.is_ok()) << page.status().to_string();
    std::vector<std::string> out;
    if (page)
      for (const auto& c : page->items) out.push_back(c.name());
    return out;
  }
  std::vector<std::string> search(const std::string& text) {
    constituents::ListFilter f;
    f.search = text;
    return names(f);
  }
  long long count() { return testing::query_int(db(), "SELECT COUNT(*) FROM constituents"); }
};

using Names = std::vector<std::string>;

TEST_P(ConstituentRepositoryTest, HangulNamesRoundTripAndAreFoundBySearch) {
  ConstituentInput in;
  in.first_name = "영희";
  in.last_name = "김";
  in.notes = "교회 성가대";
  in.custom_fields = R"({"교구": "3"})";
  auto made = create(in);
  ASSERT_TRUE(made.is_ok()) << made.status().to_string();
  auto back = db().read([&](Unit& u) { return constituents::get(u, made->id); });
  ASSERT_TRUE(back.is_ok());
  EXPECT_EQ(back->name(), "김영희");
  EXPECT_EQ(back->first_name.value_or(""), "영희");
  EXPECT_EQ(back->notes.value_or(""), "교회 성가대");
  EXPECT_EQ(back->custom_fields, R"({"교구":"3"})");
  testing::make_individual(db(), actor(), "Grace", "Park");
  EXPECT_EQ(search("영희"), Names{"김영희"});
  EXPECT_EQ(search("김영"), Names{"김영희"});
  EXPECT_EQ(search("grace"), Names{"Grace Park"});
  EXPECT_EQ(testing::query_int(db(),
                               "SELECT COUNT(*) FROM audit_events WHERE entity_type = "
                               "'constituent' AND action = 'create'"),
            2);
}

TEST_P(ConstituentRepositoryTest, SearchFindsEmailPhoneDigitsAndPostalCode) {
  auto grace = testing::make_individual(db(), actor(), "Grace", "Kim");
  testing::make_individual(db(), actor(), "John", "Lee");
  ASSERT_TRUE(db().write(actor(),
                         [&](Unit& u) -> Status {
                           auto e = contacts::add_email(u, grace.id, {"Grace.Kim@Example.org"});
                           if (!e) return e.status();
                           auto p = contacts::add_phone(u, grace.id, {"+82 10-1234-5678"});
                           if (!p) return p.status();
                           domain::AddressInput a;
                           a.line1 = "12 Sejong-daero";
                           a.postal_code = "04524";
                           a.country = "kr";
                           return contacts::add_address(u, grace.id, a).status();
                         })
                  .is_ok());
  EXPECT_EQ(search("grace.kim@example"), Names{"Grace Kim"});
  EXPECT_EQ(search("1234-5678"), Names{"Grace Kim"});
  EXPECT_EQ(search("01012345678").size(), 0u);  // digits must appear in that order
  EXPECT_EQ(search("1012345678"), Names{"Grace Kim"});
  EXPECT_EQ(search("04524"), Names{"Grace Kim"});
}

TEST_P(ConstituentRepositoryTest, LikeWildcardsInSearchTextAreLiteral) {
  ConstituentInput org;
  org.kind = "organization";
  org.organization_name = "100% Giving Club";
  ASSERT_TRUE(create(org).is_ok());
  org.organization_name = "1000 Friends";
  ASSERT_TRUE(create(org).is_ok());
  org.organization_name = "A_B Foundation";
  ASSERT_TRUE(create(org).is_ok());
  org.organization_name = "AXB Partners";
  ASSERT_TRUE(create(org).is_ok());
  EXPECT_EQ(search("100%"), Names{"100% Giving Club"});
  EXPECT_EQ(search("A_B"), Names{"A_B Foundation"});
  EXPECT_EQ(search("%").size(), 1u);
  EXPECT_EQ(search("\\").size(), 0u);
}

TEST_P(ConstituentRepositoryTest, SoftDeleteHidesFromListAndRestoreBringsBack) {
  auto grace = testing::make_individual(db(), actor(), "Grace", "Kim");
  testing::make_individual(db(), actor(), "John", "Lee");
  ASSERT_TRUE(
      db().write(actor(), [&](Unit& u) { return constituents::soft_delete(u, grace.id); }).is_ok());
  EXPECT_EQ(names({}), Names{"John Lee"});
  auto gone = db().read([&](Unit& u) { return constituents::get(u, grace.id); });
  EXPECT_EQ(gone.status().code(), StatusCode::kNotFound);
  constituents::ListFilter all;
  all.include_deleted = true;
  EXPECT_EQ(names(all).size(), 2u);
  auto back = db().write(actor(), [&](Unit& u) { return constituents::restore(u, grace.id); });
  ASSERT_TRUE(back.is_ok()) << back.status().to_string();
  EXPECT_FALSE(back->deleted());
  EXPECT_EQ(names({}), (Names{"Grace Kim", "John Lee"}));
  auto again = db().write(actor(), [&](Unit& u) { return constituents::restore(u, grace.id); });
  EXPECT_EQ(again.status().code(), StatusCode::kPreconditionFailed);
  EXPECT_EQ(testing::query_int(db(),
                               "SELECT COUNT(*) FROM audit_events WHERE entity_type = "
                               "'constituent' AND action IN ('delete', 'restore')"),
            2);
}

TEST_P(ConstituentRepositoryTest, InvalidInputNamesTheFieldAndWritesNothing) {
  ConstituentInput in;
  in.first_name = "Grace";
  auto r = create(in);
  ASSERT_FALSE(r.is_ok());
  EXPECT_EQ(r.status().code(), StatusCode::kInvalid);
  EXPECT_EQ(r.status().fields().at(0).field, "last_name");
  in.last_name = "Kim";
  in.custom_fields = "not json";
  EXPECT_EQ(create(in).status().fields().at(0).field, "custom_fields");
  EXPECT_EQ(count(), 0);
  EXPECT_EQ(testing::query_int(db(), "SELECT COUNT(*) FROM audit_events"), 0);
  auto grace = testing::make_individual(db(), actor(), "Grace", "Kim");
  auto bad_email = db().write(
      actor(), [&](Unit& u) { return contacts::add_email(u, grace.id, {"grace-at-example.org"}); });
  EXPECT_EQ(bad_email.status().fields().at(0).field, "email");
  EXPECT_EQ(testing::query_int(db(), "SELECT COUNT(*) FROM emails"), 0);
}

TEST_P(ConstituentRepositoryTest, UpdateRecomputesTheDisplayName) {
  auto grace = testing::make_individual(db(), actor(), "Grace", "Kim");
  ConstituentInput in = grace;
  in.display_name.reset();
  in.last_name = "Park";
  auto after = db().write(actor(), [&](Unit& u) { return constituents::update(u, grace.id, in); });
  ASSERT_TRUE(after.is_ok()) << after.status().to_string();
  EXPECT_EQ(after->name(), "Grace Park");
  EXPECT_EQ(after->sort_name, "Park, Grace");
  EXPECT_EQ(after->version, 2);
}

TEST_P(ConstituentRepositoryTest, FiltersByKindTagRestrictedAndPages) {
  auto a = testing::make_individual(db(), actor(), "Ann", "Able");
  auto b = testing::make_individual(db(), actor(), "Ben", "Baker");
  testing::make_organization(db(), actor(), "Grace Church");
  ConstituentInput secret;
  secret.first_name = "Cy";
  secret.last_name = "Cole";
  secret.restricted = true;
  ASSERT_TRUE(create(secret).is_ok());
  constituents::ListFilter f;
  f.kind = "organization";
  EXPECT_EQ(names(f), Names{"Grace Church"});
  f.kind = "robot";
  auto bad_kind = db().read([&](Unit& u) { return constituents::list(u, f); });
  EXPECT_EQ(bad_kind.status().fields().at(0).field, "kind");
  f = {};
  f.include_restricted = false;
  EXPECT_EQ(names(f).size(), 3u);
  auto board = db().write(actor(), [&](Unit& u) { return tags::create(u, "Board"); });
  ASSERT_TRUE(board.is_ok());
  for (int i = 0; i < 2; ++i)  // idempotent
    ASSERT_TRUE(
        db().write(actor(), [&](Unit& u) { return tags::tag(u, b.id, board->id); }).is_ok());
  EXPECT_EQ(testing::query_int(db(), "SELECT COUNT(*) FROM constituent_tags"), 1);
  f = {};
  f.tag_id = board->id;
  EXPECT_EQ(names(f), Names{"Ben Baker"});
  auto of = db().read([&](Unit& u) { return tags::tags_of(u, b.id); });
  ASSERT_EQ(of->size(), 1u);
  EXPECT_EQ(of->at(0).name, "Board");
  ASSERT_TRUE(
      db().write(actor(), [&](Unit& u) { return tags::untag(u, b.id, board->id); }).is_ok());
  ASSERT_TRUE(
      db().write(actor(), [&](Unit& u) { return tags::untag(u, b.id, board->id); }).is_ok());
  EXPECT_EQ(names(f).size(), 0u);
  auto dup = db().write(actor(), [&](Unit& u) { return tags::create(u, "board"); });
  EXPECT_EQ(dup.status().code(), StatusCode::kConflict);
  // Pages of two: Able, Baker | Cole, Grace Church.
  f = {};
  f.page.limit = 2;
  auto first = db().read([&](Unit& u) { return constituents::list(u, f); });
  ASSERT_TRUE(first.is_ok());
  ASSERT_EQ(first->items.size(), 2u);
  EXPECT_EQ(first->items[0].id, a.id);
  ASSERT_TRUE(first->next_after_id.has_value());
  f.page.after_id = *first->next_after_id;
  auto second = db().read([&](Unit& u) { return constituents::list(u, f); });
  ASSERT_EQ(second->items.size(), 2u);
  EXPECT_EQ(second->items[1].name(), "Grace Church");
  EXPECT_FALSE(second->next_after_id.has_value());
}

STEWARD_INSTANTIATE_DATABASE_TEST(ConstituentRepositoryTest);

}  // namespace
}  // namespace steward::store
