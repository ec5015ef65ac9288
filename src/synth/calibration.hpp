// Every proportion the synthetic extract is calibrated to, in one place, each with where it comes
// from: a line of a seed document or a golden table (in the shared folder), or "assumption" when
// nothing is published (docs/EXTRACTS.md, "How the synthetic extract is made", lists them all).
// Volumes, months and places are not here: they are the real police.uk incidents in the store.
#pragma once

#include <array>
#include <string_view>

namespace csa::synth::calibration {

// --- Violence and sexual offences: how a police.uk "Violence and sexual offences" row splits ----
// golden/sa2024-crime-types-ye-sep.csv, YE Sep 2024, Cambridge: VAP 4,216, sexual offences 405.
inline constexpr double kVap2024 = 4216, kSexual2024 = 405;
// golden/sa2024-vap-subgroups.csv, YE Sep 2024: homicide 2, stalking and harassment 971, violence
// with injury 964, violence without injury 2,279 (total 4,216). Death or serious injury by unlawful
// driving has no row there, so it gets no synthetic crimes.
inline constexpr double kHomicide = 2, kStalking = 971, kWithInjury = 964, kWithoutInjury = 2279;
// Seed 002 line 1123: "rape offences accounted for 35% of sexual offences in Cambridge City".
inline constexpr double kRapeShareOfSexual = 0.35;

// --- Domestic abuse -------------------------------------------------------------------------------
// golden/sa2024-domestic-abuse.csv, YE Sep 2024: DA marked crimes 1,494; DA incidents 1,914, of
// which 995 crimed and 919 incident only (52% crimed).
inline constexpr double kDaCrimes2024 = 1494, kDaIncidents2024 = 1914, kDaIncidentsCrimed2024 = 995;
// Seed 002 line 478: VAP is 77% of DA crimes (YE Sep 2024).
inline constexpr double kVapShareOfDa = 0.77;
// Hence the DA marker rate on VAP crimes, 0.77 x 1,494 / 4,216 = 27.3%, and DA incidents per DA crime,
// 1,914 / 1,494 = 1.281.
inline constexpr double kDaShareOfVap = kVapShareOfDa * kDaCrimes2024 / kVap2024;
inline constexpr double kDaIncidentsPerDaCrime = kDaIncidents2024 / kDaCrimes2024;
inline constexpr double kDaIncidentCrimedShare = kDaIncidentsCrimed2024 / kDaIncidents2024;
// Assumption: the other 23% of DA crimes fall on these police.uk types, in proportion to their
// volumes: criminal damage and arson, public order, other crime, sexual offences (within
// "Violence and sexual offences"), other theft, burglary.
// Assumption: DASH risk of DA incidents: standard 70%, medium 22%, high 8%.
inline constexpr std::array<double, 3> kDashRisk = {0.70, 0.22, 0.08};
// Assumption: a quarter of DA crimes and incidents are familial (parent, child, sibling) rather than
// intimate partner abuse; the free text names the relation.
inline constexpr double kDaFamilialShare = 0.25;

// --- Hate crime -----------------------------------------------------------------------------------
// Seed 002 lines 1966 and 510: Cambridge hate crime YE Sep 2024 about 380 offences (the seed's two
// statements give 363 and 398), 56% public order, 37% VAP, 7% other types; crimes in all 15,412
// (golden/sa2024-crime-types-ye-sep.csv), public order 1,353, VAP 4,216. Hence marker rates:
inline constexpr double kHate2024 = 380;
inline constexpr double kHateRatePublicOrder = 0.56 * kHate2024 / 1353;                 // 15.7%
inline constexpr double kHateRateVap = 0.37 * kHate2024 / kVap2024;                     // 3.3%
inline constexpr double kHateRateOther = 0.07 * kHate2024 / (15412 - 1353 - kVap2024);  // 0.27%
// Strands. Seed 002 line 1951: race 70% of hate crimes (England and Wales, YE Mar 2024); the other
// strands in the proportions of seed 000 lines 2384-2392 (sexual orientation 11, religion 6,
// disability 5, transgender 1, England and Wales 2014/15) rescaled to the remaining 30%. Seed 002
// line 1953: 6% of hate crimes have more than one motivating factor.
// Order: race, religion, sexual orientation, disability, transgender (extract::HateStrand bits).
inline constexpr std::array<double, 5> kHateStrands = {0.70, 0.30 * 6 / 23, 0.30 * 11 / 23, 0.30 * 5 / 23,
                                                       0.30 * 1 / 23};
inline constexpr double kHateMultipleStrands = 0.06;

// --- Reporting lag --------------------------------------------------------------------------------
// Seed 002 line 1134: of sexual offences, 24% occurred 12 months or more before being recorded, 5%
// 10 years or more. Assumption for the 76% within a year: lag exponential with mean 30 days.
inline constexpr double kSexualLagYearPlus = 0.24, kSexualLagTenYearsPlus = 0.05;
// Assumption for other crimes: 60% recorded the day they happen, 25% 1-7 days later, 13% 8-60 days,
// 2% 61-365 days.
inline constexpr std::array<double, 4> kOtherLagBands = {0.60, 0.25, 0.13, 0.02};

// --- Offenders (seed 000 lines 1529-1555, Cambridge, Jul 2014 - Jun 2015) -------------------------
// 11,450 crimes, 9,187 offenders; 7,852 offenders (85%) with one crime, committing about 69% of the
// crimes; offenders with one or two crimes about 85% of the crimes; 60 offenders (0.65%) with six
// or more ("persistent") about 5% of the crimes. Hence, per offender: one crime 7,852; two crimes
// (85% - 69%) x 11,450 / 2 = 916; six or more 60 (mean about 9.5 crimes); three to five the rest,
// 359 offenders with about 1,194 crimes (mean 3.3).
inline constexpr std::array<double, 4> kOffendersByCrimes = {7852, 916, 359, 60};  // 1, 2, 3-5, 6+
inline constexpr double kPersistentMeanCrimes = 9.5;
// Assumption: the share of crimes with an identified suspect (offender_id), by police.uk type code
// order (0 ASB unused, bicycle theft, burglary, criminal damage and arson, drugs, other crime, other
// theft, possession of weapons, public order, robbery, shoplifting, theft from the person, vehicle
// crime, violence and sexual offences).
inline constexpr std::array<double, 14> kOffenderKnown = {0.0,  0.05, 0.15, 0.25, 1.0,  0.80, 0.15,
                                                          1.0,  0.60, 0.30, 0.50, 0.10, 0.08, 0.70};
// Assumption: crimes with no personal victim (the state or a business is the loser): drugs,
// possession of weapons, other crime, shoplifting.
inline constexpr std::array<bool, 14> kHasPersonalVictim = {false, true,  true,  true,  false, false, true,
                                                            false, true,  true,  false, true,  true,  true};
// Assumption: repeat victims. A personal victim is someone already a victim in the same LSOA with
// this probability (DA victims more often).
inline constexpr double kRepeatVictim = 0.10, kRepeatVictimDa = 0.35;

// --- Markers with no published local rate (assumptions) --------------------------------------------
inline constexpr double kKnifeOnRobbery = 0.20, kKnifeOnViolenceWithInjury = 0.06;
inline constexpr double kCyberOnStalking = 0.30, kCyberOnSexual = 0.10, kCyberOther = 0.01;
inline constexpr double kAlcoholOnNightViolence = 0.60, kAlcoholOnViolence = 0.15;
inline constexpr double kDrugsOnDrugs = 1.0, kDrugsOther = 0.03;
inline constexpr double kCseOnSexualChild = 0.15;    // sexual offences with a victim under 18
inline constexpr double kCceOnDrugsTrafficking = 0.10;
inline constexpr double kVulnerableVictim = 0.05;
// Assumption: a third of violence without a DA marker is night-time economy violence (Fri/Sat nights).
inline constexpr double kNightTimeEconomyShare = 0.33;
// Assumption: 1% of crime rows have no coordinates (the LSOA and ward are still given).
inline constexpr double kUnlocatedCrime = 0.01;
// Assumption: the synthetic point is the police.uk snap point moved up to 50 m in a random direction.
inline constexpr double kJitterMetres = 50;

// --- ASB -----------------------------------------------------------------------------------------
// Seed 002 line 1715: nuisance 83% of ASB (YE Sep 2024). Assumption: personal 12%, environmental 5%.
// Order: personal, nuisance, environmental.
inline constexpr std::array<double, 3> kAsbCategory = {0.12, 0.83, 0.05};
// Seed 002 line 1723: personal ASB risk, no risk 49%, standard 43%, no high risk; medium takes the
// remaining 8%. Order: no risk, standard, medium, high.
inline constexpr std::array<double, 4> kPersonalAsbRisk = {0.49, 0.43, 0.08, 0.0};
// Assumption: nuisance and environmental ASB: no risk 60%, standard 38%, medium 2%.
inline constexpr std::array<double, 4> kOtherAsbRisk = {0.60, 0.38, 0.02, 0.0};
// Seed 002 line 1750: 28 of 2,229 ASB incidents mention an e-scooter (1.26%); Table 12 (line
// 1744): 388 of 2,229 youth-related by keyword (17%). Assumption: street drinking 4%, begging 3%.
inline constexpr double kAsbEscooter = 28.0 / 2229, kAsbYouth = 388.0 / 2229;
inline constexpr double kAsbStreetDrinking = 0.04, kAsbBegging = 0.03;
// Assumption: 3% of theft, bicycle and vehicle crime MOs mention an e-scooter.
inline constexpr double kCrimeEscooter = 0.03;

// --- Fire ----------------------------------------------------------------------------------------
// Seed 002 lines 1906-1908: 214 fires in Cambridge City, Oct 2023 - Sep 2024, 21% deliberate; the
// LSOA population of Cambridge in the shared data is 146,995, so 1.456 fires per 1,000 residents a
// year, applied to every LSOA of the area by its population.
inline constexpr double kFiresPerThousandPerYear = 214.0 / 146.995;
inline constexpr double kFireDeliberate = 0.21;
// Assumption: deliberate sub-types (docs/EXTRACTS.md order): primary dwelling 8%, primary vehicle
// 22%, primary other building 5%, secondary refuse 40%, secondary grassland 15%, secondary other 10%.
inline constexpr std::array<double, 6> kDeliberateType = {0.08, 0.22, 0.05, 0.40, 0.15, 0.10};
// Assumption: accidental fires' property: dwelling 45%, vehicle 15%, other building 15%, outdoor 25%.
inline constexpr std::array<double, 4> kAccidentalProperty = {0.45, 0.15, 0.15, 0.25};

// --- Health ----------------------------------------------------------------------------------------
// Assumption: per police-recorded violence with injury, 0.6 emergency department assault attendances
// and 0.35 ambulance call-outs (many assaults reach hospital without a crime report and the reverse).
inline constexpr double kEdPerViolenceWithInjury = 0.6, kAmbulancePerViolenceWithInjury = 0.35;

// --- Treatment series ------------------------------------------------------------------------------
// golden/sa2024-treatment.csv (Cambridge): the published numbers in treatment, scaled by the area's
// LSOA population over Cambridge's (146,995), with Poisson noise.
inline constexpr double kCambridgePopulation = 146995;

}  // namespace csa::synth::calibration
