#include "core/subprocess.hpp"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fmt/format.h>

#include <cstdlib>

#include "core/error.hpp"

extern char** environ;

namespace csa {
namespace {

using Clock = std::chrono::steady_clock;

// Once the program has exited, how long to keep reading its pipes: a grandchild that inherited them
// (Chromium's helper processes) may hold them open, and we must not wait for it forever.
constexpr std::chrono::milliseconds kDrainAfterExit{2000};

void close_fd(int& fd) {
  if (fd >= 0) ::close(fd);
  fd = -1;
}

// The three pipes to the child. O_CLOEXEC so that a program started at the same time by another thread
// does not inherit our ends, which would keep them open and hide the end of file.
struct Pipes {
  int in[2] = {-1, -1};
  int out[2] = {-1, -1};
  int err[2] = {-1, -1};
  Pipes() {
    if (::pipe2(in, O_CLOEXEC) != 0 || ::pipe2(out, O_CLOEXEC) != 0 || ::pipe2(err, O_CLOEXEC) != 0) {
      int e = errno;
      close_all();
      throw IoError(fmt::format("cannot create pipes for a program: {}", ::strerror(e)));
    }
  }
  ~Pipes() { close_all(); }
  Pipes(const Pipes&) = delete;
  Pipes& operator=(const Pipes&) = delete;
  void close_all() {
    for (int* p : {in, out, err}) {
      close_fd(p[0]);
      close_fd(p[1]);
    }
  }
};

// posix_spawn attributes and file actions, released on every path out.
struct SpawnSetup {
  posix_spawnattr_t attr;
  posix_spawn_file_actions_t actions;
  SpawnSetup() {
    posix_spawnattr_init(&attr);
    posix_spawn_file_actions_init(&actions);
  }
  ~SpawnSetup() {
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attr);
  }
  SpawnSetup(const SpawnSetup&) = delete;
  SpawnSetup& operator=(const SpawnSetup&) = delete;
};

// Blocks SIGPIPE in this thread while we write to the child's stdin, so a program that exits without
// reading its input gives us EPIPE instead of killing csa; a SIGPIPE raised meanwhile is consumed.
class SigpipeGuard {
 public:
  SigpipeGuard() {
    sigset_t pipe_set;
    sigemptyset(&pipe_set);
    sigaddset(&pipe_set, SIGPIPE);
    sigset_t pending;
    sigpending(&pending);
    was_pending_ = sigismember(&pending, SIGPIPE) == 1;
    pthread_sigmask(SIG_BLOCK, &pipe_set, &old_);
  }
  ~SigpipeGuard() {
    if (!was_pending_) {
      sigset_t pipe_set;
      sigemptyset(&pipe_set);
      sigaddset(&pipe_set, SIGPIPE);
      timespec zero{0, 0};
      while (sigtimedwait(&pipe_set, nullptr, &zero) > 0) {
      }
    }
    pthread_sigmask(SIG_SETMASK, &old_, nullptr);
  }
  SigpipeGuard(const SigpipeGuard&) = delete;
  SigpipeGuard& operator=(const SigpipeGuard&) = delete;

 private:
  sigset_t old_;
  bool was_pending_ = false;
};

int wait_for(pid_t pid) {
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  return status;
}

void record_status(RunResult& r, int status) {
  if (WIFEXITED(status)) {
    r.exit_code = WEXITSTATUS(status);
  } else if (WIFSIGNALED(status)) {
    r.exit_code = -1;
    r.signal = WTERMSIG(status);
  }
}

bool is_executable_file(const std::string& path) {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode) && ::access(path.c_str(), X_OK) == 0;
}

}  // namespace

std::string RunResult::describe() const {
  if (timed_out) return "did not finish in time and was stopped";
  if (signal != 0) return fmt::format("was killed by signal {} ({})", signal, ::strsignal(signal));
  return fmt::format("exited with status {}", exit_code);
}

std::string RunResult::err_tail(std::size_t max_lines) const { return last_lines(err, max_lines); }

std::string last_lines(std::string_view text, std::size_t max_lines) {
  std::vector<std::string_view> lines;
  std::string_view rest = text;
  while (!rest.empty()) {
    std::size_t nl = rest.find('\n');
    std::string_view line = rest.substr(0, nl);
    if (line.find_first_not_of(" \t\r") != std::string_view::npos) lines.push_back(line);
    if (nl == std::string_view::npos) break;
    rest.remove_prefix(nl + 1);
  }
  std::size_t first = lines.size() > max_lines ? lines.size() - max_lines : 0;
  std::string out;
  for (std::size_t i = first; i < lines.size(); ++i) {
    if (!out.empty()) out += '\n';
    out += lines[i];
  }
  return out;
}

std::optional<std::string> find_program(std::string_view name) {
  if (name.empty()) return std::nullopt;
  if (name.find('/') != std::string_view::npos) {
    std::string path(name);
    return is_executable_file(path) ? std::optional(path) : std::nullopt;
  }
  const char* env = std::getenv("PATH");
  std::string_view dirs = env != nullptr ? env : "/usr/local/bin:/usr/bin:/bin";
  while (true) {
    std::size_t colon = dirs.find(':');
    std::string_view dir = dirs.substr(0, colon);
    std::string candidate = fmt::format("{}/{}", dir.empty() ? "." : dir, name);
    if (is_executable_file(candidate)) return candidate;
    if (colon == std::string_view::npos) return std::nullopt;
    dirs.remove_prefix(colon + 1);
  }
}

