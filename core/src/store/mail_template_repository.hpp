// Mail templates in the database (migration 0010). Saving never overwrites: each save inserts
// the next version of (name, language), audited; rows are append-only (triggers refuse UPDATE
// and DELETE). The current version of a template is its highest version.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/mail_template.hpp"
#include "store/database.hpp"

namespace steward::store::mail_templates {

// Inserts the next version (1 for a new name + language). Errors: kInvalid naming the field;
// kConflict when the name is already used with another kind.
Result<domain::MailTemplate> save(Unit& unit, const domain::MailTemplateInput& input);
// One version by id. Errors: kNotFound.
Result<domain::MailTemplate> get(Unit& unit, long long id);
// The current version of name + language. Errors: kNotFound.
Result<domain::MailTemplate> current(Unit& unit, const std::string& name,
                                     const std::string& language);
// The current version of every template, ordered by name then language.
Result<std::vector<domain::MailTemplate>> list_current(Unit& unit);
// Every version of name + language, newest first.
Result<std::vector<domain::MailTemplate>> history(Unit& unit, const std::string& name,
                                                  const std::string& language);
// The template to use for a kind: the current, active version in `language` (by name order),
// falling back to "en". std::nullopt when there is none.
Result<std::optional<domain::MailTemplate>> for_kind(Unit& unit, const std::string& kind,
                                                     const std::string& language);

}  // namespace steward::store::mail_templates
