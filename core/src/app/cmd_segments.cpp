// steward segments add|list|show|update|count|members|delete: saved segments and ad-hoc filters
// (the filter language is in docs/segments.md). A segment is named by its id or its name.
#include <iostream>
#include <memory>

#include <nlohmann/json.hpp>

#include "app/cli.hpp"
#include "engine/segment_service.hpp"
#include "store/segment_repository.hpp"

namespace steward::app {
namespace {

struct SegmentArgs {
  std::string segment;  // id or name
  std::string name;
  std::string filter;
  std::string description;
  int limit = 50;
  long long after = 0;
  bool json = false;
};

store::Database& segment_open(Context& ctx) {
  store::Database* db = ctx.database();
  if (!db) throw CLI::RuntimeError(1);
  return *db;
}

[[noreturn]] void failed(const Status& s) { throw CLI::RuntimeError(fail(s)); }

bool segment_all_digits(const std::string& s) {
  return !s.empty() && s.find_first_not_of("0123456789") == std::string::npos;
}

Result<domain::Segment> find(store::Unit& u, const std::string& ref) {
  if (segment_all_digits(ref)) return store::segments::get(u, std::stoll(ref));
  return store::segments::get_by_name(u, ref);
}

// The filter text to run: --filter, or the saved segment's filter.
std::string filter_of(Context& ctx, const SegmentArgs& a) {
  if (!a.filter.empty() && !a.segment.empty()) {
    failed(Status::invalid("give a segment or --filter, not both"));
  }
  if (!a.filter.empty()) return a.filter;
  if (a.segment.empty()) failed(Status::invalid("give a segment id or name, or --filter JSON"));
  auto seg = segment_open(ctx).read([&](store::Unit& u) { return find(u, a.segment); });
  if (!seg) failed(seg.status());
  return seg->filter;
}

nlohmann::json cli_segment_json(const domain::Segment& s) {
  nlohmann::json j = {{"id", s.id},
                      {"name", s.name},
                      {"filter", nlohmann::json::parse(s.filter)},
                      {"created_at", s.created_at},
                      {"updated_at", s.updated_at}};
  j["description"] = s.description ? nlohmann::json(*s.description) : nlohmann::json();
  j["created_by"] = s.created_by ? nlohmann::json(*s.created_by) : nlohmann::json();
  return j;
}

void segment_add_add(CLI::App& group, Context& ctx) {
  auto a = std::make_shared<SegmentArgs>();
  auto* cmd = group.add_subcommand("add", "save a new segment");
  cmd->add_option("name", a->name, "segment name (unique)")->required();
  cmd->add_option("--filter", a->filter, "filter JSON, e.g. '{\"tag\":\"Board\"}'")->required();
  cmd->add_option("--description", a->description, "what the segment is for");
  cmd->callback([&ctx, a] {
    domain::SegmentInput in;
    in.name = a->name;
    in.filter = a->filter;
    if (!a->description.empty()) in.description = a->description;
    auto made = segment_open(ctx).write(
        ctx.actor(), [&](store::Unit& u) { return store::segments::create(u, in); });
    if (!made) failed(made.status());
    std::cout << "created segment " << made->id << " " << made->name << "\n";
  });
}

void add_update(CLI::App& group, Context& ctx) {
  auto a = std::make_shared<SegmentArgs>();
  auto* cmd = group.add_subcommand("update", "change a segment's name, description or filter");
  cmd->add_option("segment", a->segment, "segment id or name")->required();
  cmd->add_option("--name", a->name, "new name");
  cmd->add_option("--filter", a->filter, "new filter JSON");
  cmd->add_option("--description", a->description, "new description");
  cmd->callback([&ctx, a] {
    auto updated =
        segment_open(ctx).write(ctx.actor(), [&](store::Unit& u) -> Result<domain::Segment> {
          auto current = find(u, a->segment);
          if (!current) return current.status();
          domain::SegmentInput in = *current;
          if (!a->name.empty()) in.name = a->name;
          if (!a->filter.empty()) in.filter = a->filter;
          if (!a->description.empty()) in.description = a->description;
          return store::segments::update(u, current->id, in);
        });
    if (!updated) failed(updated.status());
    std::cout << "updated segment " << updated->id << " " << updated->name << "\n";
  });
}

void segment_add_list(CLI::App& group, Context& ctx) {
  auto a = std::make_shared<SegmentArgs>();
  auto* cmd = group.add_subcommand("list", "list saved segments by name");
  cmd->add_flag("--json", a->json, "print JSON");
  cmd->callback([&ctx, a] {
    nlohmann::json all = nlohmann::json::array();
    store::PageRequest page;
    page.limit = store::kMaxPageSize;
    for (;;) {
      auto r =
          segment_open(ctx).read([&](store::Unit& u) { return store::segments::list(u, page); });
      if (!r) failed(r.status());
      for (const auto& s : r->items) {
        if (a->json) {
          all.push_back(cli_segment_json(s));
        } else {
          std::cout << s.id << "\t" << s.name << "\t" << s.filter << "\n";
        }
      }
      if (!r->next_after_id) break;
      page.after_id = *r->next_after_id;
    }
    if (a->json) std::cout << all.dump(2) << "\n";
  });
}

void segment_add_show(CLI::App& group, Context& ctx) {
  auto a = std::make_shared<SegmentArgs>();
  auto* cmd = group.add_subcommand("show", "show a segment and how many it selects now");
  cmd->add_option("segment", a->segment, "segment id or name")->required();
  cmd->add_flag("--json", a->json, "print JSON");
  cmd->callback([&ctx, a] {
    auto shown = segment_open(ctx).read([&](store::Unit& u) -> Result<nlohmann::json> {
      auto s = find(u, a->segment);
      if (!s) return s.status();
      auto n = engine::segments::count(u, s->filter);
      if (!n) return n.status();
      nlohmann::json j = cli_segment_json(*s);
      j["count"] = *n;
      return j;
    });
    if (!shown) failed(shown.status());
    const nlohmann::json& j = *shown;
    if (a->json) {
      std::cout << j.dump(2) << "\n";
      return;
    }
    std::cout << "segment " << j["id"] << ": " << j["name"].get<std::string>() << "\n";
    if (!j["description"].is_null()) {
      std::cout << "description: " << j["description"].get<std::string>() << "\n";
    }
    std::cout << "filter: " << j["filter"].dump() << "\n"
              << "members now: " << j["count"] << "\n"
              << "created: " << j["created_at"].get<std::string>();
    if (!j["created_by"].is_null()) std::cout << " by " << j["created_by"].get<std::string>();
    std::cout << "\n";
  });
}

void add_count(CLI::App& group, Context& ctx) {
  auto a = std::make_shared<SegmentArgs>();
  auto* cmd = group.add_subcommand("count", "count the constituents a segment or filter selects");
  cmd->add_option("segment", a->segment, "segment id or name");
  cmd->add_option("--filter", a->filter, "filter JSON instead of a saved segment");
  cmd->callback([&ctx, a] {
    std::string filter = filter_of(ctx, *a);
    auto n =
        segment_open(ctx).read([&](store::Unit& u) { return engine::segments::count(u, filter); });
    if (!n) failed(n.status());
    std::cout << *n << "\n";
  });
}

void add_members(CLI::App& group, Context& ctx) {
  auto a = std::make_shared<SegmentArgs>();
  auto* cmd = group.add_subcommand("members", "list the constituents a segment or filter selects");
  cmd->add_option("segment", a->segment, "segment id or name");
  cmd->add_option("--filter", a->filter, "filter JSON instead of a saved segment");
  cmd->add_option("--limit", a->limit, "rows per page (1..500, default 50)");
  cmd->add_option("--after", a->after, "continue after this constituent id");
  cmd->add_flag("--json", a->json, "print JSON");
  cmd->callback([&ctx, a] {
    std::string filter = filter_of(ctx, *a);
    store::PageRequest page{a->after, a->limit};
    auto r = segment_open(ctx).read(
        [&](store::Unit& u) { return engine::segments::members(u, filter, page); });
    if (!r) failed(r.status());
    if (a->json) {
      nlohmann::json items = nlohmann::json::array();
      for (const auto& m : r->items)
        items.push_back({{"id", m.id}, {"display_name", m.display_name}});
      nlohmann::json j = {{"items", items}};
      j["next_after"] = r->next_after_id ? nlohmann::json(*r->next_after_id) : nlohmann::json();
      std::cout << j.dump(2) << "\n";
      return;
    }
    for (const auto& m : r->items) std::cout << m.id << "\t" << m.display_name << "\n";
    if (r->next_after_id) std::cerr << "more: --after " << *r->next_after_id << "\n";
  });
}

void add_delete(CLI::App& group, Context& ctx) {
  auto a = std::make_shared<SegmentArgs>();
  auto* cmd = group.add_subcommand("delete", "delete a saved segment");
  cmd->add_option("segment", a->segment, "segment id or name")->required();
  cmd->callback([&ctx, a] {
    long long id = 0;
    Status s = segment_open(ctx).write(ctx.actor(), [&](store::Unit& u) -> Status {
      auto seg = find(u, a->segment);
      if (!seg) return seg.status();
      id = seg->id;
      return store::segments::remove(u, id);
    });
    if (!s) failed(s);
    std::cout << "deleted segment " << id << "\n";
  });
}

}  // namespace

void add_segments_command(CLI::App& app, Context& ctx) {
  auto* group = app.add_subcommand("segments", "saved segments: filters over constituents");
  group->require_subcommand(1);
  segment_add_add(*group, ctx);
  segment_add_list(*group, ctx);
  segment_add_show(*group, ctx);
  add_update(*group, ctx);
  add_count(*group, ctx);
  add_members(*group, ctx);
  add_delete(*group, ctx);
}

}  // namespace steward::app
