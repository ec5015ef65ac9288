#include "taxonomy/closest_name.hpp"

#include <algorithm>
#include <cstddef>

namespace csa::taxonomy {
namespace {

std::string folded(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

// Levenshtein distance with one row of memory; names here are a few dozen bytes.
std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

}  // namespace

std::optional<std::string> closest_name(std::string_view seen, const std::vector<std::string>& candidates) {
  const std::string s = folded(seen);
  if (s.empty()) return std::nullopt;
  for (const auto& c : candidates)
    if (folded(c) == s) return c;
  // Containment only for 4+ letters, so "o" does not "mean" the first name with an o in it.
  for (const auto& c : candidates) {
    const std::string f = folded(c);
    if (s.size() < 4 || f.size() < 4) continue;
    if (f.find(s) != std::string::npos || s.find(f) != std::string::npos) return c;
  }
  const std::string* best = nullptr;
  std::size_t best_distance = 0;
  for (const auto& c : candidates) {
    const std::size_t d = edit_distance(s, folded(c));
    if (best == nullptr || d < best_distance) {
      best = &c;
      best_distance = d;
    }
  }
  const std::size_t limit = std::max<std::size_t>(2, s.size() / 3);
  if (best == nullptr || best_distance > limit) return std::nullopt;
  return *best;
}

}  // namespace csa::taxonomy
