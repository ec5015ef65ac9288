#include "workspace/clock.hpp"

#include <fmt/format.h>

#include <chrono>
#include <ctime>

namespace csa::workspace {

std::string utc_after(long long seconds) {
  using namespace std::chrono;
  auto t = system_clock::now() + std::chrono::seconds(seconds);
  auto ms = duration_cast<milliseconds>(t.time_since_epoch()).count() % 1000;
  std::time_t tt = system_clock::to_time_t(t);
  std::tm tm{};
  gmtime_r(&tt, &tm);
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:03}Z", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                     tm.tm_hour, tm.tm_min, tm.tm_sec, ms);
}

std::string now_utc() { return utc_after(0); }

}  // namespace csa::workspace
