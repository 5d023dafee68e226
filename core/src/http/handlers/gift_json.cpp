#include "http/handlers/gift_json.hpp"

#include "http/json_body.hpp"

namespace steward::http {
nlohmann::json gift_json(const domain::Gift& g) {
  const std::string& cur = g.amount.currency;
  nlohmann::json allocations = nlohmann::json::array();
  for (const domain::Allocation& a : g.allocations) {
    allocations.push_back({{"fund_id", a.fund_id},
                           {"amount", money_json(a.amount)},
                           {"refunded", money_json({a.refunded_minor, cur})}});
  }
  nlohmann::json credits = nlohmann::json::array();
  for (const domain::SoftCredit& s : g.soft_credits) {
    credits.push_back(
        {{"constituent_id", s.constituent_id}, {"amount", money_json(s.amount)}, {"role", s.role}});
  }
  nlohmann::json tribute = nullptr;
  if (g.tribute) {
    tribute = {{"type", g.tribute->type},
               {"name", g.tribute->name},
               {"notify_id", optional_json(g.tribute->notify_id)},
               {"notify_name", optional_json(g.tribute->notify_name)}};
  }
  return {{"id", g.id},
          {"constituent_id", g.constituent_id},
          {"received_on", g.received_on},
          {"amount", money_json(g.amount)},
          {"base_amount", money_json({g.base_amount_minor, g.base_currency})},
          {"fee", money_json({g.fee_minor, cur})},
          {"refunded", money_json({g.refunded_minor, cur})},
          {"payment_method", g.payment_method},
          {"check_number", optional_json(g.check_number)},
          {"status", g.status},
          {"source", optional_json(g.source)},
          {"external_id", optional_json(g.external_id)},
          {"campaign_id", optional_json(g.campaign_id)},
          {"appeal_id", optional_json(g.appeal_id)},
          {"recurring_plan_id", optional_json(g.recurring_plan_id)},
          {"pledge_id", optional_json(g.pledge_id)},
          {"tribute", tribute},
          {"anonymous", g.anonymous},
          {"in_kind_description", optional_json(g.in_kind_description)},
          {"batch_id", optional_json(g.batch_id)},
          {"notes", optional_json(g.notes)},
          {"acknowledged_at", optional_json(g.acknowledged_at)},
          {"acknowledgment_method", optional_json(g.acknowledgment_method)},
          {"allocations", allocations},
          {"soft_credits", credits},
          {"created_by", optional_json(g.created_by)},
          {"version", g.version},
          {"created_at", g.created_at},
          {"updated_at", g.updated_at}};
}

nlohmann::json batch_json(const domain::GiftBatch& b) {
  const std::string& cur = b.expected_total.currency;
  return {{"id", b.id},
          {"name", b.name},
          {"status", b.status},
          {"expected_count", b.expected_count},
          {"expected_total", money_json(b.expected_total)},
          {"actual_count", b.actual_count},
          {"actual_total", money_json({b.actual_total_minor, cur})},
          {"closed_at", optional_json(b.closed_at)},
          {"created_by", optional_json(b.created_by)},
          {"created_at", b.created_at}};
}

nlohmann::json match_json(const engine::MatchOutcome& m) {
  return {
      {"result", engine::to_string(m.result)},
      {"plan_id", optional_json(m.plan_id)},
      {"installment_on",
       m.installment_on ? nlohmann::json(m.installment_on->to_string()) : nullptr},
      {"matched_by", m.matched_by.empty() ? nlohmann::json(nullptr) : nlohmann::json(m.matched_by)},
      {"reactivated", m.reactivated},
      {"message", m.message}};
}

Result<domain::GiftInput> read_gift(JsonReader& in,
                                    std::optional<std::string>* processor_reference) {
  domain::GiftInput g;
  g.constituent_id = in.integer("constituent_id", true).value_or(0);
  g.received_on = in.text("received_on", true).value_or("");
  g.amount = in.money("amount", true).value_or(sdk::Money{});
  g.base_amount = in.money("base_amount", false);
  g.exchange_rate = in.text("exchange_rate", false);
  auto fee = in.money("fee", false);
  if (fee) g.fee_minor = fee->minor;
  g.payment_method = in.text("payment_method", false).value_or("cash");
  g.check_number = in.text("check_number", false);
  g.status = in.text("status", false).value_or("completed");
  g.source = in.text("source", false);
  g.external_id = in.text("external_id", false);
  g.campaign_id = in.integer("campaign_id", false);
  g.appeal_id = in.integer("appeal_id", false);
  g.recurring_plan_id = in.integer("recurring_plan_id", false);
  g.pledge_id = in.integer("pledge_id", false);
  g.anonymous = in.boolean("anonymous", false).value_or(false);
  g.in_kind_description = in.text("in_kind_description", false);
  g.batch_id = in.integer("batch_id", false);
  g.notes = in.text("notes", false);
  if (const nlohmann::json* t = in.object("tribute", false)) {
    JsonReader tr(*t, "tribute.");
    domain::Tribute tribute;
    tribute.type = tr.text("type", true).value_or("");
    tribute.name = tr.text("name", true).value_or("");
    tribute.notify_id = tr.integer("notify_id", false);
    tribute.notify_name = tr.text("notify_name", false);
    if (Status s = tr.finish(); !s) return s;
    g.tribute = tribute;
  }
  if (const nlohmann::json* list = in.array("allocations", true)) {
    for (std::size_t i = 0; i < list->size(); ++i) {
      std::string prefix = "allocations[" + std::to_string(i) + "].";
      if (!(*list)[i].is_object()) return Status::invalid_field(prefix + "", "must be an object");
      JsonReader a((*list)[i], prefix);
      domain::Allocation alloc;
      alloc.fund_id = a.integer("fund_id", true).value_or(0);
      alloc.amount = a.money("amount", true).value_or(sdk::Money{});
      a.ignore("refunded");
      if (Status s = a.finish(); !s) return s;
      g.allocations.push_back(alloc);
    }
  }
  if (const nlohmann::json* list = in.array("soft_credits", false)) {
    for (std::size_t i = 0; i < list->size(); ++i) {
      std::string prefix = "soft_credits[" + std::to_string(i) + "].";
      if (!(*list)[i].is_object()) return Status::invalid_field(prefix + "", "must be an object");
      JsonReader c((*list)[i], prefix);
      domain::SoftCredit credit;
      credit.constituent_id = c.integer("constituent_id", true).value_or(0);
      credit.amount = c.money("amount", true).value_or(sdk::Money{});
      credit.role = c.text("role", false).value_or("other");
      if (Status s = c.finish(); !s) return s;
      g.soft_credits.push_back(credit);
    }
  }
  if (fee && fee->currency != g.amount.currency) {
    in.error("fee.currency", "must be the gift's currency");
  }
  // An echoed base amount in the gift's own currency says nothing new.
  if (g.base_amount && g.base_amount->currency == g.amount.currency) g.base_amount.reset();
  if (processor_reference) *processor_reference = in.text("processor_reference", false);
  for (const char* echoed : {"id", "created_at", "updated_at", "created_by", "version", "refunded",
                             "acknowledged_at", "acknowledgment_method", "plan_match"}) {
    in.ignore(echoed);
  }
  if (Status s = in.finish(); !s) return s;
  return g;
}

}  // namespace steward::http
