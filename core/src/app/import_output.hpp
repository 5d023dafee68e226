// Printing imports on the command line (cmd_import.cpp): previews, summaries, the progress line.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "engine/import_commit.hpp"
#include "engine/import_json.hpp"
#include "engine/import_stage.hpp"
#include "store/import_repository.hpp"

namespace steward::app {

using engine::imports::import_json;
using engine::imports::preview_json;
using engine::imports::row_json;
using engine::imports::summary_json;

void print_preview(const engine::imports::Preview& p);
void print_summary(const engine::imports::CommitSummary& s);
void print_import_line(const store::imports::ImportRecord& r);

// "\r  1200 rows  matched 800  new 300  duplicates 90  errors 10  25000 rows/s  40%" on stderr
// when it is a terminal (nothing otherwise). finish() ends the line.
class ProgressLine {
 public:
  ProgressLine();
  void stage(const engine::imports::StageProgress& p);
  void commit(const engine::imports::CommitProgress& p);
  void finish();

 private:
  void show(const std::string& text);
  bool tty_;
  bool shown_ = false;
};

}  // namespace steward::app
