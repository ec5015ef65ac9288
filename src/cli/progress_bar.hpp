// Progress on stderr: one line rewritten in place, at most a few times a second, silent with --quiet
// or when stderr is not a terminal (so logs are not filled with carriage returns).
#pragma once

#include <chrono>
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
  bool drawn_ = false;
  std::chrono::steady_clock::time_point last_{};
};

}  // namespace csa::cli