RunResult run_program(const std::vector<std::string>& argv, const RunOptions& options) {
  if (argv.empty()) throw InternalError("run_program: empty argument list");
  std::vector<char*> args;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);

  Pipes pipes;
  SpawnSetup setup;
  posix_spawn_file_actions_adddup2(&setup.actions, pipes.in[0], STDIN_FILENO);
  posix_spawn_file_actions_adddup2(&setup.actions, pipes.out[1], STDOUT_FILENO);
  posix_spawn_file_actions_adddup2(&setup.actions, pipes.err[1], STDERR_FILENO);
  if (!options.working_dir.empty()) {
    posix_spawn_file_actions_addchdir_np(&setup.actions, options.working_dir.c_str());
  }
  // A process group of its own, so a timeout kills the program and every helper it started; default
  // signal mask and SIGPIPE handling, whatever the calling thread has.
  sigset_t empty;
  sigemptyset(&empty);
  sigset_t defaults;
  sigemptyset(&defaults);
  sigaddset(&defaults, SIGPIPE);
  posix_spawnattr_setflags(&setup.attr, POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
  posix_spawnattr_setpgroup(&setup.attr, 0);
  posix_spawnattr_setsigmask(&setup.attr, &empty);
  posix_spawnattr_setsigdefault(&setup.attr, &defaults);

  pid_t pid = 0;
  int rc = ::posix_spawnp(&pid, args[0], &setup.actions, &setup.attr, args.data(), environ);
  if (rc != 0) throw IoError(fmt::format("cannot run {}: {}", argv[0], ::strerror(rc)));
  close_fd(pipes.in[0]);
  close_fd(pipes.out[1]);
  close_fd(pipes.err[1]);

  RunResult result;
  SigpipeGuard sigpipe_guard;
  int& in_fd = pipes.in[1];
  int& out_fd = pipes.out[0];
  int& err_fd = pipes.err[0];
  std::size_t written = 0;
  if (options.stdin_text.empty()) {
    close_fd(in_fd);
  } else {
    ::fcntl(in_fd, F_SETFL, ::fcntl(in_fd, F_GETFL) | O_NONBLOCK);
  }

  const auto deadline = Clock::now() + options.timeout;
  std::optional<Clock::time_point> drain_deadline;  // set once the program has exited
  bool reaped = false;
  int status = 0;
  char buffer[65536];
  while (in_fd >= 0 || out_fd >= 0 || err_fd >= 0) {
    auto now = Clock::now();
    if (!reaped) {
      pid_t w = ::waitpid(pid, &status, WNOHANG);
      if (w == pid) {
        reaped = true;
        drain_deadline = now + kDrainAfterExit;
      }
    }
    if (!reaped && now >= deadline) {
      ::kill(-pid, SIGKILL);
      result.timed_out = true;
      status = wait_for(pid);
      reaped = true;
      break;
    }
    if (drain_deadline && now >= *drain_deadline) break;

    pollfd fds[3];
    nfds_t n = 0;
    for (int fd : {in_fd, out_fd, err_fd}) {
      if (fd < 0) continue;
      fds[n++] = pollfd{fd, static_cast<short>(fd == in_fd ? POLLOUT : POLLIN), 0};
    }
    // Wake at least every 100 ms to notice the program's exit and the deadlines.
    int ready = ::poll(fds, n, 100);
    if (ready < 0 && errno != EINTR) {
      int e = errno;
      ::kill(-pid, SIGKILL);
      wait_for(pid);
      throw IoError(fmt::format("waiting for {}: {}", argv[0], ::strerror(e)));
    }
    for (nfds_t i = 0; ready > 0 && i < n; ++i) {
      if (fds[i].revents == 0) continue;
      int fd = fds[i].fd;
      if (fd == in_fd) {
        ssize_t k = ::write(fd, options.stdin_text.data() + written, options.stdin_text.size() - written);
        if (k > 0) written += static_cast<std::size_t>(k);
        if ((k < 0 && errno != EAGAIN && errno != EINTR) || written == options.stdin_text.size()) close_fd(in_fd);
      } else {
        ssize_t k = ::read(fd, buffer, sizeof buffer);
        if (k > 0) {
          (fd == out_fd ? result.out : result.err).append(buffer, static_cast<std::size_t>(k));
        } else if (k == 0 || (errno != EAGAIN && errno != EINTR)) {
          close_fd(fd == out_fd ? out_fd : err_fd);
        }
      }
    }
  }
  pipes.close_all();
  if (!reaped) {
    // The pipes are closed but the program may still be running: wait for it, within the deadline.
    while (true) {
      pid_t w = ::waitpid(pid, &status, WNOHANG);
      if (w == pid || (w < 0 && errno != EINTR)) break;
      if (Clock::now() >= deadline) {
        ::kill(-pid, SIGKILL);
        result.timed_out = true;
        status = wait_for(pid);
        break;
      }
      ::usleep(20'000);
    }
  }
  record_status(result, status);
  return result;
}

}  // namespace csa
