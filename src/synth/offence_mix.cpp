#include "synth/offence_mix.hpp"

#include <fmt/format.h>

#include "core/error.hpp"
#include "synth/calibration.hpp"

namespace csa::synth {
namespace {

bool contains(const std::string& text, std::string_view word) {
  std::string lower;
  for (char c : text) lower += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return lower.find(word) != std::string::npos;
}

// The published Cambridge split of "Violence and sexual offences" (calibration.hpp), by subgroup.
double published_weight(const std::string& subgroup) {
  namespace c = calibration;
  if (subgroup == "Homicide") return c::kHomicide;
  if (subgroup == "Stalking and harassment") return c::kStalking;
  if (subgroup == "Violence with injury") return c::kWithInjury;
  if (subgroup == "Violence without injury") return c::kWithoutInjury;
  if (subgroup == "Rape offences") return c::kSexual2024 * c::kRapeShareOfSexual;
  if (subgroup == "Other sexual offences") return c::kSexual2024 * (1 - c::kRapeShareOfSexual);
  return 0;  // death or serious injury by unlawful driving: no published row
}

}  // namespace

double OffenceMix::code_weight(const std::string& description) {
  if (contains(description, "outcome only")) return 0;
  if (contains(description, "distraction") || contains(description, "aggravated burglary")) return 0.1;
  if (contains(description, "attempt")) return 0.25;
  return 1;
}

OffenceMix::OffenceMix(const offence::OffenceCodeList& codes, const std::vector<stats::CchiSubgroup>& subgroups)
    : codes_(codes) {
  const int violence = taxonomy::crime_type_code("Violence and sexual offences");
  for (const auto& s : subgroups) {
    int type = taxonomy::crime_type_code(s.crime_type);
    if (type < 0) throw InputError(fmt::format("CCHI subgroup file: '{}' is not a police.uk crime type", s.crime_type));
    SubgroupChoice choice;
    choice.subgroup = s.subgroup;
    choice.weight = type == violence ? published_weight(s.subgroup) : static_cast<double>(s.national_count);
    std::vector<double> w;
    for (std::size_t i = 0; i < codes.size(); ++i) {
      const auto& code = codes.codes()[i];
      if (code.subgroup != s.subgroup) continue;
      double cw = code_weight(code.description);
      if (cw <= 0) continue;
      choice.codes.push_back(i);
      w.push_back(cw);
    }
    if (choice.codes.empty()) {
      if (choice.weight <= 0) continue;
      throw InputError(fmt::format("{}: no current offence code has subgroup '{}' (named by the CCHI subgroup file for "
                                   "'{}'); use a code list and subgroup file of the same year",
                                   codes.source(), s.subgroup, s.crime_type));
    }
    choice.code_draw = Discrete(w);
    by_type_[static_cast<std::size_t>(type)].push_back(std::move(choice));
  }
  for (int t = 1; t < taxonomy::kCrimeTypeCount; ++t) {
    std::vector<double> w;
    for (const auto& c : by_type_[static_cast<std::size_t>(t)]) w.push_back(c.weight);
    double sum = 0;
    for (double x : w) sum += x;
    if (w.empty() || sum <= 0) {
      throw InputError(fmt::format("CCHI subgroup file: police.uk type '{}' has no subgroup with a national count; "
                                   "every crime type needs one",
                                   taxonomy::crime_type_name(t)));
    }
    subgroup_draw_[static_cast<std::size_t>(t)] = Discrete(w);
  }
}

std::size_t OffenceMix::draw(int crime_type, Rng& rng) const {
  if (crime_type <= 0 || crime_type >= taxonomy::kCrimeTypeCount) {
    throw InternalError(fmt::format("OffenceMix::draw: crime type {} has no offence codes", crime_type));
  }
  const auto t = static_cast<std::size_t>(crime_type);
  const auto& choice = by_type_[t][subgroup_draw_[t].draw(rng)];
  return choice.codes[choice.code_draw.draw(rng)];
}

double OffenceMix::probability(int crime_type, std::size_t code) const {
  const auto t = static_cast<std::size_t>(crime_type);
  double p = 0;
  for (std::size_t s = 0; s < by_type_[t].size(); ++s) {
    const auto& choice = by_type_[t][s];
    for (std::size_t k = 0; k < choice.codes.size(); ++k) {
      if (choice.codes[k] == code) p += subgroup_draw_[t].probability(s) * choice.code_draw.probability(k);
    }
  }
  return p;
}

}  // namespace csa::synth
