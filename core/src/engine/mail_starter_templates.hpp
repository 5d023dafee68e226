// The starter templates every organisation begins with, in English and Korean: a thank-you
// email, a thank-you letter, a tribute notification, a year-end statement and an appeal.
// Installed (version 1) the first time mail is used; a fundraiser edits them from there (each
// save a new version). Re-installing never touches a template that exists.
#pragma once

#include <vector>

#include "domain/mail_template.hpp"
#include "store/database.hpp"

namespace steward::engine {

const std::vector<domain::MailTemplateInput>& starter_templates();

// Saves each starter template whose name + language has no version yet. Returns how many.
Result<int> install_starter_templates(store::Unit& unit);

}  // namespace steward::engine
