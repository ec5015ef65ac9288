#include "extract/record.hpp"

#include <fmt/format.h>

#include <array>

#include "core/error.hpp"

namespace csa::extract {
namespace {

constexpr std::array<std::string_view, kDatasetKinds> kKindNames = {"crime", "asb", "da-incident", "fire",
                                                                      "ed-attendance", "ambulance"};
constexpr std::array<std::string_view, kMarkers> kMarkerNames = {
    "domestic_abuse", "hate", "cse", "knife", "cyber", "vulnerable_victim", "alcohol", "drugs", "cce"};
constexpr std::array<std::string_view, kHateStrands> kStrandNames = {"race", "religion", "sexual_orientation",
                                                                       "disability", "transgender"};

// Position of the single set bit of a flag, so names can live in one array per enum.
int bit_index(unsigned v) {
  int i = 0;
  while (v > 1) {
    v >>= 1;
    ++i;
  }
  return i;
}

}  // namespace

std::string_view dataset_kind_name(DatasetKind k) { return kKindNames.at(static_cast<std::size_t>(k)); }

DatasetKind parse_dataset_kind(std::string_view text) {
  for (std::size_t i = 0; i < kKindNames.size(); ++i) {
    if (kKindNames[i] == text) return static_cast<DatasetKind>(i);
  }
  throw InputError(fmt::format("'{}' is not a dataset kind; use one of {}", text, fmt::join(kKindNames, ", ")));
}

std::string_view sex_name(Sex s) {
  switch (s) {
    case Sex::unknown: return "unknown";
    case Sex::female: return "female";
    case Sex::male: return "male";
    case Sex::other: return "other";
  }
  return "unknown";
}

std::string_view marker_name(Marker m) { return kMarkerNames.at(static_cast<std::size_t>(bit_index(m))); }

std::string_view hate_strand_name(HateStrand s) { return kStrandNames.at(static_cast<std::size_t>(bit_index(s))); }

std::string_view risk_name(Risk r) {
  switch (r) {
    case Risk::unknown: return "unknown";
    case Risk::none: return "no";
    case Risk::standard: return "standard";
    case Risk::medium: return "medium";
    case Risk::high: return "high";
  }
  return "unknown";
}

}  // namespace csa::extract
