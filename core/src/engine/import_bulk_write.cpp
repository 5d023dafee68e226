// Writing the queued common rows of a commit chunk (engine/import_bulk.hpp, decision 0200): the
// same rows, values and audit images as apply_plan writes one row at a time, in one statement
// (COPY on PostgreSQL, one prepared insert on SQLite) per table.
#include <nlohmann/json.hpp>
#include <optional>

#include "domain/date.hpp"
#include "domain/text.hpp"
#include "engine/import_bulk.hpp"
#include "engine/import_in_batches.hpp"
#include "store/audit.hpp"
#include "store/bulk_images.hpp"
#include "store/bulk_writer.hpp"
#include "store/constituent_name_keys.hpp"
#include "store/constituent_repository.hpp"
#include "store/constituent_search_refresh.hpp"
#include "store/gift_rows.hpp"
#include "store/giving_summary_repository.hpp"
#include "store/row_reader.hpp"
#include "store/settings_repository.hpp"

namespace steward::engine::imports {
namespace {

// Which of `values` are in table.external_id for `source`: bound IN lists, so PostgreSQL probes
// the (source, external_id) index instead of scanning every gift of the source (decision 0212).
std::set<std::string> existing(store::Unit& unit, const std::string& table,
                               const std::string& source, const std::vector<std::string>& values) {
  std::set<std::string> found;
  in_batches(unit, "SELECT external_id FROM " + table + " WHERE source = :s AND external_id IN ",
             "", source, values, [&](store::RowReader r) { found.insert(r.text(0)); });
  return found;
}

}  // namespace

Status BulkChunk::write_queue(ApplyTotals& totals) {
  store::Unit& u = unit_;
  const std::string& processor = matcher_.settings().processor;
  // gifts::create refuses a (source, external_id) already taken, deleted gifts included: then
  // the rows go one by one and that row gets the error.
  std::map<std::string, std::vector<std::string>> by_source;
  std::vector<std::string> payers;
  for (const Queued& q : queue_) {
    by_source[q.identity.source].push_back(q.identity.external_id);
    if (!q.record.donor_external_id.empty()) payers.push_back(q.record.donor_external_id);
  }
  for (const auto& [source, ids] : by_source) {
    if (!existing(u, "gifts", source, ids).empty()) return apply_queue_row_by_row(totals);
  }
  // link_constituent() leaves an existing link as it is (and audits nothing).
  std::set<std::string> linked = existing(u, "constituent_external_ids", processor, payers);
  auto settings = store::settings::get(u);
  if (!settings) return settings.status();

  const long long n = static_cast<long long>(queue_.size());
  // New donors get ids in row order; a known donor keeps its own.
  long long created = 0, emails = 0;
  for (const Queued& q : queue_) {
    created += q.known_donor ? 0 : 1;
    emails += !q.known_donor && q.email ? 1 : 0;
  }
  const long long first_donor = store::reserve_ids(u, "constituents", created);
  const long long first_email = store::reserve_ids(u, "emails", emails);
  const long long first_gift = store::reserve_ids(u, "gifts", n);
  std::vector<long long> donor_ids(queue_.size(), 0);
  std::vector<long long> new_index(queue_.size(), -1);  // row -> index among the new donors
  {
    long long next = 0;
    for (long long i = 0; i < n; ++i) {
      if (queue_[i].known_donor) {
        donor_ids[i] = *queue_[i].known_donor;
      } else {
        new_index[i] = next;
        donor_ids[i] = first_donor + next++;
        // Alive, in no household, with no plan: a later payment of theirs in this chunk is plain
        // too, with no query (a row that gives them a plan forgets this: BulkChunk::apply_now).
        plain_donors_[donor_ids[i]] = true;
      }
    }
  }
  const std::string now = domain::utc_now_iso();
  const std::string actor = u.actor().name;

  // The new donors' quick-search rows are built once for the batch, after their emails, instead
  // of by the triggers for every constituent and email row (decision 0217). A batch of known
  // donors only has nothing to index.
  std::optional<store::constituents::DeferSearchRefresh> search;
  if (created > 0) search.emplace(u);
  if (created > 0) {  // constituents::create: the row and its name keys (name_keys::refresh)
    store::BulkWriter w(u, "constituents",
                        {"id",
                         "kind",
                         "first_name",
                         "middle_name",
                         "last_name",
                         "preferred_name",
                         "organization_name",
                         "display_name",
                         "sort_name",
                         "salutation",
                         "addressee",
                         "organization_type",
                         "restricted",
                         "donor_source",
                         "do_not_email",
                         "do_not_mail",
                         "do_not_call",
                         "do_not_solicit",
                         "anonymous_giver",
                         "notes",
                         "custom_fields",
                         "created_at",
                         "updated_at",
                         "name_key",
                         "display_name_key",
                         "name_keys_ready"});
    for (long long i = 0; i < n; ++i) {
      if (queue_[i].known_donor) continue;
      const domain::ConstituentInput& in = queue_[i].donor;
      std::optional<std::string> first = domain::null_if_blank(in.first_name),
                                 last = domain::null_if_blank(in.last_name);
      std::string display = domain::computed_display_name(in);
      auto keys = store::name_keys::compute(display, first.value_or(""), last.value_or(""));
      w.add(donor_ids[i])
          .add(in.kind)
          .add(first)
          .add(domain::null_if_blank(in.middle_name))
          .add(last);
      w.add(domain::null_if_blank(in.preferred_name))
          .add(domain::null_if_blank(in.organization_name))
          .add(display);
      w.add(domain::computed_sort_name(in)).add(domain::null_if_blank(in.salutation));
      w.add(domain::null_if_blank(in.addressee))
          .add(domain::null_if_blank(in.organization_type))
          .add(in.restricted);
      w.add(domain::null_if_blank(in.source))
          .add(in.do_not_email)
          .add(in.do_not_mail)
          .add(in.do_not_call);
      w.add(in.do_not_solicit).add(in.anonymous_giver).add(domain::null_if_blank(in.notes));
      w.add(nlohmann::json::parse(in.custom_fields).dump()).add(now).add(now);
      w.add(domain::null_if_empty(keys.person)).add(domain::null_if_empty(keys.display)).add(1LL);
      w.end_row();
      if (Prefetch* prefetch = matcher_.prefetch()) {
        prefetch->forget_name_keys({keys.person, keys.display});
      }
    }
    w.finish();
  }
  std::vector<std::optional<long long>> email_ids(queue_.size());
  if (emails > 0) {  // contacts::add_email: the first email of a new donor is primary
    store::BulkWriter w(
        u, "emails",
        {"id", "constituent_id", "email", "kind", "is_primary", "created_at", "updated_at"});
    long long next = first_email;
    for (long long i = 0; i < n; ++i) {
      if (queue_[i].known_donor || !queue_[i].email) continue;
      email_ids[i] = next;
      w.add(next++).add(donor_ids[i]).add(queue_[i].email->email).add(queue_[i].email->kind);
      w.add(true).add(now).add(now);
      w.end_row();
    }
    w.finish();
  }
  if (search) {
    std::vector<long long> written;
    written.reserve(static_cast<std::size_t>(created));
    for (long long i = 0; i < created; ++i) written.push_back(first_donor + i);
    if (Status s = search->finish(written); !s) return s;
  }
  std::vector<bool> links(queue_.size(), false);
  {  // import_ids::link_constituent
    store::BulkWriter w(u, "constituent_external_ids",
                        {"source", "external_id", "constituent_id", "created_at"});
    for (long long i = 0; i < n; ++i) {
      const std::string& payer = queue_[i].record.donor_external_id;
      if (payer.empty() || linked.contains(payer)) continue;
      links[i] = true;
      w.add(processor).add(payer).add(donor_ids[i]).add(now);
      w.end_row();
    }
    w.finish();
  }
  {  // gifts::create: base currency, so base = amount at rate 1; no idempotency key
    store::BulkWriter w(u, "gifts",
                        {"id",
                         "constituent_id",
                         "received_on",
                         "amount_minor",
                         "currency",
                         "base_amount_minor",
                         "base_currency",
                         "exchange_rate",
                         "fee_minor",
                         "payment_method",
                         "check_number",
                         "status",
                         "source",
                         "external_id",
                         "campaign_id",
                         "appeal_id",
                         "anonymous",
                         "notes",
                         "created_by",
                         "created_at",
                         "updated_at"});
    for (long long i = 0; i < n; ++i) {
      domain::GiftInput& g = queue_[i].gift;
      g.constituent_id = donor_ids[i];
      w.add(first_gift + i).add(g.constituent_id).add(g.received_on).add(g.amount.minor);
      w.add(g.amount.currency).add(g.amount.minor).add(settings->base_currency).add("1");
      w.add(g.fee_minor).add(g.payment_method).add(g.check_number).add(g.status).add(g.source);
      w.add(g.external_id).add(g.campaign_id).add(g.appeal_id).add(g.anonymous).add(g.notes);
      w.add(actor).add(now).add(now);
      w.end_row();
    }
    w.finish();
  }
  {
    store::BulkWriter w(u, "gift_allocations",
                        {"gift_id", "fund_id", "amount_minor", "refunded_minor"});
    for (long long i = 0; i < n; ++i) {
      for (const domain::Allocation& a : queue_[i].gift.allocations) {
        w.add(first_gift + i).add(a.fund_id).add(a.amount.minor).add(0LL);
        w.end_row();
      }
    }
    w.finish();
  }
  {  // import_ids::record_payment
    store::BulkWriter w(u, "payment_identities",
                        {"source", "external_id", "kind", "gift_id", "import_id", "created_at"});
    for (long long i = 0; i < n; ++i) {
      w.add(queue_[i].identity.source).add(queue_[i].identity.external_id).add("payment");
      w.add(first_gift + i).add(queue_[i].row->import_id).add(now);
      w.end_row();
    }
    w.finish();
  }

  // The audit images, read back as the repositories read them.
  std::vector<domain::Constituent> donors;
  if (created > 0) {
    auto read = store::constituents::get_range(u, first_donor, first_donor + created - 1);
    if (!read) return read.status();
    donors = std::move(*read);
  }
  std::vector<domain::Gift> gifts;
  {
    soci::rowset<soci::row> rows =
        (u.sql().prepare << "SELECT " + std::string(store::gifts::detail::kGiftColumns) +
                                " FROM gifts g WHERE g.id BETWEEN :a AND :b ORDER BY g.id",
         soci::use(first_gift), soci::use(first_gift + n - 1));
    for (const soci::row& row : rows) gifts.push_back(store::gifts::detail::from_row(row));
  }
  {
    soci::rowset<soci::row> rows =
        (u.sql().prepare << "SELECT gift_id, fund_id, amount_minor, refunded_minor FROM "
                            "gift_allocations WHERE gift_id BETWEEN :a AND :b ORDER BY id",
         soci::use(first_gift), soci::use(first_gift + n - 1));
    for (const soci::row& row : rows) {
      store::RowReader r(row);
      long long gift_id = r.integer();
      domain::Gift& gift = gifts.at(static_cast<std::size_t>(gift_id - first_gift));
      domain::Allocation a;
      a.fund_id = r.integer();
      a.amount = {r.integer(), gift.amount.currency};
      a.refunded_minor = r.integer();
      gift.allocations.push_back(a);
    }
  }
  if (static_cast<long long>(donors.size()) != created || gifts.size() != queue_.size()) {
    return Status::internal("bulk import: wrote " + std::to_string(n) + " rows, read back " +
                            std::to_string(donors.size()) + " donors and " +
                            std::to_string(gifts.size()) + " gifts");
  }
  {  // record_audit, in the order apply_plan writes them
    const std::string& remote = u.actor().remote_addr;
    std::optional<std::string> remote_addr = domain::null_if_empty(remote);
    store::BulkWriter w(u, "audit_events",
                        {"actor", "action", "entity_type", "entity_id", "before_json", "after_json",
                         "remote_addr", "created_at", "updated_at"});
    auto audit = [&](const char* action, const char* type, long long id,
                     const nlohmann::json& after) {
      w.add(actor).add(action).add(type).add(id).null().add(after.dump()).add(remote_addr);
      w.add(now).add(now);
      w.end_row();
    };
    for (long long i = 0; i < n; ++i) {
      const long long donor = donor_ids[i];
      if (new_index[i] >= 0) {
        audit("create", "constituent", donor,
              store::constituents::to_json(donors[static_cast<std::size_t>(new_index[i])]));
      }
      if (email_ids[i]) {
        domain::Email e;
        e.id = *email_ids[i];
        e.constituent_id = donor;
        e.email = queue_[i].email->email;
        e.kind = queue_[i].email->kind;
        e.is_primary = true;
        audit("create", "email", e.id, store::contacts::email_json(e));
      }
      if (links[i]) {
        audit("link", "constituent", donor,
              {{"external_id",
                {{"source", processor}, {"external_id", queue_[i].record.donor_external_id}}}});
      }
      audit("create", "gift", first_gift + i, store::gifts::detail::to_json(gifts[i]));
    }
    w.finish();
  }
  // Giving summaries: each gift credits its donor only (no household, no soft credit).
  std::set<long long> credited(donor_ids.begin(), donor_ids.end());
  if (std::set<long long>* deferred = store::giving::deferred_ids(u)) {
    deferred->insert(credited.begin(), credited.end());
  } else if (Status s = store::giving::recompute_many(u, credited); !s) {
    return s;
  }

  // The row outcomes, as apply_gift sets them; written with the chunk's other outcomes.
  for (long long i = 0; i < n; ++i) {
    store::imports::ImportRow& row = *queue_[i].row;
    const RowPlan& plan = queue_[i].plan;
    row.outcome = "new_gift";
    row.constituent_id = donor_ids[i];
    row.gift_id = first_gift + i;
    row.fund_id = plan.fund_id.value_or(0);
    if (!row.decided_by) row.matched_by = plan.create_donor ? "new" : plan.matched_by;
    row.create_donor = plan.create_donor;
    row.message.reset();
    if (!plan.notes.empty()) row.message = plan.notes;
    row.committed = true;
    outcomes_.push_back(&row);
    ++totals.gifts;
    if (!queue_[i].known_donor) ++totals.donors_created;
    ++totals.committed;
  }
  bulk_rows_ += n;
  return Status::ok();
}

}  // namespace steward::engine::imports
