// `steward import ...` (cmd_import.cpp), declared apart from cli.hpp so adding it does not
// touch the header every command includes.
#pragma once

#include <CLI/CLI.hpp>

#include "app/cli.hpp"

namespace steward::app {

void add_import_command(CLI::App& app, Context& ctx);

}  // namespace steward::app
