// `steward plugins ...`: the admin lifecycle of plugins (plugins/plugin_service.hpp).
//
//   steward plugins list [--json]
//   steward plugins info ID [--json]
//   steward plugins install PATH [--isolation in_process|isolated]
//   steward plugins enable ID | disable ID | approve ID | remove ID
//   steward plugins configure ID --set key=value ... [--isolation MODE]
//   steward plugins install-bundled [--from DIR] [--json]   (also done by `steward serve`)
#include <sys/stat.h>

#include <filesystem>
#include <iostream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "app/cli.hpp"
#include "app/cmd_helpers.hpp"
#include "plugins/bundled_plugins.hpp"
#include "plugins/file_safety.hpp"
#include "plugins/plugin_service.hpp"

namespace steward::app {
namespace {

namespace fs = std::filesystem;
using plugins::PluginRecord;

// The plugin directory; created (mode 0755) when missing so a first install just works.
fs::path plugin_dir(Context& ctx) {
  auto dir = plugins::ensure_plugin_directory(ctx.config.plugin_dir);
  if (!dir) stop(dir.status());
  return *dir;
}

void print_record(const PluginRecord& p) {
  std::cout << fmt::format("{}  {}  {}  state={}  enabled={}  isolation={}  file={}\n", p.plugin_id,
                           p.kind, p.version, p.state, p.enabled ? "yes" : "no", p.isolation,
                           p.file_name);
  if (p.last_error) std::cout << "  last error: " << *p.last_error << "\n";
}

template <typename F>
void write_and_print(Context& ctx, const std::string& verb, F fn) {
  auto& db = open_database(ctx);
  Result<PluginRecord> r = db.write(ctx.actor(), fn);
  if (!r) stop(r.status());
  std::cout << verb << " ";
  print_record(*r);
}

}  // namespace

void add_plugins_command(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand("plugins", "Install, enable, configure and remove plugins");
  cmd->require_subcommand(1);

  {
    auto* sub = cmd->add_subcommand("list", "Installed plugins and their state");
    auto json = std::make_shared<bool>(false);
    sub->add_flag("--json", *json, "print JSON");
    sub->callback([&ctx, json] {
      auto dir = plugin_dir(ctx);
      auto& db = open_database(ctx);
      auto list =
          db.write(ctx.actor(), [&](store::Unit& u) { return plugins::sync_plugins(u, dir); });
      if (!list) stop(list.status());
      if (*json) {
        nlohmann::json out = nlohmann::json::array();
        for (const auto& p : *list) out.push_back(store::plugin_records::to_json(p));
        std::cout << out.dump(2) << "\n";
        return;
      }
      if (list->empty())
        std::cout << "no plugins installed (plugin directory " << dir.string() << ")\n";
      for (const auto& p : *list) print_record(p);
    });
  }
  {
    auto* sub = cmd->add_subcommand("info", "One plugin: record and manifest");
    auto id = std::make_shared<std::string>();
    auto json = std::make_shared<bool>(false);
    sub->add_option("id", *id, "plugin id, e.g. org.steward.import.stripe")->required();
    sub->add_flag("--json", *json, "print JSON");
    sub->callback([&ctx, id, json] {
      auto dir = plugin_dir(ctx);
      auto& db = open_database(ctx);
      auto info = db.read([&](store::Unit& u) { return plugins::plugin_info(u, dir, *id); });
      if (!info) stop(info.status());
      nlohmann::json out = store::plugin_records::to_json(info->record);
      if (info->manifest) {
        const auto& m = *info->manifest;
        out["manifest"] = {
            {"id", m.id},
            {"kind", sdk::kind_name(m.kind)},
            {"version", m.version},
            {"name", m.name},
            {"description", m.description},
            {"author", m.author},
            {"license", m.license},
            {"sdk_api", std::to_string(m.api_major) + "." + std::to_string(m.api_minor)},
            {"config_schema",
             nlohmann::json::parse(m.config_schema.empty() ? "{}" : m.config_schema, nullptr,
                                   false)}};
      } else {
        out["load_problem"] = info->load_problem;
      }
      if (*json) {
        std::cout << out.dump(2) << "\n";
        return;
      }
      print_record(info->record);
      if (info->manifest) {
        std::cout << "  name: " << info->manifest->name << "\n"
                  << "  description: " << info->manifest->description << "\n"
                  << "  author: " << info->manifest->author << "\n"
                  << "  license: " << info->manifest->license << "\n"
                  << "  sdk api: " << out["manifest"]["sdk_api"].get<std::string>() << "\n"
                  << "  config: " << info->record.config << "\n";
        if (!info->manifest->config_schema.empty()) {
          std::cout << "  config schema: " << out["manifest"]["config_schema"].dump() << "\n";
        }
      } else {
        std::cout << "  cannot load: " << info->load_problem << "\n";
      }
    });
  }
  {
    auto* sub =
        cmd->add_subcommand("install", "Copy a plugin into the plugin directory (disabled)");
    auto path = std::make_shared<std::string>();
    auto isolation = std::make_shared<std::string>();
    sub->add_option("path", *path, "the plugin's .so file")->required();
    sub->add_option("--isolation", *isolation,
                    "in_process or isolated (default: isolated for importers)");
    sub->callback([&ctx, path, isolation] {
      auto dir = plugin_dir(ctx);
      std::optional<std::string> mode;
      if (!isolation->empty()) mode = *isolation;
      write_and_print(ctx, "installed",
                      [&](store::Unit& u) { return plugins::install_plugin(u, dir, *path, mode); });
    });
  }
  auto simple = [&](const char* name, const char* help, const char* verb, auto action) {
    auto* sub = cmd->add_subcommand(name, help);
    auto id = std::make_shared<std::string>();
    sub->add_option("id", *id, "plugin id")->required();
    sub->callback([&ctx, id, verb, action] {
      auto dir = plugin_dir(ctx);
      write_and_print(ctx, verb, [&](store::Unit& u) { return action(u, dir, *id); });
    });
  };
  simple("enable", "Enable a plugin (also approves a changed file)", "enabled",
         [](store::Unit& u, const fs::path& dir, const std::string& id) {
           return plugins::enable_plugin(u, dir, id);
         });
  simple("disable", "Disable a plugin", "disabled",
         [](store::Unit& u, const fs::path&, const std::string& id) {
           return plugins::disable_plugin(u, id);
         });
  simple("approve", "Accept a changed plugin file (records its new hash)", "approved",
         [](store::Unit& u, const fs::path& dir, const std::string& id) {
           return plugins::approve_plugin(u, dir, id);
         });
  {
    auto* sub = cmd->add_subcommand("configure", "Change a plugin's settings");
    auto id = std::make_shared<std::string>();
    auto sets = std::make_shared<std::vector<std::string>>();
    auto isolation = std::make_shared<std::string>();
    sub->add_option("id", *id, "plugin id")->required();
    sub->add_option("--set", *sets, "key=value (repeatable; key= removes the key)");
    sub->add_option("--isolation", *isolation, "in_process or isolated");
    sub->callback([&ctx, id, sets, isolation] {
      if (sets->empty() && isolation->empty()) {
        stop(Status::invalid_field("set", "give at least one --set key=value or --isolation"));
      }
      auto dir = plugin_dir(ctx);
      write_and_print(ctx, "configured", [&](store::Unit& u) -> Result<PluginRecord> {
        if (!isolation->empty()) {
          auto r = plugins::set_plugin_isolation(u, *id, *isolation);
          if (!r || sets->empty()) return r;
        }
        return plugins::configure_plugin(u, dir, *id, *sets);
      });
    });
  }
  {
    auto* sub =
        cmd->add_subcommand("install-bundled",
                            "Install and enable the built-in plugins not installed yet (serve does "
                            "this at start)");
    auto from = std::make_shared<std::string>();
    auto json = std::make_shared<bool>(false);
    sub->add_option("--from", *from, "folder of built-in plugins (default: <bin>/../plugins)");
    sub->add_flag("--json", *json, "print JSON");
    sub->callback([&ctx, from, json] {
      auto dir = plugin_dir(ctx);
      auto& db = open_database(ctx);
      fs::path bundled =
          plugins::bundled_plugin_dir(from->empty() ? ctx.config.bundled_plugin_dir : *from);
      auto outcomes = plugins::install_bundled_plugins(db, ctx.actor(), dir, bundled);
      if (!outcomes) stop(outcomes.status());
      if (*json) {
        nlohmann::json out = nlohmann::json::array();
        for (const auto& o : *outcomes) {
          out.push_back({{"file_name", o.file_name},
                         {"plugin_id", o.plugin_id},
                         {"action", o.action},
                         {"message", o.message}});
        }
        std::cout << out.dump(2) << "\n";
        return;
      }
      if (outcomes->empty()) std::cout << "no built-in plugins in " << bundled.string() << "\n";
      for (const auto& o : *outcomes) {
        std::cout << fmt::format("{}  {}  {}{}\n", o.file_name,
                                 o.plugin_id.empty() ? "-" : o.plugin_id, o.action,
                                 o.message.empty() ? "" : "  (" + o.message + ")");
      }
    });
  }
  {
    auto* sub = cmd->add_subcommand("remove", "Uninstall a plugin and delete its file");
    auto id = std::make_shared<std::string>();
    sub->add_option("id", *id, "plugin id")->required();
    sub->callback([&ctx, id] {
      auto dir = plugin_dir(ctx);
      auto& db = open_database(ctx);
      auto file = db.write(ctx.actor(),
                           [&](store::Unit& u) { return plugins::remove_plugin(u, dir, *id); });
      if (!file) stop(file.status());
      plugins::delete_plugin_file(dir, *file);
      std::cout << "removed " << *id << "\n";
    });
  }
}

}  // namespace steward::app
