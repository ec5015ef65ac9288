// A small document with one of every block, shared by the document writer tests (HTML, PDF, DOCX):
// chapters and sections with a contents, every paragraph style, a table with a total row and notes,
// and a figure whose SVG has an XML declaration and an internal id, as the figure writer makes them.
#pragma once

#include <string>

#include "document/document.hpp"

namespace csa::document::testing {

inline std::string sample_svg() {
  return R"svg(<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="640" height="320" viewBox="0 0 640 320" font-family="Liberation Sans, Arial, sans-serif">
<defs><clipPath id="plot"><rect x="60" y="20" width="560" height="250"/></clipPath></defs>
<rect width="640" height="320" fill="#ffffff"/>
<g clip-path="url(#plot)">
<rect x="80" y="120" width="80" height="150" fill="#206095"/>
<rect x="200" y="60" width="80" height="210" fill="#206095"/>
<rect x="320" y="150" width="80" height="120" fill="#206095"/>
<rect x="440" y="90" width="80" height="180" fill="#206095"/>
</g>
<line x1="60" y1="270" x2="620" y2="270" stroke="#0b0c0c"/>
<text x="120" y="290" text-anchor="middle" font-size="14">Abbey</text>
<text x="240" y="290" text-anchor="middle" font-size="14">Market</text>
<text x="360" y="290" text-anchor="middle" font-size="14">Petersfield</text>
<text x="480" y="290" text-anchor="middle" font-size="14">Romsey</text>
</svg>
)svg";
}

inline table::Table sample_table() {
  using table::Align;
  using table::RowKind;
  table::Table t;
  t.title = "Shoplifting by ward, Cambridge, years ending December 2024 and 2025";
  t.columns = {{"ward", "Ward", Align::left},
               {"count_2024", "2024", Align::right},
               {"count_2025", "2025", Align::right},
               {"change", "Change", Align::right},
               {"rate", "Rate per 1,000 residents", Align::right}};
  t.rows = {
      {{{"Market", std::nullopt}, {"1,204", 1204.0}, {"1,587", 1587.0}, {"+32% (+383)", 0.318}, {"215.3", 215.3}},
       RowKind::body},
      {{{"Abbey", std::nullopt}, {"311", 311.0}, {"402", 402.0}, {"+29% (+91)", 0.293}, {"38.9", 38.9}}, RowKind::body},
      {{{"Petersfield & <Mill Road>", std::nullopt}, {"<5", std::nullopt}, {"7", 7.0}, {"–", std::nullopt},
        {"0.6", 0.6}},
       RowKind::body},
      {{{"Cambridge", std::nullopt}, {"1,518", 1518.0}, {"1,996", 1996.0}, {"+31% (+478)", 0.315}, {"13.6", 13.6}},
       RowKind::total},
  };
  t.notes = {"Source: police.uk, street-level crime, January 2024 to December 2025.",
             "Counts under 5 are shown as <5. See {ref:fig-wards} for the same counts as bars."};
  return t;
}

inline Document sample_document() {
  Document d;
  d.meta.title = "Cambridge Community Safety Partnership: Strategic Assessment 2025";
  d.meta.subtitle = "Year ending December 2025";
  d.meta.author = "Cambridgeshire Research Group";
  d.meta.date = "21 November 2026";
  d.meta.version = "csa 0.1.0, report version 1";
  d.blocks = {
      Contents{},
      Heading{1, "Summary", "summary", true},
      Paragraph{"Shoplifting rose by **31%** in the year ending December 2025; {ref:tab-wards} shows where.",
                Paragraph::Style::lead},
      Paragraph{"Market ward holds most of the increase.", Paragraph::Style::lead},
      Paragraph{"The partnership asked for ward-level detail. This section gives it; the method is in "
                "{ref:methods}.",
                Paragraph::Style::body},
      BulletList{{"Shoplifting: **high volume** and rising", "Cycle theft: falling for a third year"}, false},
      Heading{2, "Shoplifting", "shoplifting", true},
      TableBlock{"tab-wards", sample_table(), 0},
      FigureBlock{"fig-wards", "Shoplifting by ward, Cambridge, year ending December 2025",
                  "Bar chart: Market has by far the most shoplifting, then Romsey, Abbey and Petersfield.",
                  sample_svg(), "shoplifting-by-ward", "Source: police.uk street-level crime data.", 0},
      Heading{3, "A detail not in the contents", "detail", true},
      Paragraph{"Small counts are suppressed.", Paragraph::Style::note},
      Heading{1, "Methods", "methods", true},
      Paragraph{"Hotspot analysis could not be written: the data hold no coordinates.", Paragraph::Style::warning},
      BulletList{{"Counts by ward", "Rates per 1,000 residents"}, true},
  };
  return d;
}

}  // namespace csa::document::testing
