#include "engine/segment_sql.hpp"

#include <optional>
#include <string>
#include <utility>

namespace steward::engine::segment_sql {
namespace {

namespace seg = domain::segment;

// The gifts that count, for constituent c (alias g).
constexpr const char* kQualifyingGift =
    "g.constituent_id = c.id AND g.deleted_at IS NULL "
    "AND g.status IN ('completed', 'partially_refunded')";
// A gift's net amount in the base currency.
constexpr const char* kGiftNet = "(g.base_amount_minor - g.base_refunded_minor)";
// An allocation's net amount (gift currency) converted to the base currency at the gift's rate.
constexpr const char* kAllocationNet =
    "(CASE WHEN g.amount_minor = g.base_amount_minor THEN (a.amount_minor - a.refunded_minor) "
    "ELSE (a.amount_minor - a.refunded_minor) * g.base_amount_minor / g.amount_minor END)";

class Builder {
 public:
  explicit Builder(const Context& context) : context_(context) {}

  std::string sql;
  std::vector<Param> params;

  void text(const std::string& s) { sql += s; }

  // Appends a placeholder bound to `value`.
  void value(Param value) {
    sql += ":p" + std::to_string(params.size());
    params.push_back(std::move(value));
  }

  void node(const seg::Filter& f) {
    std::visit([this](const auto& n) { emit(n); }, f.node);
  }

 private:
  void emit(const seg::Everyone&) { text("1 = 1"); }
  void emit(const seg::AllOf& a) { list(a.items, " AND "); }
  void emit(const seg::AnyOf& a) { list(a.items, " OR "); }
  void emit(const seg::Not& n) {
    text("NOT (");
    node(n.item.at(0));
    text(")");
  }

  void list(const std::vector<seg::Filter>& items, const char* glue) {
    text("(");
    for (std::size_t i = 0; i < items.size(); ++i) {
      if (i > 0) text(glue);
      text("(");
      node(items[i]);
      text(")");
    }
    text(")");
  }

  // "<column> = :p" for an id, or "<column> IN (SELECT id FROM <table> WHERE <code_col> = :p)".
  void ref(const std::string& column, const seg::Ref& r, const std::string& table,
           const std::string& code_column) {
    if (r.id) {
      text(column + " = ");
      value(*r.id);
    } else {
      text(column + " IN (SELECT id FROM " + table + " WHERE " + code_column + " = ");
      value(r.code.value_or(""));
      text(")");
    }
  }

  // " AND g.received_on >= :from AND g.received_on <= :to" for the bounds given.
  void received(const std::optional<std::string>& from, const std::optional<std::string>& to) {
    if (from) {
      text(" AND g.received_on >= ");
      value(*from);
    }
    if (to) {
      text(" AND g.received_on <= ");
      value(*to);
    }
  }

  // FROM/WHERE body of a gift subquery (aliases g, and a when a fund is named) for `gave`.
  void gave_body(const seg::Gave& g) {
    const char* net = g.fund ? kAllocationNet : kGiftNet;
    text(g.fund ? "FROM gifts g JOIN gift_allocations a ON a.gift_id = g.id WHERE "
                : "FROM gifts g WHERE ");
    text(kQualifyingGift);
    if (g.fund) {
      text(" AND ");
      ref("a.fund_id", *g.fund, "funds", "code");
    }
    if (g.campaign) {
      text(" AND ");
      ref("g.campaign_id", *g.campaign, "campaigns", "code");
    }
    if (g.appeal) {
      text(" AND ");
      ref("g.appeal_id", *g.appeal, "appeals", "code");
    }
    received(g.from, g.to);
    if (g.min) {
      text(std::string(" AND ") + net + " >= ");
      value(static_cast<long long>(*g.min));
    }
    if (g.max) {
      text(std::string(" AND ") + net + " <= ");
      value(static_cast<long long>(*g.max));
    }
  }

  void emit(const seg::Gave& g) {
    text("(EXISTS (SELECT 1 ");
    gave_body(g);
    text(")");
    const char* net = g.fund ? kAllocationNet : kGiftNet;
    for (auto [bound, op] : {std::pair{&g.total_min, " >= "}, std::pair{&g.total_max, " <= "}}) {
      if (!*bound) continue;
      text(std::string(" AND (SELECT COALESCE(SUM(") + net + "), 0) ");
      gave_body(g);
      text(std::string(")") + op);
      value(static_cast<long long>(**bound));
    }
    text(")");
  }

  // EXISTS a qualifying gift with received_on <op> date (or any, when op is empty).
  void gift_exists(const char* op, const std::optional<std::string>& date) {
    text("EXISTS (SELECT 1 FROM gifts g WHERE ");
    text(kQualifyingGift);
    if (date) {
      text(std::string(" AND g.received_on ") + op + " ");
      value(*date);
    }
    text(")");
  }

  // EXISTS a qualifying gift received within [from, to].
  void gift_between(const std::string& from, const std::string& to) {
    text("EXISTS (SELECT 1 FROM gifts g WHERE ");
    text(kQualifyingGift);
    received(from, to);
    text(")");
  }

  void emit(const seg::LastGift& l) {
    text("(");
    if (l.after) {
      gift_exists(">", l.after);
    } else {
      gift_exists("", std::nullopt);
    }
    if (l.before) {
      text(" AND NOT ");
      gift_exists(">=", l.before);
    }
    text(")");
  }

