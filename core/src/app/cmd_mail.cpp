// steward mail: thank-yous, templates and mail settings (docs/mail.md).
//   steward mail settings show | set KEY VALUE
//   steward mail templates list [--json]
//   steward mail templates show NAME [--language L] [--version N] [--json]
//   steward mail templates edit NAME --language L [--kind K] [--subject S] [--text-file F]
//                                    [--html-file F] [--active|--inactive]   (a new version)
//   steward mail templates preview [NAME] --constituent ID [--gift ID] [--language L] [--json]
//   steward mail ack-queue ...   steward mail thank ...   (cmd_mail_send.cpp)
#include "app/cmd_mail.hpp"
#include "app/mail_run_cli.hpp"

#include <fmt/format.h>

#include <fstream>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>

#include "app/cmd_helpers.hpp"
#include "engine/mail_starter_templates.hpp"
#include "engine/thank_you_sender.hpp"
#include "store/mail_settings.hpp"
#include "store/mail_template_repository.hpp"

namespace steward::app {
namespace {

nlohmann::json cli_template_json(const domain::MailTemplate& t) {
  return {{"id", t.id},
          {"name", t.name},
          {"kind", t.kind},
          {"language", t.language},
          {"version", t.version},
          {"active", t.active},
          {"subject", t.subject},
          {"text", t.text},
          {"html", t.html},
          {"created_by", t.created_by},
          {"created_at", t.created_at}};
}

// Installs the starter templates when mail is used for the first time.
void cli_ensure_templates(Context& ctx, store::Database& db) {
  auto installed =
      db.write(ctx.actor(), [](store::Unit& u) { return engine::install_starter_templates(u); });
  if (!installed) stop(installed.status());
}

std::string read_template_file(const std::string& path, const std::string& field) {
  std::ifstream in(path, std::ios::binary);
  if (!in) stop(Status::invalid_field(field, "cannot read " + path));
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

void add_settings(CLI::App& mail, Context& ctx) {
  auto* settings = mail.add_subcommand("settings", "Show or set mail settings (mail.*)");
  settings->require_subcommand(1);
  auto* show = settings->add_subcommand("show", "Show the mail settings");
  show->callback([&ctx] {
    auto& db = open_database(ctx);
    auto s = db.read([](store::Unit& u) { return store::mail_settings::get(u); });
    if (!s) stop(s.status());
    std::cout << "mail.from                 " << s->from << "\n"
              << "mail.mailer               " << s->mailer << "\n"
              << "mail.default_language     " << s->default_language << "\n"
              << "mail.personal_call_minor  " << s->personal_call_minor << "\n"
              << "mail.org_address          " << s->org_address << "\n"
              << "mail.org_phone            " << s->org_phone << "\n"
              << "mail.org_email            " << s->org_email << "\n"
              << "mail.org_website          " << s->org_website << "\n"
              << "mail.tax_id               " << s->tax_id << "\n"
              << "mail.signer_name          " << s->signer_name << "\n"
              << "mail.signer_title         " << s->signer_title << "\n"
              << "mail.paper_size           " << s->paper_size << "\n"
              << "mail.statement_year       " << s->statement_year << "\n"
              << "mail.public_url           " << s->public_url << "\n"
              << "mail.appeal_rate_per_minute " << s->appeal_rate_per_minute << "\n"
              << "mail.thank_within_hours   " << s->thank_within_hours << "\n"
              << "mail.legal_text           " << s->legal_text << "\n";
  });
  auto* set = settings->add_subcommand("set", "Set one mail setting");
  auto key = std::make_shared<std::string>();
  auto value = std::make_shared<std::string>();
  set->add_option("key", *key, "mail.from, mail.mailer, ...")->required();
  set->add_option("value", *value, "the value (\"\" clears it)")->required();
  set->callback([&ctx, key, value] {
    auto& db = open_database(ctx);
    Status s = db.write(ctx.actor(),
                        [&](store::Unit& u) { return store::mail_settings::set(u, *key, *value); });
    if (!s) stop(s);
    std::cout << "set " << *key << "\n";
  });
}

void add_templates_list_show(CLI::App& templates, Context& ctx) {
  auto* list = templates.add_subcommand("list", "The current version of every template");
  auto json = std::make_shared<bool>(false);
  list->add_flag("--json", *json, "print JSON");
  list->callback([&ctx, json] {
    auto& db = open_database(ctx);
    cli_ensure_templates(ctx, db);
    auto all = db.read([](store::Unit& u) { return store::mail_templates::list_current(u); });
    if (!all) stop(all.status());
    if (*json) {
      nlohmann::json out = nlohmann::json::array();
      for (const auto& t : *all) out.push_back(cli_template_json(t));
      std::cout << out.dump(2) << "\n";
      return;
    }
    for (const auto& t : *all) {
      std::cout << fmt::format("{:<22} {:<3} {:<17} v{:<3} {:<8} {}\n", t.name, t.language, t.kind,
                               t.version, t.active ? "active" : "inactive", t.subject);
    }
  });

  auto* show = templates.add_subcommand("show", "One template (current version by default)");
  auto name = std::make_shared<std::string>();
  auto language = std::make_shared<std::string>("en");
  auto version = std::make_shared<int>(0);
  auto show_json = std::make_shared<bool>(false);
  show->add_option("name", *name, "template name, e.g. thank-you-email")->required();
  show->add_option("--language", *language, "en, ko, ...");
  show->add_option("--version", *version, "an older version");
  show->add_flag("--json", *show_json, "print JSON");
  show->callback([&ctx, name, language, version, show_json] {
    auto& db = open_database(ctx);
    cli_ensure_templates(ctx, db);
    auto found = db.read([&](store::Unit& u) -> Result<domain::MailTemplate> {
      if (*version == 0) return store::mail_templates::current(u, *name, *language);
      auto all = store::mail_templates::history(u, *name, *language);
      if (!all) return all.status();
      for (const auto& t : *all) {
        if (t.version == *version) return t;
      }
      return Status::not_found("mail template '" + *name + "' (" + *language + ") has no version " +
                               std::to_string(*version));
    });
    if (!found) stop(found.status());
    if (*show_json) {
      std::cout << cli_template_json(*found).dump(2) << "\n";
      return;
    }
    std::cout << "name:     " << found->name << " (" << found->kind << ", " << found->language
              << ", version " << found->version << (found->active ? "" : ", inactive") << ")\n"
              << "subject:  " << found->subject << "\n\n--- text ---\n"
              << found->text << "\n";
    if (!found->html.empty()) std::cout << "--- html ---\n" << found->html << "\n";
  });
}

void add_templates_edit(CLI::App& templates, Context& ctx) {
  auto* edit = templates.add_subcommand(
      "edit", "Save a new version of a template (unchanged parts are kept from the current one)");
  struct Args {
    std::string name, language = "en", kind, subject, text_file, html_file;
    bool active = false, inactive = false;
  };
  auto a = std::make_shared<Args>();
  edit->add_option("name", a->name, "template name")->required();
  edit->add_option("--language", a->language, "en, ko, ...");
  edit->add_option("--kind", a->kind,
                   "for a new template: thank_you_email, thank_you_letter, tribute, year_end, "
                   "appeal");
  edit->add_option("--subject", a->subject, "the subject line (Mustache)");
  edit->add_option("--text-file", a->text_file, "a file holding the plain-text body");
  edit->add_option("--html-file", a->html_file, "a file holding the HTML body");
  edit->add_flag("--active", a->active, "use this template");
  edit->add_flag("--inactive", a->inactive, "retire this template");
  edit->callback([&ctx, a] {
    auto& db = open_database(ctx);
    cli_ensure_templates(ctx, db);
    domain::MailTemplateInput in;
    in.name = a->name;
    in.language = a->language;
    auto current = db.read(
        [&](store::Unit& u) { return store::mail_templates::current(u, a->name, a->language); });
    if (current) {
      in = *current;
    } else if (current.status().code() != StatusCode::kNotFound) {
      stop(current.status());
    }
    if (!a->kind.empty()) in.kind = a->kind;
    if (!a->subject.empty()) in.subject = a->subject;
    if (!a->text_file.empty()) in.text = read_template_file(a->text_file, "text-file");
    if (!a->html_file.empty()) in.html = read_template_file(a->html_file, "html-file");
    if (a->active) in.active = true;
    if (a->inactive) in.active = false;
    auto saved =
        db.write(ctx.actor(), [&](store::Unit& u) { return store::mail_templates::save(u, in); });
    if (!saved) stop(saved.status());
    std::cout << "saved " << saved->name << " (" << saved->language << ") version "
              << saved->version << "\n";
  });
}

void add_templates_preview(CLI::App& templates, Context& ctx) {
  auto* preview = templates.add_subcommand(
      "preview", "Render a template for a donor and gift without sending anything");
  struct Args {
    std::string name, language;
    long long constituent = 0, gift = 0;
    bool json = false;
  };
  auto a = std::make_shared<Args>();
  preview->add_option("name", a->name, "template name (default: the thank-you email)");
  preview->add_option("--constituent", a->constituent, "the donor's id")->required();
  preview->add_option("--gift", a->gift, "the gift's id (default: the donor's latest gift)");
  preview->add_option("--language", a->language, "en, ko (default: the donor's language)");
  preview->add_flag("--json", a->json, "print JSON (with the merge fields)");
  preview->callback([&ctx, a] {
    auto& db = open_database(ctx);
    cli_ensure_templates(ctx, db);
    auto p = db.read([&](store::Unit& u) {
      return engine::preview_mail(
          u, a->constituent, a->gift ? std::optional<long long>(a->gift) : std::nullopt,
          a->name.empty() ? std::nullopt : std::optional<std::string>(a->name),
          a->language.empty() ? std::nullopt : std::optional<std::string>(a->language));
    });
    if (!p) stop(p.status());
    if (a->json) {
      nlohmann::json out = {{"template_id", p->template_id},
                            {"template_version", p->template_version},
                            {"language", p->language},
                            {"subject", p->rendered.subject},
                            {"text", p->rendered.text},
                            {"html", p->rendered.html},
                            {"fields", p->fields}};
      std::cout << out.dump(2) << "\n";
      return;
    }
    std::cout << "Subject: " << p->rendered.subject << "\n\n" << p->rendered.text << "\n";
  });
}

}  // namespace

void add_mail_command(CLI::App& app, Context& ctx) {
  auto* mail = app.add_subcommand("mail", "Thank-you emails, templates and mail settings");
  mail->require_subcommand(1);
  add_settings(*mail, ctx);
  auto* templates = mail->add_subcommand("templates", "Mail templates (Mustache), versioned");
  templates->require_subcommand(1);
  add_templates_list_show(*templates, ctx);
  add_templates_edit(*templates, ctx);
  add_templates_preview(*templates, ctx);
  add_mail_send_commands(*mail, ctx);
  add_mail_statements_command(*mail, ctx);
  add_mail_clear_stuck_command(*mail, ctx);
  add_mail_runs_command(*mail, ctx);
  add_mail_tribute_command(*mail, ctx);
  add_mail_appeal_command(*mail, ctx);
}

}  // namespace steward::app
