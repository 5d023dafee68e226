#include "support/privacy_fixtures.hpp"

#include <gtest/gtest.h>

#include "domain/constituent.hpp"
#include "engine/gift_service.hpp"
#include "engine/privacy.hpp"
#include "store/campaign_results.hpp"
#include "store/constituent_repository.hpp"
#include "store/contact_repository.hpp"
#include "store/interaction_repository.hpp"
#include "store/relationship_repository.hpp"
#include "store/tag_repository.hpp"
#include "store/task_repository.hpp"
#include "support/gift_fixtures.hpp"

namespace steward::testing {
namespace {

long long person(store::Unit& u, const std::string& first, const std::string& last) {
  domain::ConstituentInput in;
  in.kind = "individual";
  in.first_name = first;
  in.last_name = last;
  in.notes = "기도 제목: " + first;
  auto c = store::constituents::create(u, in);
  if (!c) throw std::runtime_error(c.status().message());
  return c->id;
}

template <typename R>
void must(const R& r) {
  if (!r) throw std::runtime_error(r.status().message());
}

void exec(store::Unit& u, const std::string& sql) { u.sql() << sql; }

}  // namespace

PrivacyDonor make_privacy_donor(store::Database& db, const store::Actor& actor) {
  PrivacyDonor d;
  d.fund = make_fund(db, "MED");
  Status s = db.write(actor, [&](store::Unit& u) -> Status {
    d.donor = person(u, "민지", "김");
    d.friend_ = person(u, "서준", "이");
    must(store::contacts::add_email(u, d.donor, {"minji@example.kr", "home", true}));
    must(store::contacts::add_phone(u, d.donor, {"+82 10-1234-5678", "mobile", true}));
    domain::AddressInput a;
    a.line1 = "서울특별시 종로구 세종대로 175";
    a.city = "서울";
    a.postal_code = "03154";
    a.country = "KR";
    a.is_primary = true;
    must(store::contacts::add_address(u, d.donor, a));
    domain::InteractionInput i;
    i.constituent_id = d.donor;
    i.occurred_at = "2026-03-01";
    i.summary = "김민지 님과 통화";
    i.details = "가족 소식";
    must(store::interactions::create(u, i));
    domain::TaskInput t;
    t.assignee = "mina";
    t.title = "김민지 님께 감사 전화";
    t.constituent_id = d.donor;
    must(store::tasks::create(u, t));
    auto tag = store::tags::find_or_create(u, "기도 후원자");
    must(tag);
    if (Status ts = store::tags::tag(u, d.donor, tag->id); !ts) return ts;
    domain::RelationshipInput r;
    r.constituent_id = d.donor;
    r.related_id = d.friend_;
    r.type = "other";
    r.notes = "같은 교회";
    must(store::relationships::create(u, r));
    exec(u, "INSERT INTO campaigns (code, name, currency) VALUES ('SPRING', '봄 캠페인', 'USD')");
    d.campaign = 0;
    u.sql() << "SELECT id FROM campaigns WHERE code = 'SPRING'", soci::into(d.campaign);
    auto g1 = gift_input(d.donor, 5000, "2025-11-02", d.fund);
    g1.campaign_id = d.campaign;
    g1.notes = "김민지 님의 첫 후원";
    must(engine::record_gift(u, g1));
    auto g2 = gift_input(d.donor, 12000, "2026-02-14", d.fund);
    g2.tribute = domain::Tribute{};
    g2.tribute->type = "in_memory";
    g2.tribute->name = "김영희";
    must(engine::record_gift(u, g2));
    auto g3 = gift_input(d.friend_, 7000, "2026-02-20", d.fund);
    g3.campaign_id = d.campaign;
    auto friend_gift = engine::record_gift(u, g3);
    must(friend_gift);
    long long gid = friend_gift->gift.id;
    u.sql() << "INSERT INTO soft_credits (gift_id, constituent_id, amount_minor, role) "
               "VALUES (:g, :c, 7000, 'other')",
        soci::use(gid), soci::use(d.donor);
    u.sql() << "INSERT INTO constituent_external_ids (source, external_id, constituent_id, "
               "created_at) VALUES ('stripe', 'cus_minji', :c, '2026-01-01T00:00:00Z')",
        soci::use(d.donor);
    u.sql() << "INSERT INTO recurring_plans (constituent_id, amount_minor, currency, frequency, "
               "anchor_day, starts_on, processor, processor_reference, notes) VALUES "
               "(:c, 3000, 'USD', 'monthly', 5, '2026-01-05', 'stripe', 'sub_minji', '매월 5일')",
        soci::use(d.donor);
    u.sql() << "INSERT INTO pledges (constituent_id, amount_minor, currency, pledged_on, notes) "
               "VALUES (:c, 100000, 'USD', '2026-01-10', '건축 헌금 약정')",
        soci::use(d.donor);
    return Status::ok();
  });
  EXPECT_TRUE(s.is_ok()) << s.message();
  return d;
}

std::string figures_snapshot(store::Database& db, long long campaign_id) {
  std::string out;
  auto query = [&](store::Unit& u, const std::string& sql) {
    soci::rowset<soci::row> rows = u.sql().prepare << sql;
    for (const soci::row& row : rows) out += engine::privacy::detail::row_json(row).dump() + "\n";
  };
  Status s = db.read([&](store::Unit& u) -> Status {
    query(u,
          "SELECT fund_id, SUM(net_minor) AS net, SUM(base_net_minor) AS base FROM "
          "analytics_allocations GROUP BY fund_id ORDER BY fund_id");
    query(u,
          "SELECT received_year, received_month, COUNT(*) AS n, SUM(net_minor) AS net, "
          "COUNT(DISTINCT constituent_id) AS donors FROM analytics_gifts "
          "GROUP BY received_year, received_month ORDER BY received_year, received_month");
    query(u, "SELECT COUNT(*) AS n, SUM(net_minor) AS total FROM analytics_soft_credits");
    query(u,
          "SELECT constituent_id, gift_count, lifetime_minor, soft_credit_minor FROM "
          "giving_summaries ORDER BY constituent_id");
    query(u,
          "SELECT constituent_id, fiscal_year, total_minor FROM giving_by_year "
          "ORDER BY constituent_id, fiscal_year");
    query(u, "SELECT id, amount_minor, status FROM recurring_plans ORDER BY id");
    query(u, "SELECT id, amount_minor, status FROM pledges ORDER BY id");
    auto results = store::campaigns::results(u, campaign_id);
    if (!results) return results.status();
    out += "campaign " + std::to_string(results->total.raised_minor) + " " +
           std::to_string(results->total.gift_count) + " " +
           std::to_string(results->total.donor_count) + "\n";
    return Status::ok();
  });
  EXPECT_TRUE(s.is_ok()) << s.message();
  return out;
}

}  // namespace steward::testing
