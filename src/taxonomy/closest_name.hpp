// "Did you mean …?" for names the user typed: a crime type spelling in a taxonomy file, a theme id on
// the command line. Kept small and separate so every error message suggests fixes the same way.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace csa::taxonomy {

// The candidate the user most likely meant, or nullopt when none is plausible. In order: the same
// name in another case ("shoplifting"), a candidate containing the text or contained in it
// ("Violence" for "Violence and sexual offences"), then the smallest case-insensitive edit distance
// if it is at most a third of the name's length (at least 2), so "Fraud" suggests nothing rather
// than "Drugs".
std::optional<std::string> closest_name(std::string_view seen, const std::vector<std::string>& candidates);

}  // namespace csa::taxonomy
