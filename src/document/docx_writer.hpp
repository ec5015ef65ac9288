// The document as a Word file, for partners who edit the assessment before it goes to the board.
// Built as pandoc's JSON document (pandoc 2.17, Debian 12) and converted by `pandoc` with the styles of
// data/report/reference.docx (made by data/report/make-reference-docx.sh), so headings are real Word
// headings (and build Word's navigation pane and contents), tables are Word tables with a "Table
// Caption" above and notes below, and figures are pictures with alt text and an "Image Caption".
#pragma once

#include <string>

#include "document/document.hpp"

namespace csa::document {

// Numbers a copy of `doc` and writes it to `docx_path`. Figures are the pictures the caller has
// written as `figures_dir/<file_stem>.png` (the SVG beside it when there is no PNG). The contents
// (levels 1 and 2) go after the title block when the document has a Contents block; Word fills in
// the page numbers when the file is opened.
// Throws IoError when pandoc is missing (install it with scripts/install-deps.sh) or fails, when a
// figure's picture or the reference document is missing; InternalError on bad ids or references.
void write_docx(const Document& doc, const std::string& docx_path, const std::string& figures_dir);

// The pandoc JSON document write_docx() converts, for tests and for debugging a conversion.
std::string pandoc_json(const Document& numbered_doc, const std::string& figures_dir);

// word/document.xml as pandoc wrote it from pandoc_json(), with each styled cell's marker turned
// into its cell shading (w:shd in w:tcPr) and paragraph indent (w:ind in w:pPr).
std::string shade_cells(std::string document_xml);

}  // namespace csa::document
