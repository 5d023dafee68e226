// steward demo generate-file --format stripe --rows N [--seed S] [--first-day D] --out FILE
// [--json]
#pragma once

#include "app/cli.hpp"

namespace steward::app {

// Adds `generate-file` under the `demo` command (engine/import_file_generator.hpp).
void add_generate_file_command(CLI::App& demo, Context& ctx);

}  // namespace steward::app
