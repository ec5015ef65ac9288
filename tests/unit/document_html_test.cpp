// render_html: one self-contained page (no scripts, links, fonts or remote anything), escaped text,
// the contents as links to level-1 and level-2 headings, "Table N: title" captions with notes below,
// bold total rows, right-aligned numbers, paragraph styles, and figures with unique SVG ids.
#include <gtest/gtest.h>

#include <string>

#include "core/error.hpp"
#include "document/html_writer.hpp"
#include "document_sample.hpp"

namespace csa::document {
namespace {

bool has(const std::string& haystack, const std::string& needle) { return haystack.find(needle) != std::string::npos; }

std::size_t count(const std::string& haystack, const std::string& needle) {
  std::size_t n = 0;
  for (std::size_t at = haystack.find(needle); at != std::string::npos; at = haystack.find(needle, at + 1)) ++n;
  return n;
}

// The text between the first `open` and the next `close` after it.
std::string between(const std::string& s, const std::string& open, const std::string& close) {
  std::size_t a = s.find(open);
  if (a == std::string::npos) return "";
  a += open.size();
  std::size_t b = s.find(close, a);
  return b == std::string::npos ? "" : s.substr(a, b - a);
}

TEST(DocumentHtml, IsOneSelfContainedPage) {
  std::string html = render_html(testing::sample_document());
  EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_TRUE(has(html, "<html lang=\"en-GB\">"));
  EXPECT_TRUE(has(html, "<meta charset=\"utf-8\">"));
  EXPECT_TRUE(has(html, "<title>Cambridge Community Safety Partnership: Strategic Assessment 2025</title>"));
  for (const char* external : {"<script", "<link", "@import", "src=", "url(http", "https:", "@font-face"}) {
    EXPECT_FALSE(has(html, external)) << external;
  }
  // The only http: is the SVG namespace name, which is never fetched.
  for (std::size_t at = html.find("http:"); at != std::string::npos; at = html.find("http:", at + 1)) {
    EXPECT_EQ(html.substr(at, html.find('"', at) - at), "http://www.w3.org/2000/svg");
  }
  EXPECT_TRUE(has(html, "font-family: \"Liberation Sans\", \"DejaVu Sans\", Arial, sans-serif"));
  EXPECT_TRUE(has(html, "@page { size: A4"));
}

TEST(DocumentHtml, EscapesAllTextAndMarksBold) {
  Document d;
  d.meta.title = "Crime & <disorder> \"quoted\" 'single'";
  d.meta.language = "cy";
  d.blocks = {Heading{1, "A & B", "a-b", true}, Paragraph{"1 < 2 & **3 > 2** <script>", {}},
              BulletList{{"<li>"}, false}};
  std::string html = render_html(d);
  EXPECT_TRUE(has(html, "<html lang=\"cy\">"));
  EXPECT_TRUE(has(html, "<title>Crime &amp; &lt;disorder&gt; &quot;quoted&quot; &#39;single&#39;</title>"));
  EXPECT_TRUE(has(html, ">A &amp; B</h2>"));
  EXPECT_TRUE(has(html, "<p>1 &lt; 2 &amp; <strong>3 &gt; 2</strong> &lt;script&gt;</p>"));
  EXPECT_TRUE(has(html, "<li>&lt;li&gt;</li>"));
  EXPECT_FALSE(has(html, "<script"));
}

TEST(DocumentHtml, ContentsLinksToLevelOneAndTwoHeadings) {
  Document d = testing::sample_document();
  d.blocks.insert(d.blocks.begin() + 2, Heading{2, "Hidden from contents", "hidden", false});
  std::string html = render_html(d);
  std::string nav = between(html, "<nav class=\"contents\"", "</nav>");
  ASSERT_FALSE(nav.empty());
  EXPECT_TRUE(has(nav, "<a href=\"#summary\">Summary</a>"));
  EXPECT_TRUE(has(nav, "<a href=\"#shoplifting\">Shoplifting</a>"));
  EXPECT_TRUE(has(nav, "<a href=\"#methods\">Methods</a>"));
  EXPECT_FALSE(has(nav, "#detail")) << "level 3 is not in the contents";
  EXPECT_FALSE(has(nav, "#hidden")) << "in_contents = false";
  // Level 2 nested in the level-1 item before it.
  EXPECT_TRUE(has(nav, "<li><a href=\"#summary\">Summary</a>\n<ol>\n<li><a href=\"#shoplifting\">Shoplifting</a></li>\n</ol>\n</li>"))
      << nav;
  // Every link has its anchor.
  for (const char* id : {"summary", "shoplifting", "methods"}) {
    EXPECT_TRUE(has(html, std::string("<h") + (std::string(id) == "shoplifting" ? "3" : "2") + " id=\"" + id + "\""))
        << id;
  }
}

TEST(DocumentHtml, TableCaptionNotesTotalsAndAlignment) {
  std::string html = render_html(testing::sample_document());
  std::string table = between(html, "<div class=\"table-block\" id=\"tab-wards\">", "</table>");
  ASSERT_FALSE(table.empty());
  EXPECT_TRUE(has(table, "<caption>Table 1: Shoplifting by ward, Cambridge, years ending December 2024 and 2025</caption>"));
  EXPECT_TRUE(has(table, "<thead>\n<tr><th scope=\"col\">Ward</th><th scope=\"col\" class=\"num\">2024</th>"));
  EXPECT_TRUE(has(table, "<tr><th scope=\"row\">Market</th><td class=\"num\">1,204</td>"));
  EXPECT_TRUE(has(table, "<th scope=\"row\">Petersfield &amp; &lt;Mill Road&gt;</th><td class=\"num\">&lt;5</td>"));
  EXPECT_TRUE(has(table, "<tr class=\"total\"><th scope=\"row\">Cambridge</th>"));
  EXPECT_EQ(count(table, "<tr class=\"total\">"), 1u);
  EXPECT_TRUE(has(html, "tr.total th, tr.total td { font-weight: bold;"));
  std::string notes = between(html, "<div class=\"table-notes\">", "</div>");
  EXPECT_TRUE(has(notes, "<p>Source: police.uk, street-level crime, January 2024 to December 2025.</p>"));
  EXPECT_TRUE(has(notes, "<p>Counts under 5 are shown as &lt;5. See Figure 1 for the same counts as bars.</p>"));
}

TEST(DocumentHtml, FigureCaptionBelowWithSourceAndUniqueSvgIds) {
  std::string html = render_html(testing::sample_document());
  std::string figure = between(html, "<figure id=\"fig-wards\">", "</figure>");
  ASSERT_FALSE(figure.empty());
  EXPECT_FALSE(has(figure, "<?xml")) << "no XML declaration inside HTML";
  EXPECT_TRUE(has(figure, "aria-label=\"Bar chart: Market has by far the most shoplifting"));
  EXPECT_TRUE(has(figure, "<clipPath id=\"fig-wards-plot\">"));
  EXPECT_TRUE(has(figure, "clip-path=\"url(#fig-wards-plot)\""));
  std::size_t svg_end = figure.find("</svg>");
  std::size_t caption = figure.find("<figcaption><span class=\"caption\">Figure 1: Shoplifting by ward, Cambridge, "
                                    "year ending December 2025</span>");
  ASSERT_NE(caption, std::string::npos);
  EXPECT_LT(svg_end, caption) << "caption below the figure";
  EXPECT_TRUE(has(figure, "<span class=\"source\">Source: police.uk street-level crime data.</span></figcaption>"));
}

TEST(DocumentHtml, TitlePageParagraphStylesAndLists) {
  std::string html = render_html(testing::sample_document());
  std::string title = between(html, "<header class=\"title-page\">", "</header>");
  EXPECT_TRUE(has(title, "<h1>Cambridge Community Safety Partnership: Strategic Assessment 2025</h1>"));
  EXPECT_TRUE(has(title, "<p class=\"subtitle\">Year ending December 2025</p>"));
  EXPECT_TRUE(has(title, "21 November 2026"));
  EXPECT_TRUE(has(title, "csa 0.1.0, report version 1"));
  // Two lead paragraphs in a row share one summary box.
  EXPECT_EQ(count(html, "<div class=\"lead\">"), 1u);
  EXPECT_TRUE(has(html, "<div class=\"lead\">\n<p>Shoplifting rose by <strong>31%</strong> in the year ending December "
                        "2025; Table 1 shows where.</p>\n<p>Market ward holds most of the increase.</p>\n</div>"));
  EXPECT_TRUE(has(html, "<p class=\"note\">Small counts are suppressed.</p>"));
  EXPECT_TRUE(has(html, "<div class=\"warning\"><span class=\"icon\" aria-hidden=\"true\">!</span><p><span "
                        "class=\"visually-hidden\">Warning: </span>Hotspot analysis could not be written"));
  EXPECT_TRUE(has(html, "<ol class=\"list\">\n<li>Counts by ward</li>"));
  EXPECT_TRUE(has(html, "<ul class=\"list\">\n<li>Shoplifting: <strong>high volume</strong> and rising</li>"));
  // Chapters start a page in print.
  EXPECT_TRUE(has(html, "h2 { font-size: 18pt; break-before: page;"));
}

TEST(DocumentHtml, BadReferenceIsAnInternalError) {
  Document d;
  d.blocks = {Paragraph{"See {ref:nowhere}", {}}};
  EXPECT_THROW(render_html(d), InternalError);
}

}  // namespace
}  // namespace csa::document
