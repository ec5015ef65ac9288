#include "cli/progress_bar.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>

namespace csa::cli {

ProgressBar::ProgressBar(bool quiet) : enabled_(!quiet && isatty(STDERR_FILENO) != 0) {}

ProgressBar::~ProgressBar() { finish(); }

ProgressFn ProgressBar::callback() {
  return [this](const ProgressEvent& e) { draw(e); };
}

void ProgressBar::draw(const ProgressEvent& e) {
  if (!enabled_) return;
  std::lock_guard<std::mutex> lock(mutex_);
  auto now = std::chrono::steady_clock::now();
  bool last = e.total != 0 && e.done == e.total;
  if (!last && now - last_ < std::chrono::milliseconds(100)) return;
  last_ = now;
  std::string item = std::filesystem::path(std::string(e.item)).filename().string();
  if (e.total != 0) {
    fmt::print(stderr, "\r\033[K{}: {}/{} ({:.0f}%) {}", e.stage, e.done, e.total, 100.0 * e.done / e.total, item);
  } else {
    fmt::print(stderr, "\r\033[K{}: {} {}", e.stage, e.done, item);
  }
  std::fflush(stderr);
  drawn_ = true;
}

void ProgressBar::finish() {
  std::lock_guard<std::mutex> lock(mutex_);
  if (drawn_) {
    fmt::print(stderr, "\r\033[K");
    std::fflush(stderr);
    drawn_ = false;
  }
}

}  // namespace csa::cli
