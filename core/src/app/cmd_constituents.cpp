// steward constituents add|show|list|delete|restore|tag|untag
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/cli.hpp"
#include "app/constituent_view.hpp"
#include "store/constituent_repository.hpp"
#include "store/contact_repository.hpp"
#include "store/tag_repository.hpp"

namespace steward::app {
namespace {

struct AddArgs {
  domain::ConstituentInput input;
  std::string first, middle, last, preferred, org, display, org_type, salutation, addressee, source,
      notes, custom;
  std::vector<std::string> emails, phones;
};

std::optional<std::string> constituent_opt(const std::string& s) {
  if (s.empty()) return std::nullopt;
  return s;
}

store::Database& constituent_open(Context& ctx) {
  store::Database* db = ctx.database();
  if (!db) throw CLI::RuntimeError(1);
  return *db;
}

void constituent_add_add(CLI::App& group, Context& ctx) {
  auto a = std::make_shared<AddArgs>();
  auto* cmd = group.add_subcommand("add", "add a person, household or organization");
  cmd->add_option("--kind", a->input.kind, "individual (default), household or organization");
  cmd->add_option("--first", a->first, "first (given) name");
  cmd->add_option("--middle", a->middle, "middle name");
  cmd->add_option("--last", a->last, "last (family) name");
  cmd->add_option("--preferred", a->preferred, "preferred name / nickname");
  cmd->add_option("--org-name", a->org, "organization name");
  cmd->add_option("--org-type", a->org_type, "church, foundation, business or other");
  cmd->add_option("--display-name", a->display, "name shown in lists (default: computed)");
  cmd->add_option("--salutation", a->salutation, "letter greeting, e.g. \"Dear Grace\"");
  cmd->add_option("--addressee", a->addressee, "envelope name, e.g. \"Mr. and Mrs. Kim\"");
  cmd->add_option("--source", a->source, "how they came to us");
  cmd->add_option("--notes", a->notes, "free notes");
  cmd->add_option("--custom", a->custom, "custom fields as a JSON object");
  cmd->add_option("--email", a->emails, "email address (repeatable; the first is primary)");
  cmd->add_option("--phone", a->phones, "phone number (repeatable; the first is primary)");
  cmd->add_flag("--restricted", a->input.restricted,
                "only users allowed restricted records see it");
  cmd->add_flag("--do-not-email", a->input.do_not_email, "never email");
  cmd->add_flag("--do-not-mail", a->input.do_not_mail, "never send post");
  cmd->add_flag("--do-not-call", a->input.do_not_call, "never phone");
  cmd->add_flag("--do-not-solicit", a->input.do_not_solicit, "never ask for gifts");
  cmd->add_flag("--anonymous", a->input.anonymous_giver, "gives anonymously");
  cmd->callback([&ctx, a] {
    domain::ConstituentInput in = a->input;
    in.first_name = constituent_opt(a->first);
    in.middle_name = constituent_opt(a->middle);
    in.last_name = constituent_opt(a->last);
    in.preferred_name = constituent_opt(a->preferred);
    in.organization_name = constituent_opt(a->org);
    in.organization_type = constituent_opt(a->org_type);
    in.display_name = constituent_opt(a->display);
    in.salutation = constituent_opt(a->salutation);
    in.addressee = constituent_opt(a->addressee);
    in.source = constituent_opt(a->source);
    in.notes = constituent_opt(a->notes);
    if (!a->custom.empty()) in.custom_fields = a->custom;
    auto made = constituent_open(ctx).write(ctx.actor(),
                                            [&](store::Unit& u) -> Result<domain::Constituent> {
                                              auto c = store::constituents::create(u, in);
                                              if (!c) return c;
                                              for (const std::string& e : a->emails) {
                                                auto r = store::contacts::add_email(u, c->id, {e});
                                                if (!r) return r.status();
                                              }
                                              for (const std::string& p : a->phones) {
                                                auto r = store::contacts::add_phone(u, c->id, {p});
                                                if (!r) return r.status();
                                              }
                                              return c;
                                            });
    if (!made) throw CLI::RuntimeError(fail(made.status()));
    std::cout << "created constituent " << made->id << ": " << made->name() << "\n";
  });
}

void constituent_add_show(CLI::App& group, Context& ctx) {
  auto id = std::make_shared<long long>(0);
  auto json = std::make_shared<bool>(false);
  auto* cmd = group.add_subcommand("show", "show one constituent with contacts, tags, household");
  cmd->add_option("id", *id, "constituent id")->required();
  cmd->add_flag("--json", *json, "print JSON");
  cmd->callback([&ctx, id, json] {
    auto view = constituent_open(ctx).read([&](store::Unit& u) { return load_view(u, *id); });
    if (!view) throw CLI::RuntimeError(fail(view.status()));
    if (*json) {
      std::cout << view_json(*view).dump(2) << "\n";
    } else {
      print_view(std::cout, *view);
    }
  });
}

struct ListArgs {
  std::string search, kind, tag;
  int limit = 50;
  long long after = 0;
  bool deleted = false;
  bool json = false;
};

void constituent_add_list(CLI::App& group, Context& ctx) {
  auto a = std::make_shared<ListArgs>();
  auto* cmd = group.add_subcommand("list", "list constituents by sort name");
  cmd->add_option("--search", a->search, "text in a name, email, phone or postal code");
  cmd->add_option("--kind", a->kind, "individual, household or organization");
  cmd->add_option("--tag", a->tag, "only constituents with this tag");
  cmd->add_option("--limit", a->limit, "rows per page (default 50)");
  cmd->add_option("--after", a->after, "continue after this id (printed at the end of a page)");
  cmd->add_flag("--include-deleted", a->deleted, "also list deleted constituents");
  cmd->add_flag("--json", a->json, "print JSON");
  cmd->callback([&ctx, a] {
    auto page =
        constituent_open(ctx).read([&](store::Unit& u) -> Result<store::Page<domain::Constituent>> {
          store::constituents::ListFilter f;
          if (!a->search.empty()) f.search = a->search;
          if (!a->kind.empty()) f.kind = a->kind;
          if (!a->tag.empty()) {
            auto t = store::tags::get_by_name(u, a->tag);
            if (!t) return Status::invalid_field("tag", t.status().message());
            f.tag_id = t->id;
          }
          f.include_deleted = a->deleted;
          f.page.limit = a->limit;
          f.page.after_id = a->after;
          return store::constituents::list(u, f);
        });
    if (!page) throw CLI::RuntimeError(fail(page.status()));
    if (a->json) {
      nlohmann::json j = {{"items", nlohmann::json::array()}};
      for (const auto& c : page->items) j["items"].push_back(store::constituents::to_json(c));
      if (page->next_after_id) j["next_after"] = *page->next_after_id;
      std::cout << j.dump(2) << "\n";
      return;
    }
    for (const auto& c : page->items) {
      std::cout << c.id << "\t" << c.kind << "\t" << c.name() << (c.deleted() ? "\t(deleted)" : "")
                << "\n";
    }
    if (page->next_after_id) std::cout << "more: --after " << *page->next_after_id << "\n";
  });
}

void add_delete_restore(CLI::App& group, Context& ctx) {
  auto del_id = std::make_shared<long long>(0);
  auto* del = group.add_subcommand("delete", "soft-delete a constituent (restore brings it back)");
  del->add_option("id", *del_id, "constituent id")->required();
  del->callback([&ctx, del_id] {
    Status s = constituent_open(ctx).write(
        ctx.actor(), [&](store::Unit& u) { return store::constituents::soft_delete(u, *del_id); });
    if (!s) throw CLI::RuntimeError(fail(s));
    std::cout << "deleted constituent " << *del_id << "\n";
  });
  auto res_id = std::make_shared<long long>(0);
  auto* res = group.add_subcommand("restore", "bring back a deleted constituent");
  res->add_option("id", *res_id, "constituent id")->required();
  res->callback([&ctx, res_id] {
    auto c = constituent_open(ctx).write(
        ctx.actor(), [&](store::Unit& u) { return store::constituents::restore(u, *res_id); });
    if (!c) throw CLI::RuntimeError(fail(c.status()));
    std::cout << "restored constituent " << c->id << ": " << c->name() << "\n";
  });
}

void add_tagging(CLI::App& group, Context& ctx, bool tagging) {
  auto id = std::make_shared<long long>(0);
  auto tag = std::make_shared<std::string>();
  auto* cmd = group.add_subcommand(tagging ? "tag" : "untag",
                                   tagging ? "tag a constituent (the tag is created if new)"
                                           : "remove a tag from a constituent");
  cmd->add_option("id", *id, "constituent id")->required();
  cmd->add_option("tag", *tag, "tag name")->required();
  cmd->callback([&ctx, id, tag, tagging] {
    Status s = constituent_open(ctx).write(ctx.actor(), [&](store::Unit& u) -> Status {
      if (tagging) {
        auto t = store::tags::find_or_create(u, *tag);
        if (!t) return t.status();
        return store::tags::tag(u, *id, t->id);
      }
      auto t = store::tags::get_by_name(u, *tag);
      if (!t) return t.status();
      return store::tags::untag(u, *id, t->id);
    });
    if (!s) throw CLI::RuntimeError(fail(s));
    std::cout << (tagging ? "tagged " : "untagged ") << *id << " '" << *tag << "'\n";
  });
}

}  // namespace

void add_constituents_command(CLI::App& app, Context& ctx) {
  auto* group = app.add_subcommand("constituents", "people, households and organizations");
  group->require_subcommand(1);
  constituent_add_add(*group, ctx);
  constituent_add_show(*group, ctx);
  constituent_add_list(*group, ctx);
  add_delete_restore(*group, ctx);
  add_tagging(*group, ctx, true);
  add_tagging(*group, ctx, false);
}

}  // namespace steward::app
