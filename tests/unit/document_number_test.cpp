// Document::number(): tables and figures numbered in order, {ref:ID} replaced in every kind of text,
// headings referred to by their quoted text, automatic ids, and the errors that name the bad id.
// Also split_inline (the **bold** mark) and the captions.
#include <gtest/gtest.h>

#include <string>

#include "core/error.hpp"
#include "document/document.hpp"
#include "document_sample.hpp"

namespace csa::document {
namespace {

template <typename T>
const T& nth(const Document& d, int n) {
  for (const auto& b : d.blocks) {
    if (const auto* x = std::get_if<T>(&b); x != nullptr && n-- == 0) return *x;
  }
  throw std::out_of_range("no such block");
}

// The message of the InternalError number() throws, or "" when it does not throw.
std::string number_error(Document d) {
  try {
    d.number();
  } catch (const InternalError& e) {
    return e.what();
  }
  return "";
}

TEST(DocumentNumber, NumbersTablesAndFiguresInDocumentOrder) {
  Document d;
  d.blocks = {FigureBlock{"f1", "First figure", "", "", "f1", "", 0}, TableBlock{"t1", {}, 0},
              FigureBlock{"f2", "Second figure", "", "", "f2", "", 0}, TableBlock{"t2", {}, 0},
              TableBlock{"t3", {}, 0}};
  d.number();
  EXPECT_EQ(nth<FigureBlock>(d, 0).number, 1);
  EXPECT_EQ(nth<FigureBlock>(d, 1).number, 2);
  EXPECT_EQ(nth<TableBlock>(d, 0).number, 1);
  EXPECT_EQ(nth<TableBlock>(d, 1).number, 2);
  EXPECT_EQ(nth<TableBlock>(d, 2).number, 3);
  EXPECT_EQ(caption(nth<FigureBlock>(d, 1)), "Figure 2: Second figure");
}

TEST(DocumentNumber, ResolvesReferencesInEveryText) {
  Document d = testing::sample_document();
  d.number();
  // Paragraph, forwards to a heading, backwards and forwards to a table.
  EXPECT_EQ(nth<Paragraph>(d, 0).text,
            "Shoplifting rose by **31%** in the year ending December 2025; Table 1 shows where.");
  EXPECT_EQ(nth<Paragraph>(d, 2).text,
            "The partnership asked for ward-level detail. This section gives it; the method is in \u201CMethods\u201D.");
  // A table note referring forwards to a figure.
  EXPECT_EQ(nth<TableBlock>(d, 0).table.notes[1], "Counts under 5 are shown as <5. See Figure 1 for the same counts as bars.");

  Document e;
  table::Table t;
  t.title = "Compare {ref:f}";
  t.columns = {{"a", "See {ref:f}", table::Align::left}};
  t.rows = {{{{"cell {ref:f}", std::nullopt}}, table::RowKind::body}};
  e.blocks = {BulletList{{"item {ref:t}", "plain"}, false}, TableBlock{"t", t, 0},
              FigureBlock{"f", "cap {ref:t}", "alt {ref:t}", "", "f", "source {ref:t}", 0}};
  e.number();
  EXPECT_EQ(nth<BulletList>(e, 0).items[0], "item Table 1");
  const auto& tb = nth<TableBlock>(e, 0).table;
  EXPECT_EQ(tb.title, "Compare Figure 1");
  EXPECT_EQ(tb.columns[0].title, "See Figure 1");
  EXPECT_EQ(tb.rows[0].cells[0].text, "cell Figure 1");
  const auto& f = nth<FigureBlock>(e, 0);
  EXPECT_EQ(f.caption, "cap Table 1");
  EXPECT_EQ(f.alt_text, "alt Table 1");
  EXPECT_EQ(f.source, "source Table 1");
}

TEST(DocumentNumber, HeadingLabelIsItsTextWithoutBoldInQuotes) {
  Document d;
  d.blocks = {Heading{2, "Crime **overview**", "overview", true}, Paragraph{"See {ref:overview}.", {}}};
  d.number();
  EXPECT_EQ(nth<Paragraph>(d, 0).text, "See \u201CCrime overview\u201D.");
}

TEST(DocumentNumber, DanglingReferenceNamesTheId) {
  Document d;
  d.blocks = {Paragraph{"See {ref:tab-missing}.", {}}};
  std::string message = number_error(d);
  EXPECT_NE(message.find("'tab-missing'"), std::string::npos) << message;
  EXPECT_NE(message.find("paragraph 1"), std::string::npos) << message;
}

TEST(DocumentNumber, DuplicateIdNamesTheIdAndBothKinds) {
  Document d;
  d.blocks = {Heading{1, "Wards", "wards", true}, TableBlock{"wards", {}, 0}};
  std::string message = number_error(d);
  EXPECT_NE(message.find("'wards'"), std::string::npos) << message;
  EXPECT_NE(message.find("heading"), std::string::npos) << message;
  EXPECT_NE(message.find("table"), std::string::npos) << message;

  Document f;
  f.blocks = {FigureBlock{"x", "", "", "", "x", "", 0}, FigureBlock{"x", "", "", "", "x2", "", 0}};
  EXPECT_NE(number_error(f).find("'x'"), std::string::npos);
}

TEST(DocumentNumber, UnterminatedReferenceAndReferenceInHeadingAreErrors) {
  Document d;
  d.blocks = {Paragraph{"See {ref:oops", {}}};
  EXPECT_NE(number_error(d).find("unterminated"), std::string::npos);

  Document h;
  h.blocks = {Heading{1, "About {ref:t}", "h", true}, TableBlock{"t", {}, 0}};
  EXPECT_NE(number_error(h).find("About {ref:t}"), std::string::npos);
}

TEST(DocumentNumber, BlocksWithoutIdGetAutomaticIds) {
  Document d;
  d.blocks = {Heading{1, "One", "", true}, TableBlock{"", {}, 0}, TableBlock{"", {}, 0}, FigureBlock{}};
  d.number();
  EXPECT_EQ(nth<Heading>(d, 0).id, "auto-heading-1");
  EXPECT_EQ(nth<TableBlock>(d, 1).id, "auto-table-2");
  EXPECT_EQ(nth<FigureBlock>(d, 0).id, "auto-figure-1");
}

TEST(DocumentNumber, SecondCallChangesNothing) {
  Document d = testing::sample_document();
  d.blocks.emplace_back(std::in_place_type<TableBlock>);
  d.number();
  Document again = d;
  again.number();
  EXPECT_EQ(nth<Paragraph>(again, 0).text, nth<Paragraph>(d, 0).text);
  EXPECT_EQ(nth<TableBlock>(again, 1).id, nth<TableBlock>(d, 1).id);
  EXPECT_EQ(nth<TableBlock>(again, 1).number, 2);
}

TEST(DocumentInline, SplitsAtBoldMarks) {
  auto runs = split_inline("a **b** c");
  ASSERT_EQ(runs.size(), 3u);
  EXPECT_EQ(runs[0].text, "a ");
  EXPECT_FALSE(runs[0].bold);
  EXPECT_EQ(runs[1].text, "b");
  EXPECT_TRUE(runs[1].bold);
  EXPECT_EQ(runs[2].text, " c");

  auto open = split_inline("**x** and 2 ** 3");  // the second ** has no pair: kept as text
  ASSERT_EQ(open.size(), 2u);
  EXPECT_EQ(open[0].text, "x");
  EXPECT_EQ(open[1].text, " and 2 ** 3");
  EXPECT_FALSE(open[1].bold);

  EXPECT_TRUE(split_inline("").empty());
  EXPECT_EQ(split_inline("****plain").size(), 1u);
}

}  // namespace
}  // namespace csa::document
