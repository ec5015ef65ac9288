#include "synth/free_text.hpp"

#include <fmt/format.h>

#include <array>
#include <string_view>

#include "synth/calibration.hpp"
#include "taxonomy/crime_type.hpp"

namespace csa::synth {
namespace {

template <std::size_t N>
std::string_view one_of(const std::array<std::string_view, N>& options, Rng& rng) {
  return options[static_cast<std::size_t>(rng.below(static_cast<std::int64_t>(N)))];
}

constexpr std::array<std::string_view, 4> kVenues = {"a bar", "a nightclub", "a pub", "a takeaway"};

}  // namespace

Relation draw_relation(Rng& rng) {
  if (rng.chance(calibration::kDaFamilialShare)) {
    return static_cast<Relation>(static_cast<int>(Relation::mother) + rng.below(6));
  }
  return rng.chance(0.6) ? Relation::partner : Relation::ex_partner;
}

const char* relation_word(Relation r) {
  switch (r) {
    case Relation::none: return "";
    case Relation::partner: return "partner";
    case Relation::ex_partner: return "ex-partner";
    case Relation::mother: return "mother";
    case Relation::father: return "father";
    case Relation::brother: return "brother";
    case Relation::sister: return "sister";
    case Relation::son: return "son";
    case Relation::daughter: return "daughter";
  }
  return "";
}

std::string crime_mo(const CrimeTextInput& in, Rng& rng) {
  static const int bicycle = taxonomy::crime_type_code("Bicycle theft");
  static const int other_theft = taxonomy::crime_type_code("Other theft");
  static const int vehicle = taxonomy::crime_type_code("Vehicle crime");
  static const int shoplifting = taxonomy::crime_type_code("Shoplifting");
  static const int burglary = taxonomy::crime_type_code("Burglary");
  if (in.relation != Relation::none) {
    static constexpr std::array<std::string_view, 3> forms = {
        "Victim reports {} {} at home after an argument.", "Victim states their {} {} during a dispute.",
        "Report that the victim's {} {} them in the address."};
    static constexpr std::array<std::string_view, 3> acts = {"was abusive", "made threats", "assaulted"};
    return fmt::format(fmt::runtime(one_of(forms, rng)), relation_word(in.relation), one_of(acts, rng));
  }
  if (in.night_economy) {
    return fmt::format("Victim assaulted outside {} in the night-time economy area.", one_of(kVenues, rng));
  }
  const bool escooter_type = in.crime_type == bicycle || in.crime_type == other_theft || in.crime_type == vehicle;
  if (escooter_type && rng.chance(calibration::kCrimeEscooter)) {
    return "Offender approached on an e-scooter and left the scene on it.";
  }
  if (in.crime_type == shoplifting) return "Offender selected items from shelves and left without paying.";
  if (in.crime_type == burglary) {
    static constexpr std::array<std::string_view, 3> b = {"Entry forced via a rear door; property searched.",
                                                          "Window smashed to gain entry; items taken.",
                                                          "Insecure door used to enter; nothing seen taken."};
    return std::string(one_of(b, rng));
  }
  return fmt::format("{} reported by the victim; enquiries ongoing.", in.description);
}

std::string asb_summary(int category, Rng& rng) {
  namespace c = calibration;
  // Each keyword independently at its rate, then a category sentence.
  std::string text;
  if (rng.chance(c::kAsbYouth)) {
    static constexpr std::array<std::string_view, 3> youth = {"Group of youths", "Teenagers", "Group of young people"};
    text += fmt::format("{} causing a nuisance. ", one_of(youth, rng));
  }
  if (rng.chance(c::kAsbEscooter)) text += "Riders on an e-scooter on the pavement. ";
  if (rng.chance(c::kAsbStreetDrinking)) text += "Street drinking near the shops. ";
  if (rng.chance(c::kAsbBegging)) text += "Begging at the cash machine. ";
  static constexpr std::array<std::string_view, 3> personal = {"Neighbour dispute, caller feels targeted.",
                                                               "Caller harassed by a known person.",
                                                               "Verbal abuse directed at the caller."};
  static constexpr std::array<std::string_view, 3> nuisance = {"Loud music and shouting late at night.",
                                                               "Rowdy behaviour in the street.",
                                                               "Noise nuisance from a nearby address."};
  static constexpr std::array<std::string_view, 3> environmental = {"Fly-tipping on the verge.",
                                                                    "Graffiti on the bus shelter.",
                                                                    "Litter and waste dumped in the alley."};
  text += std::string(one_of(category == 0 ? personal : category == 1 ? nuisance : environmental, rng));
  return text;
}

std::string da_incident_summary(Relation relation, bool crimed, Rng& rng) {
  static constexpr std::array<std::string_view, 3> forms = {"Verbal argument with {}; ", "Call from victim about {}; ",
                                                            "Concern for welfare reported, involving {}; "};
  return fmt::format(fmt::runtime(one_of(forms, rng)), fmt::format("their {}", relation_word(relation))) +
         (crimed ? "offence recorded." : "no offences disclosed.");
}

}  // namespace csa::synth
