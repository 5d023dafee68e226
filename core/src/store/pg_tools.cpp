#include "store/pg_tools.hpp"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <vector>

#include "store/database_url.hpp"

extern char** environ;

namespace steward::store {
namespace {

// Runs `argv` (found on PATH) with `extra_env` added to this process's environment; answers its
// stderr when it fails.
Status run_tool(const std::vector<std::string>& argv, const std::vector<std::string>& extra_env) {
  std::vector<std::string> env_text(extra_env);
  for (char** e = environ; *e; ++e) {
    if (std::strncmp(*e, "PGPASSWORD=", 11) != 0) env_text.emplace_back(*e);
  }
  std::vector<char*> env;
  for (auto& e : env_text) env.push_back(e.data());
  env.push_back(nullptr);
  std::vector<std::string> args(argv);
  std::vector<char*> arg_ptrs;
  for (auto& a : args) arg_ptrs.push_back(a.data());
  arg_ptrs.push_back(nullptr);

  std::array<int, 2> err{};
  if (::pipe(err.data()) != 0) return Status::unavailable("cannot start " + argv[0]);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addclose(&actions, err[0]);
  posix_spawn_file_actions_adddup2(&actions, err[1], 2);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  pid_t pid = 0;
  int rc = posix_spawnp(&pid, argv[0].c_str(), &actions, nullptr, arg_ptrs.data(), env.data());
  posix_spawn_file_actions_destroy(&actions);
  ::close(err[1]);
  if (rc != 0) {
    ::close(err[0]);
    return Status::unavailable("cannot run " + argv[0] + ": " + std::strerror(rc) +
                               " (install the PostgreSQL client tools)");
  }
  std::string output;
  std::array<char, 4096> buf{};
  for (;;) {
    ssize_t n = ::read(err[0], buf.data(), buf.size());
    if (n > 0) {
      if (output.size() < 16384) output.append(buf.data(), static_cast<std::size_t>(n));
    } else if (n == 0 || errno != EINTR) {
      break;
    }
  }
  ::close(err[0]);
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (WIFEXITED(status) && WEXITSTATUS(status) == 0) return Status::ok();
  while (!output.empty() && (output.back() == '\n' || output.back() == ' ')) output.pop_back();
  return Status::unavailable(argv[0] + " failed: " + (output.empty() ? "no message" : output));
}

struct Connection {
  std::string conninfo;               // without the password
  std::vector<std::string> password;  // {"PGPASSWORD=..."} or empty
};

Result<Connection> connection(const std::string& url) {
  auto conninfo = libpq_conninfo(url, false);
  if (!conninfo) return conninfo.status();
  auto settings = libpq_settings(url);
  if (!settings) return settings.status();
  Connection c{*conninfo, {}};
  for (const auto& [keyword, value] : *settings) {
    if (keyword == "password") c.password.push_back("PGPASSWORD=" + value);
  }
  return c;
}

}  // namespace

Status pg_dump_to(const std::string& url, const std::string& file) {
  auto c = connection(url);
  if (!c) return c.status();
  return run_tool({"pg_dump", "--format=custom", "--no-owner", "--no-privileges", "--file=" + file,
                   "--dbname=" + c->conninfo},
                  c->password);
}

Status pg_restore_from(const std::string& url, const std::string& file) {
  auto c = connection(url);
  if (!c) return c.status();
  return run_tool({"pg_restore", "--no-owner", "--no-privileges", "--exit-on-error",
                   "--single-transaction", "--dbname=" + c->conninfo, file},
                  c->password);
}

}  // namespace steward::store
