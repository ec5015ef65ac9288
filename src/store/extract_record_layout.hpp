// How one extract::Record is laid out in a row of the SQLite table extract_record (migration 5).
// The row is kept narrow because ingest speed is set by what SQLite writes per row (values, bytes,
// and twice over: once to the write-ahead log, once by the checkpoint): the small coded fields
// (ages, sexes, risk, crimed, markers, hate strands, whether a time was given) share one integer,
// `attributes`, and a date with its time is one integer of minutes, `start_at` / `recorded_at`.
// The view extract_record_v (sqlite_migrations.cpp) decodes the same bits for analysts; the test
// store_extract_layout_test.cpp checks that the two agree.
#pragma once

#include <cstdint>
#include <optional>

#include "extract/record.hpp"

namespace csa::store::extract_layout {

// Bits of `attributes`, lowest first. The fields most rows carry (ages, sexes) take the low bits, so a
// typical crime's value stays below 2^23 and SQLite stores it in 3 bytes.
inline constexpr int kVictimAgeShift = 0;        // 8 bits: age + 1, 0 when not known
inline constexpr int kOffenderAgeShift = 8;      // 8 bits: likewise
inline constexpr int kVictimSexShift = 16;       // 2 bits: extract::Sex
inline constexpr int kOffenderSexShift = 18;     // 2 bits
inline constexpr int kRiskShift = 20;            // 3 bits: extract::Risk
inline constexpr int kCrimedShift = 23;          // 2 bits: crimed + 1 (0 not said, 1 incident only, 2 crimed)
inline constexpr int kStartNoTimeShift = 25;     // 1 bit: start_at holds a date without a time
inline constexpr int kRecordedNoTimeShift = 26;  // 1 bit: likewise for recorded_at
inline constexpr int kMarkersShift = 27;         // 9 bits: extract::Marker bits
inline constexpr int kHateStrandsShift = 36;     // 5 bits: extract::HateStrand bits

inline constexpr std::int64_t kMinutesPerDay = 1440;

// The attributes integer of a record. Throws InternalError for a value that does not fit its bits
// (the row mapper never produces one: ages are 0-120).
std::int64_t pack_attributes(const extract::Record& r);

// A day and minute as minutes since 1970-01-01 00:00 (minute 0 of the day when the time is not known,
// which the attributes say); nullopt when there is no day.
std::optional<std::int64_t> pack_at(std::int32_t day, std::int16_t minute);

// Sets the record's fields held by a row's start_at, recorded_at (nullopt: NULL) and attributes.
void unpack(std::optional<std::int64_t> start_at, std::optional<std::int64_t> recorded_at, std::int64_t attributes,
            extract::Record& r);

}  // namespace csa::store::extract_layout