  void emit(const seg::FirstGift& f) {
    text("(EXISTS (SELECT 1 FROM gifts g WHERE ");
    text(kQualifyingGift);
    received(f.from, f.to);
    text(")");
    if (f.from) {
      text(" AND NOT ");
      gift_exists("<", f.from);
    }
    text(")");
  }

  void emit(const seg::Lifetime& l) {
    const std::string total = std::string("COALESCE((SELECT SUM(") + kGiftNet +
                              ") FROM gifts g WHERE " + kQualifyingGift + "), 0)";
    text("(");
    if (l.min) {
      text(total + " >= ");
      value(static_cast<long long>(*l.min));
    }
    if (l.min && l.max) text(" AND ");
    if (l.max) {
      text(total + " <= ");
      value(static_cast<long long>(*l.max));
    }
    text(")");
  }

  void emit(const seg::Recurring& r) {
    text(
        "EXISTS (SELECT 1 FROM recurring_plans rp WHERE rp.constituent_id = c.id AND rp.status IN "
        "(");
    for (std::size_t i = 0; i < r.statuses.size(); ++i) {
      if (i > 0) text(", ");
      value(r.statuses[i]);
    }
    text("))");
  }

  int fiscal_year_of(const std::optional<int>& year) const {
    if (year) return *year;
    return domain::fiscal_year(context_.today, context_.fiscal_year_start_month);
  }
  std::string fy_start(int fy) const {
    return domain::fiscal_year_start(fy, context_.fiscal_year_start_month).to_string();
  }
  std::string fy_end(int fy) const {
    return domain::fiscal_year_end(fy, context_.fiscal_year_start_month).to_string();
  }

  void emit(const seg::Lybunt& l) {
    int fy = fiscal_year_of(l.year);
    text("(");
    gift_between(fy_start(fy - 1), fy_end(fy - 1));
    text(" AND NOT ");
    gift_between(fy_start(fy), fy_end(fy));
    text(")");
  }

  void emit(const seg::Sybunt& s) {
    int fy = fiscal_year_of(s.year);
    text("(");
    gift_exists("<", fy_start(fy - 1));
    text(" AND NOT ");
    gift_between(fy_start(fy - 1), fy_end(fy));
    text(")");
  }

  void emit(const seg::Tag& t) {
    text("EXISTS (SELECT 1 FROM constituent_tags ct WHERE ct.constituent_id = c.id AND ");
    ref("ct.tag_id", t.ref, "tags", "name");
    text(")");
  }

  void emit(const seg::Kind& k) {
    text("c.kind = ");
    value(k.value);
  }

  void emit(const seg::OrganizationType& o) {
    // IS NOT NULL first, so NOT(...) keeps constituents without a type.
    text("(c.organization_type IS NOT NULL AND c.organization_type = ");
    value(o.value);
    text(")");
  }

  void primary_address(const std::string& condition_prefix, const std::string& v,
                       const std::string& condition_suffix) {
    text(
        "EXISTS (SELECT 1 FROM addresses ad WHERE ad.constituent_id = c.id AND ad.is_primary = "
        "TRUE AND ");
    text(condition_prefix);
    value(v);
    text(condition_suffix + ")");
  }

  void emit(const seg::Region& r) {
    primary_address("ad.region IS NOT NULL AND lower(ad.region) = lower(CAST(", r.value,
                    " AS TEXT))");
  }

  void emit(const seg::Country& c) { primary_address("upper(ad.country) = ", c.value, ""); }

  void emit(const seg::CanBeEmailed& e) {
    if (!e.value) text("NOT ");
    text(
        "(c.do_not_email = FALSE AND EXISTS (SELECT 1 FROM emails em WHERE em.constituent_id = "
        "c.id AND em.is_primary = TRUE AND em.unsubscribed_at IS NULL AND em.email <> ''))");
  }

  void emit(const seg::CanBeMailed& m) {
    if (!m.value) text("NOT ");
    text(
        "(c.do_not_mail = FALSE AND EXISTS (SELECT 1 FROM addresses ad WHERE ad.constituent_id = "
        "c.id AND ad.is_primary = TRUE AND ad.undeliverable = FALSE AND ad.line1 <> ''))");
  }

  void emit(const seg::Restricted& r) {
    text(r.value ? "c.restricted = TRUE" : "c.restricted = FALSE");
  }

  const Context& context_;
};

}  // namespace

Compiled compile(const domain::segment::Filter& filter, const Context& context) {
  Builder b(context);
  b.text("c.deleted_at IS NULL AND c.merged_into_id IS NULL AND c.erased_at IS NULL");
  if (!domain::segment::mentions_restricted(filter)) b.text(" AND c.restricted = FALSE");
  b.text(" AND (");
  b.node(filter);
  b.text(")");
  return {std::move(b.sql), std::move(b.params)};
}

Compiled select_ids(const domain::segment::Filter& filter, const Context& context) {
  Compiled c = compile(filter, context);
  c.sql = "SELECT c.id FROM constituents c WHERE " + c.sql;
  return c;
}

void bind(soci::statement& st, const std::vector<Param>& params) {
  for (const Param& p : params) {
    std::visit([&st](const auto& v) { st.exchange(soci::use(v)); }, p);
  }
}

}  // namespace steward::engine::segment_sql
