#include "engine/import_detect.hpp"

#include <fstream>

#include "plugins/plugin_service.hpp"
#include "store/plugin_repository.hpp"

namespace steward::engine::imports {
namespace {

std::string list_scores(const std::vector<DetectScore>& scores) {
  std::string out;
  for (const auto& s : scores) {
    if (!out.empty()) out += ", ";
    out += s.plugin_id + "=" + std::to_string(s.score);
    if (!s.problem.empty()) out += " (" + s.problem + ")";
  }
  return out.empty() ? "no enabled importer plugins" : out;
}

}  // namespace

Result<std::string> pick_importer(const std::vector<DetectScore>& scores,
                                  const std::string& file_name) {
  const DetectScore* best = nullptr;
  bool tie = false;
  for (const auto& s : scores) {
    if (!best || s.score > best->score) {
      best = &s;
      tie = false;
    } else if (s.score == best->score) {
      tie = true;
    }
  }
  if (!best || best->score <= 0) {
    return Status::invalid_field("plugin", "no importer recognises " + file_name + " (" +
                                               list_scores(scores) + "); choose one with --plugin");
  }
  if (tie) {
    return Status::invalid_field("plugin", "several importers recognise " + file_name + " (" +
                                               list_scores(scores) + "); choose one with --plugin");
  }
  return best->plugin_id;
}

Result<std::string> read_head(const std::filesystem::path& path, std::size_t max) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::invalid_field("file", "cannot read " + path.string());
  std::string head(max, '\0');
  in.read(head.data(), static_cast<std::streamsize>(max));
  head.resize(static_cast<std::size_t>(in.gcount()));
  return head;
}

Result<OpenedImporter> open_importer(store::Database& db, const store::Actor& actor,
                                     const std::filesystem::path& plugin_dir,
                                     const plugins::IsolationOptions& isolation,
                                     const std::filesystem::path& file,
                                     const std::string& file_name,
                                     const std::optional<std::string>& plugin_override) {
  auto records = db.read([&](store::Unit& u) { return store::plugin_records::list(u); });
  if (!records) return records.status();
  std::vector<std::string> enabled;
  for (const auto& r : *records) {
    if (r.kind == "importer" && r.enabled && r.state == "enabled") enabled.push_back(r.plugin_id);
  }
  auto open = [&](const std::string& id) {
    return db.write(
        actor, [&](store::Unit& u) { return plugins::open_plugin(u, plugin_dir, id, isolation); });
  };
  OpenedImporter chosen;
  if (plugin_override) {
    bool found = false;
    for (const auto& id : enabled) found = found || id == *plugin_override;
    if (!found) {
      std::string names;
      for (const auto& id : enabled) names += (names.empty() ? "" : ", ") + id;
      return Status::invalid_field("plugin", *plugin_override +
                                                 " is not an enabled importer (enabled: " +
                                                 (names.empty() ? "none" : names) + ")");
    }
    auto handle = open(*plugin_override);
    if (!handle) return handle.status();
    chosen.plugin_id = *plugin_override;
    chosen.handle = std::move(*handle);
    return chosen;
  }
  auto head = read_head(file);
  if (!head) return head.status();
  std::vector<std::unique_ptr<plugins::PluginHandle>> handles;
  for (const auto& id : enabled) {
    DetectScore score{id, 0, ""};
    auto handle = open(id);
    if (!handle) {
      score.problem = handle.status().message();
      handles.emplace_back();
    } else {
      auto detected = (*handle)->detect(file_name, *head);
      if (detected) {
        score.score = *detected;
      } else {
        score.problem = detected.status().message();
      }
      handles.push_back(std::move(*handle));
    }
    chosen.scores.push_back(score);
  }
  auto winner = pick_importer(chosen.scores, file_name);
  if (!winner) return winner.status();
  for (std::size_t i = 0; i < chosen.scores.size(); ++i) {
    if (chosen.scores[i].plugin_id == *winner) chosen.handle = std::move(handles[i]);
  }
  chosen.plugin_id = *winner;
  return chosen;
}

}  // namespace steward::engine::imports
