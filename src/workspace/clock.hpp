// The time every change is stamped with: UTC, ISO 8601 to the millisecond ("2026-11-21T12:34:56.789Z"),
// as text so both backends store, sort and compare it identically.
#pragma once

#include <string>

namespace csa::workspace {

std::string now_utc();
// The same for a moment `seconds` from now (session expiry).
std::string utc_after(long long seconds);

}  // namespace csa::workspace
