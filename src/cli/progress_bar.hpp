// Progress on stderr: one line rewritten in place, at most a few times a second, silent with --quiet
// or when stderr is not a terminal (so logs are not filled with carriage returns). The callback may be
// called from any thread (a file's parser reports while the writer reports the file before it).
#pragma once

#include <chrono>
#include <mutex>
#include <string>

#include "core/progress.hpp"

namespace csa::cli {

class ProgressBar {
 public:
  explicit ProgressBar(bool quiet);
  ~ProgressBar();
  ProgressFn callback();
  void finish();  // clears the line

 private:
  void draw(const ProgressEvent& e);
  bool enabled_;
  std::mutex mutex_;  // guards what follows and the line on stderr
  bool drawn_ = false;
  std::chrono::steady_clock::time_point last_{};
};

}  // namespace csa::cli
