#include "store/mail_template_repository.hpp"

#include <nlohmann/json.hpp>

#include "domain/date.hpp"
#include "store/audit.hpp"
#include "store/row_reader.hpp"

namespace steward::store::mail_templates {
namespace {

const char* kMailTemplateColumns =
    "id, name, kind, language, version, subject, body_text, body_html, active, created_by, "
    "created_at";

// The current (highest) version of each name + language.
const char* kCurrent =
    "version = (SELECT MAX(t2.version) FROM mail_templates t2 "
    "WHERE t2.name = mail_templates.name AND t2.language = mail_templates.language)";

domain::MailTemplate mail_template_from_row(const soci::row& row) {
  RowReader r(row);
  domain::MailTemplate t;
  t.id = r.integer();
  t.name = r.text();
  t.kind = r.text();
  t.language = r.text();
  t.version = static_cast<int>(r.integer());
  t.subject = r.text();
  t.text = r.text();
  t.html = r.text();
  t.active = r.flag();
  t.created_by = r.text();
  t.created_at = r.timestamp();
  return t;
}

nlohmann::json mail_template_to_json(const domain::MailTemplate& t) {
  return {
      {"id", t.id},           {"name", t.name},       {"kind", t.kind}, {"language", t.language},
      {"version", t.version}, {"subject", t.subject}, {"text", t.text}, {"html", t.html},
      {"active", t.active}};
}

Result<std::vector<domain::MailTemplate>> mail_template_select(
    Unit& unit, const std::string& where, const std::vector<std::string>& binds,
    const std::string& order) {
  std::vector<domain::MailTemplate> out;
  const std::string sql = "SELECT " + std::string(kMailTemplateColumns) +
                          " FROM mail_templates WHERE " + where + " ORDER BY " + order;
  if (binds.empty()) {
    soci::rowset<soci::row> rows = (unit.sql().prepare << sql);
    for (const auto& row : rows) out.push_back(mail_template_from_row(row));
  } else if (binds.size() == 1) {
    soci::rowset<soci::row> rows = (unit.sql().prepare << sql, soci::use(binds[0]));
    for (const auto& row : rows) out.push_back(mail_template_from_row(row));
  } else {
    soci::rowset<soci::row> rows =
        (unit.sql().prepare << sql, soci::use(binds[0]), soci::use(binds[1]));
    for (const auto& row : rows) out.push_back(mail_template_from_row(row));
  }
  return out;
}

}  // namespace

Result<domain::MailTemplate> get(Unit& unit, long long id) {
  soci::row row;
  unit.sql() << "SELECT " + std::string(kMailTemplateColumns) +
                    " FROM mail_templates WHERE id = :id",
      soci::use(id), soci::into(row);
  if (!unit.sql().got_data()) {
    return Status::not_found("mail template " + std::to_string(id) + " does not exist");
  }
  return mail_template_from_row(row);
}

Result<domain::MailTemplate> current(Unit& unit, const std::string& name,
                                     const std::string& language) {
  auto rows = mail_template_select(unit, "name = :name AND language = :language", {name, language},
                                   "version DESC");
  if (!rows) return rows.status();
  if (rows->empty()) {
    return Status::not_found("mail template '" + name + "' (" + language + ") does not exist");
  }
  return rows->front();
}

Result<std::vector<domain::MailTemplate>> list_current(Unit& unit) {
  return mail_template_select(unit, kCurrent, {}, "name, language");
}

Result<std::vector<domain::MailTemplate>> history(Unit& unit, const std::string& name,
                                                  const std::string& language) {
  return mail_template_select(unit, "name = :name AND language = :language", {name, language},
                              "version DESC");
}

Result<std::optional<domain::MailTemplate>> for_kind(Unit& unit, const std::string& kind,
                                                     const std::string& language) {
  for (const std::string& lang : {language, std::string("en")}) {
    auto rows = mail_template_select(
        unit, std::string(kCurrent) + " AND kind = :kind AND language = :language", {kind, lang},
        "name");
    if (!rows) return rows.status();
    for (const auto& t : *rows) {
      if (t.active) return std::optional<domain::MailTemplate>(t);
    }
  }
  return std::optional<domain::MailTemplate>();
}

Result<domain::MailTemplate> save(Unit& unit, const domain::MailTemplateInput& input) {
  if (Status s = domain::validate(input); !s) return s;
  std::string other_kind;
  soci::indicator ind = soci::i_null;
  unit.sql() << "SELECT MIN(kind) FROM mail_templates WHERE name = :name AND kind <> :kind",
      soci::use(input.name), soci::use(input.kind), soci::into(other_kind, ind);
  if (ind == soci::i_ok) {
    return Status::conflict("mail template '" + input.name + "' is a " + other_kind +
                            " template; choose another name");
  }
  long long last = 0;
  soci::indicator last_ind = soci::i_null;
  unit.sql() << "SELECT MAX(version) FROM mail_templates WHERE name = :name AND language = :lang",
      soci::use(input.name), soci::use(input.language), soci::into(last, last_ind);
  int version = last_ind == soci::i_ok ? static_cast<int>(last) + 1 : 1;
  int active = input.active ? 1 : 0;
  std::string now = domain::utc_now_iso();
  long long id = 0;
  unit.sql() << "INSERT INTO mail_templates (name, kind, language, version, subject, body_text, "
                "body_html, active, created_by, created_at, updated_at) VALUES (:name, :kind, "
                ":language, :version, :subject, :text, :html, :active, :by, :c, :u) RETURNING id",
      soci::use(input.name), soci::use(input.kind), soci::use(input.language), soci::use(version),
      soci::use(input.subject), soci::use(input.text), soci::use(input.html), soci::use(active),
      soci::use(unit.actor().name), soci::use(now), soci::use(now), soci::into(id);
  auto saved = get(unit, id);
  if (saved)
    record_audit(unit, "create", "mail_template", id, nullptr, mail_template_to_json(*saved));
  return saved;
}

}  // namespace steward::store::mail_templates
