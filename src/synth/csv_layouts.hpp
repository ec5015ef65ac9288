// Writing the synthetic rows in exactly the layouts of docs/EXTRACTS.md ("The synthetic files"):
// the header lines below are those of the document, and tests/cli/synth_extract.sh compares them.
// RFC 4180 quoting where a field holds a comma, quote or line break; LF line ends; no BOM.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "extract/record.hpp"
#include "geo/projection.hpp"
#include "synth/partner_generators.hpp"

namespace csa::synth {

inline constexpr std::string_view kCrimeHeader =
    "CrimeRef,HOCode,OffenceDescription,CommittedFromDate,CommittedFromTime,RecordedDate,RecordedTime,Easting,Northing,"
    "LSOACode,WardCode,DAFlag,HateFlag,HateStrand,CSEFlag,KnifeFlag,CyberFlag,VulnerableVictim,AlcoholFlag,DrugsFlag,"
    "CCEFlag,VictimAge,VictimSex,OffenderAge,OffenderSex,VictimID,OffenderID,MO";
inline constexpr std::string_view kAsbHeader =
    "IncidentNo,ASBCategory,IncidentType,IncidentDate,IncidentTime,Easting,Northing,LSOACode,WardCode,RiskLevel,Summary";
inline constexpr std::string_view kDaHeader =
    "IncidentNo,IncidentDate,IncidentTime,Crimed,RiskLevel,VictimAge,VictimSex,OffenderAge,OffenderSex,VictimID,"
    "OffenderID,Easting,Northing,LSOACode,WardCode,Summary";
inline constexpr std::string_view kFireHeader =
    "IncidentNumber,CallDate,CallTime,Cause,DeliberateType,PropertyType,Longitude,Latitude,LSOACode,WardCode";
inline constexpr std::string_view kEdHeader =
    "AttendanceID,ArrivalDate,ArrivalTime,PatientAge,PatientSex,IncidentLocationType,IncidentLSOA";
inline constexpr std::string_view kAmbulanceHeader =
    "CallID,CallDate,CallTime,PatientAge,PatientSex,LocationType,Easting,Northing,LSOACode";
inline constexpr std::string_view kTreatmentHeader = "substance_type,ye_sep_2023,ye_sep_2024";

// Each writes the whole file (IoError naming the path when it cannot).
void write_crime_csv(const std::string& path, const std::vector<extract::Record>& rows);
void write_asb_csv(const std::string& path, const std::vector<extract::Record>& rows);
void write_da_csv(const std::string& path, const std::vector<extract::Record>& rows);
// Fires are sent in longitude/latitude: the points are projected back from the grid.
void write_fire_csv(const std::string& path, const std::vector<extract::Record>& rows, const geo::BngProjector& projector);
void write_ed_csv(const std::string& path, const std::vector<extract::Record>& rows);
void write_ambulance_csv(const std::string& path, const std::vector<extract::Record>& rows);
void write_treatment_csv(const std::string& path, const std::vector<TreatmentRow>& rows);

// One CSV field, quoted when it must be.
std::string csv_field(std::string_view text);

}  // namespace csa::synth
