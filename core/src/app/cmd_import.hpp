// `steward import ...` (cmd_import.cpp), declared apart from cli.hpp so adding it does not
// touch the header every command includes.
#pragma once

#include <CLI/CLI.hpp>

#include "app/cli.hpp"

namespace steward::app {

void add_import_command(CLI::App& app, Context& ctx);
// `steward import rates set|list` (cmd_import_rates.cpp) and `steward import cancel ID`
// (cmd_import_cancel.cpp), subcommands of `import`.
void add_import_rates(CLI::App* import, Context& ctx);
void add_import_cancel(CLI::App* import, Context& ctx);

}  // namespace steward::app
