// The workspace's validation rules, each a pure function so the service, the CLI and the web layer
// give the same message for the same mistake. Every failure is an InputError naming the field, the
// value seen and the fix.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace csa::workspace {

// RAG status with the seeds' key (004_… lines 2466-2470): red = off target, action required;
// amber = off target within reason, monitor; green = on target; complete = done (the key's "On
// target (= complete)"); none = not yet assessed.
enum class Rag { none, red, amber, green, complete };
Rag parse_rag(std::string_view text);          // "red", "R", "Amber", … ; throws InputError
std::string_view rag_name(Rag r);               // "red"
std::string_view rag_title(Rag r);              // "RED"
std::string_view rag_meaning(Rag r);            // the key's sentence
std::string_view rag_colour(Rag r);             // background for tables: GOV.UK red, amber, green

// A hierarchical action id: numbers separated by dots, optionally a letter: "1", "1.1", "1.1 a",
// "2.3b", "1.1 a)". Normalised to "1.1 a"; sort_key orders 1.2 before 1.10 ("0001.0002 a").
struct ActionCode {
  std::string code;
  std::string sort_key;
};
ActionCode parse_action_code(std::string_view text);

// A board action point id "MM/NN" (month of the meeting / number), as the seeds' register "10/03".
std::string parse_point_code(std::string_view text);

// A financial quarter, given as the period specs do ("fy2024/25q3", "fy2024q3") or as "2024/25 Q3";
// stored as "2024/25 Q3" (sorts in time order).
std::string parse_quarter(std::string_view text);

// "YYYY-MM-DD" (a real date) and "YYYY-MM".
std::string parse_date(std::string_view text, std::string_view field);
std::string parse_month(std::string_view text, std::string_view field);

// Money "£1,000.50", "1000", "1000.5" -> pence. Negative amounts are refused.
long long parse_pence(std::string_view text, std::string_view field);
std::string pence_text(long long pence);  // "£1,000.50"; whole pounds print without pence: "£2,000"

// Whole numbers and numbers as typed in a form ("12", " 167 ", "12.5"); the message names the field.
std::int64_t parse_integer(std::string_view text, std::string_view field);
// "" (after trimming): none.
std::optional<double> parse_optional_number(std::string_view text, std::string_view field);

// Free text that must not be empty (after trimming).
std::string required_text(std::string_view text, std::string_view field);

enum class PointStatus { open, closed, carried_over };
PointStatus parse_point_status(std::string_view text);
std::string_view point_status_name(PointStatus s);  // "open", "closed", "carried_over"

enum class AgendaSession { closed, open_to_public };
AgendaSession parse_session(std::string_view text);        // "closed" or "public"
std::string_view session_name(AgendaSession s);            // "closed", "public"

}  // namespace csa::workspace
