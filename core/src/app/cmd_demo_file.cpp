#include "app/cmd_demo_file.hpp"

#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>

#include <nlohmann/json.hpp>

#include "app/cmd_helpers.hpp"
#include "engine/import_file_generator.hpp"

namespace steward::app {

void add_generate_file_command(CLI::App& demo, Context& ctx) {
  (void)ctx;  // writes a file only; no database
  auto* cmd = demo.add_subcommand(
      "generate-file", "write a synthetic payment file (for the import benchmark and tests)");
  struct Flags {
    engine::ImportFileOptions options;
    std::string out;
    bool json = false;
  };
  auto flags = std::make_shared<Flags>();
  cmd->add_option("--format", flags->options.format, "file format (stripe)")->capture_default_str();
  cmd->add_option("--rows", flags->options.rows, "how many payments")->capture_default_str();
  cmd->add_option("--seed", flags->options.seed, "random seed: same seed, same bytes")
      ->capture_default_str();
  cmd->add_option("--first-day", flags->options.first_day, "first payment date (YYYY-MM-DD)")
      ->capture_default_str();
  cmd->add_option("--out", flags->out, "the file to write")->required();
  cmd->add_flag("--json", flags->json, "print the report as JSON");
  cmd->callback([flags] {
    auto started = std::chrono::steady_clock::now();
    std::ofstream out(flags->out, std::ios::binary | std::ios::trunc);
    if (!out) stop(Status::invalid_field("out", "cannot write " + flags->out));
    std::vector<char> buffer(1 << 20);
    out.rdbuf()->pubsetbuf(buffer.data(), static_cast<std::streamsize>(buffer.size()));
    auto written = engine::write_import_file(out, flags->options);
    if (!written) stop(written.status());
    double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    const auto& r = *written;
    if (flags->json) {
      nlohmann::json j = {{"file", flags->out},
                          {"format", flags->options.format},
                          {"rows", r.rows},
                          {"customers", r.customers},
                          {"repeat_rows", r.repeat_rows},
                          {"refunded_rows", r.refunded_rows},
                          {"total_minor", r.total_minor},
                          {"total_refunded_minor", r.total_refunded_minor},
                          {"bytes", r.bytes},
                          {"seconds", seconds}};
      std::cout << j.dump(2) << "\n";
      return;
    }
    std::printf(
        "wrote %s: %lld %s payments (%lld customers, %lld repeat, %lld refunded), "
        "%lld bytes in %.1f s\n",
        flags->out.c_str(), r.rows, flags->options.format.c_str(), r.customers, r.repeat_rows,
        r.refunded_rows, r.bytes, seconds);
  });
}

}  // namespace steward::app
