#!/usr/bin/env python3
"""Writes a per-file compilation database for clang-tidy from a unity build's one.

With STEWARD_UNITY (decision 0202) CMake's compile_commands.json names the generated
Unity/unity_N_cxx.cxx files, not the .cpp files they include, and clang-tidy needs one entry per
.cpp. Each .cpp included by a unity file gets that unity file's command.
  tidy_db.py BUILD_DIR OUT_DIR    -> OUT_DIR/compile_commands.json
"""
import json
import os
import re
import sys

build, out = sys.argv[1], sys.argv[2]
entries = json.load(open(os.path.join(build, "compile_commands.json")))
result, seen = [], set()
include = re.compile(r'^#include "(.+\.cpp)"$')
for e in entries:
    unity = e["file"]
    if not re.search(r"/Unity/unity_\d+_cxx\.cxx$", unity):
        if e["file"] not in seen:
            seen.add(e["file"])
            result.append(e)
        continue
    with open(unity if os.path.isabs(unity) else os.path.join(e["directory"], unity)) as f:
        for line in f:
            m = include.match(line.strip())
            if not m or m.group(1) in seen:
                continue
            src = m.group(1)
            seen.add(src)
            command = e["command"].replace(unity, src)
            command = re.sub(r"-o \S+", "-o /dev/null", command)
            result.append({"directory": e["directory"], "command": command, "file": src})
os.makedirs(out, exist_ok=True)
with open(os.path.join(out, "compile_commands.json"), "w") as f:
    json.dump(result, f, indent=1)
print(f"tidy_db: {len(result)} files")
