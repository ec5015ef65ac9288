#!/usr/bin/env bash
# Makes data/report/reference.docx, the Word styles of report.docx (src/document/docx_writer.cpp runs
# `pandoc --reference-doc=data/report/reference.docx`). Starts from pandoc's own reference document,
# so every style pandoc uses exists, and changes only what we want to look different:
#   - Arial throughout (Liberation Sans, its metric twin, stands in where Arial is not installed),
#     11 pt body text, A4 pages with 2 cm margins, British English;
#   - headings in the report's accent blue (#206095, as the HTML), each chapter on a new page;
#   - a title page set left, as GOV.UK and ONS publications are;
#   - captions bold above tables and below figures; notes and sources small and grey;
#   - the "Table" table style: shaded header row with a dark rule, light rules between rows;
#   - the paragraph styles the writer asks for by name: Lead (summary box), Note, Warning, Source Note.
# The colours match the HTML's style sheet (src/document/html_writer.cpp). Re-run after changing it:
#   data/report/make-reference-docx.sh
# Needs pandoc (2.17, as Debian 12), unzip, zip and perl. The output is byte-for-byte reproducible.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="$here/reference.docx"
for tool in pandoc unzip zip perl; do
  command -v "$tool" >/dev/null || { echo "make-reference-docx: '$tool' is needed (apt-get install $tool)" >&2; exit 1; }
done

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
pandoc -o "$work/default.docx" --print-default-data-file reference.docx
mkdir "$work/x"
unzip -q "$work/default.docx" -d "$work/x"
styles="$work/x/word/styles.xml"

# The styles we own, as whole <w:style> elements: each replaces pandoc's style of the same id.
cat > "$work/our-styles.xml" <<'XML'
  <w:style w:type="paragraph" w:default="1" w:styleId="Normal">
    <w:name w:val="Normal" />
    <w:qFormat />
    <w:rPr><w:color w:val="0B0C0C" /></w:rPr>
  </w:style>
  <w:style w:type="paragraph" w:styleId="BodyText">
    <w:name w:val="Body Text" />
    <w:basedOn w:val="Normal" />
    <w:link w:val="BodyTextChar" />
    <w:qFormat />
    <w:pPr><w:spacing w:before="0" w:after="160" w:line="288" w:lineRule="auto" /></w:pPr>
  </w:style>
  <w:style w:type="paragraph" w:styleId="Title">
    <w:name w:val="Title" />
    <w:basedOn w:val="Normal" />
    <w:next w:val="BodyText" />
    <w:qFormat />
    <w:pPr>
      <w:keepNext /><w:keepLines />
      <w:pBdr><w:top w:val="single" w:sz="48" w:space="24" w:color="206095" /></w:pBdr>
      <w:spacing w:before="2400" w:after="360" w:line="240" w:lineRule="auto" />
    </w:pPr>
    <w:rPr><w:b /><w:bCs /><w:color w:val="206095" /><w:sz w:val="56" /><w:szCs w:val="56" /></w:rPr>
  </w:style>
  <w:style w:type="paragraph" w:styleId="Subtitle">
    <w:name w:val="Subtitle" />
    <w:basedOn w:val="Normal" />
    <w:next w:val="BodyText" />
    <w:qFormat />
    <w:pPr><w:keepNext /><w:keepLines /><w:spacing w:before="0" w:after="720" /></w:pPr>
    <w:rPr><w:sz w:val="32" /><w:szCs w:val="32" /></w:rPr>
  </w:style>
  <w:style w:type="paragraph" w:customStyle="1" w:styleId="Author">
    <w:name w:val="Author" />
    <w:basedOn w:val="Normal" />
    <w:next w:val="BodyText" />
    <w:qFormat />
    <w:pPr>
      <w:keepNext /><w:keepLines />
      <w:pBdr><w:top w:val="single" w:sz="4" w:space="8" w:color="B1B4B6" /></w:pBdr>
      <w:spacing w:before="0" w:after="60" />
    </w:pPr>
    <w:rPr><w:b /><w:bCs /></w:rPr>
  </w:style>
  <w:style w:type="paragraph" w:styleId="Date">
    <w:name w:val="Date" />
    <w:basedOn w:val="Normal" />
    <w:next w:val="BodyText" />
    <w:qFormat />
    <w:pPr><w:keepNext /><w:keepLines /><w:spacing w:before="0" w:after="60" /></w:pPr>
    <w:rPr><w:color w:val="505A5F" /></w:rPr>
  </w:style>
  <w:style w:type="paragraph" w:customStyle="1" w:styleId="Abstract">
    <w:name w:val="Abstract" />
    <w:basedOn w:val="Normal" />
    <w:next w:val="BodyText" />
    <w:qFormat />
    <w:pPr><w:keepNext /><w:keepLines /><w:spacing w:before="0" w:after="60" /></w:pPr>
    <w:rPr><w:color w:val="505A5F" /><w:sz w:val="18" /><w:szCs w:val="18" /></w:rPr>
  </w:style>
  <w:style w:type="paragraph" w:styleId="Heading1">
    <w:name w:val="Heading 1" />
    <w:basedOn w:val="Normal" />
    <w:next w:val="BodyText" />
    <w:uiPriority w:val="9" />
    <w:qFormat />
    <w:pPr>
      <w:keepNext /><w:keepLines /><w:pageBreakBefore />
      <w:pBdr><w:bottom w:val="single" w:sz="12" w:space="4" w:color="206095" /></w:pBdr>
      <w:spacing w:before="0" w:after="240" />
      <w:outlineLvl w:val="0" />
    </w:pPr>
    <w:rPr><w:b /><w:bCs /><w:color w:val="206095" /><w:sz w:val="40" /><w:szCs w:val="40" /></w:rPr>
  </w:style>
  <w:style w:type="paragraph" w:styleId="Heading2">
    <w:name w:val="Heading 2" />
    <w:basedOn w:val="Normal" />
    <w:next w:val="BodyText" />
    <w:uiPriority w:val="9" />
    <w:unhideWhenUsed />
    <w:qFormat />
    <w:pPr><w:keepNext /><w:keepLines /><w:spacing w:before="360" w:after="120" /><w:outlineLvl w:val="1" /></w:pPr>
    <w:rPr><w:b /><w:bCs /><w:sz w:val="30" /><w:szCs w:val="30" /></w:rPr>
  </w:style>
  <w:style w:type="paragraph" w:styleId="Heading3">
    <w:name w:val="Heading 3" />
    <w:basedOn w:val="Normal" />
    <w:next w:val="BodyText" />
    <w:uiPriority w:val="9" />
    <w:unhideWhenUsed />
    <w:qFormat />
    <w:pPr><w:keepNext /><w:keepLines /><w:spacing w:before="240" w:after="80" /><w:outlineLvl w:val="2" /></w:pPr>
    <w:rPr><w:b /><w:bCs /><w:sz w:val="24" /><w:szCs w:val="24" /></w:rPr>
  </w:style>
  <w:style w:type="paragraph" w:styleId="TOCHeading">
    <w:name w:val="TOC Heading" />
    <w:basedOn w:val="Heading1" />
    <w:next w:val="BodyText" />
    <w:uiPriority w:val="39" />
    <w:unhideWhenUsed />
    <w:qFormat />
    <w:pPr><w:outlineLvl w:val="9" /></w:pPr>
  </w:style>
  <w:style w:type="paragraph" w:styleId="TOC1">
    <w:name w:val="toc 1" />
    <w:basedOn w:val="Normal" />
    <w:next w:val="Normal" />
    <w:uiPriority w:val="39" />
    <w:unhideWhenUsed />
    <w:pPr><w:tabs><w:tab w:val="right" w:leader="dot" w:pos="9628" /></w:tabs><w:spacing w:before="160" w:after="40" /></w:pPr>
    <w:rPr><w:b /><w:bCs /></w:rPr>
  </w:style>
  <w:style w:type="paragraph" w:styleId="TOC2">
    <w:name w:val="toc 2" />
    <w:basedOn w:val="Normal" />
    <w:next w:val="Normal" />
    <w:uiPriority w:val="39" />
    <w:unhideWhenUsed />
    <w:pPr><w:tabs><w:tab w:val="right" w:leader="dot" w:pos="9628" /></w:tabs><w:spacing w:before="0" w:after="40" /><w:ind w:left="340" /></w:pPr>
  </w:style>
  <w:style w:type="paragraph" w:styleId="Caption">
    <w:name w:val="Caption" />
    <w:basedOn w:val="Normal" />
    <w:pPr><w:spacing w:before="240" w:after="120" /></w:pPr>
    <w:rPr><w:b /><w:bCs /><w:sz w:val="20" /><w:szCs w:val="20" /></w:rPr>
  </w:style>
  <w:style w:type="paragraph" w:customStyle="1" w:styleId="TableCaption">
    <w:name w:val="Table Caption" />
    <w:basedOn w:val="Caption" />
    <w:pPr><w:keepNext /><w:keepLines /></w:pPr>
  </w:style>
  <w:style w:type="paragraph" w:customStyle="1" w:styleId="ImageCaption">
    <w:name w:val="Image Caption" />
    <w:basedOn w:val="Caption" />
    <w:pPr><w:keepNext /><w:keepLines /><w:spacing w:before="80" w:after="40" /></w:pPr>
  </w:style>
  <w:style w:type="paragraph" w:customStyle="1" w:styleId="Figure">
    <w:name w:val="Figure" />
    <w:basedOn w:val="Normal" />
    <w:pPr><w:spacing w:before="240" w:after="0" /></w:pPr>
  </w:style>
  <w:style w:type="paragraph" w:customStyle="1" w:styleId="CaptionedFigure">
    <w:name w:val="Captioned Figure" />
    <w:basedOn w:val="Figure" />
    <w:pPr><w:keepNext /></w:pPr>
  </w:style>
  <w:style w:type="paragraph" w:customStyle="1" w:styleId="SourceNote">
    <w:name w:val="Source Note" />
    <w:basedOn w:val="Normal" />
    <w:qFormat />
    <w:pPr><w:spacing w:before="40" w:after="40" /></w:pPr>
    <w:rPr><w:color w:val="505A5F" /><w:sz w:val="17" /><w:szCs w:val="17" /></w:rPr>
  </w:style>
  <w:style w:type="paragraph" w:customStyle="1" w:styleId="Lead">
    <w:name w:val="Lead" />
    <w:basedOn w:val="BodyText" />
    <w:qFormat />
    <w:pPr>
      <w:pBdr><w:left w:val="single" w:sz="36" w:space="10" w:color="206095" /></w:pBdr>
      <w:shd w:val="clear" w:color="auto" w:fill="E9F1F8" />
      <w:spacing w:before="120" w:after="240" />
      <w:ind w:left="284" w:right="142" />
    </w:pPr>
    <w:rPr><w:sz w:val="24" /><w:szCs w:val="24" /></w:rPr>
  </w:style>
  <w:style w:type="paragraph" w:customStyle="1" w:styleId="Note">
    <w:name w:val="Note" />
    <w:basedOn w:val="BodyText" />
    <w:qFormat />
    <w:rPr><w:color w:val="505A5F" /><w:sz w:val="19" /><w:szCs w:val="19" /></w:rPr>
  </w:style>
  <w:style w:type="paragraph" w:customStyle="1" w:styleId="Warning">
    <w:name w:val="Warning" />
    <w:basedOn w:val="BodyText" />
    <w:qFormat />
    <w:pPr>
      <w:pBdr><w:left w:val="single" w:sz="36" w:space="10" w:color="A94600" /></w:pBdr>
      <w:shd w:val="clear" w:color="auto" w:fill="FDF1E7" />
      <w:spacing w:before="120" w:after="240" />
      <w:ind w:left="284" w:right="142" />
    </w:pPr>
  </w:style>
  <w:style w:type="character" w:styleId="Hyperlink">
    <w:name w:val="Hyperlink" />
    <w:basedOn w:val="BodyTextChar" />
    <w:rPr><w:color w:val="1D70B8" /><w:u w:val="single" /></w:rPr>
  </w:style>
  <w:style w:type="table" w:default="1" w:styleId="Table">
    <w:name w:val="Table" />
    <w:basedOn w:val="TableNormal" />
    <w:uiPriority w:val="59" />
    <w:qFormat />
    <w:pPr><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto" /></w:pPr>
    <w:rPr><w:sz w:val="19" /><w:szCs w:val="19" /></w:rPr>
    <w:tblPr>
      <w:tblInd w:w="0" w:type="dxa" />
      <w:tblBorders>
        <w:bottom w:val="single" w:sz="4" w:space="0" w:color="B1B4B6" />
        <w:insideH w:val="single" w:sz="4" w:space="0" w:color="B1B4B6" />
      </w:tblBorders>
      <w:tblCellMar>
        <w:top w:w="57" w:type="dxa" />
        <w:left w:w="85" w:type="dxa" />
        <w:bottom w:w="57" w:type="dxa" />
        <w:right w:w="85" w:type="dxa" />
      </w:tblCellMar>
    </w:tblPr>
    <w:tblStylePr w:type="firstRow">
      <w:pPr><w:keepNext /></w:pPr>
      <w:rPr><w:b /><w:bCs /></w:rPr>
      <w:tblPr />
      <w:trPr><w:tblHeader /></w:trPr>
      <w:tcPr>
        <w:tcBorders><w:bottom w:val="single" w:sz="12" w:space="0" w:color="0B0C0C" /></w:tcBorders>
        <w:shd w:val="clear" w:color="auto" w:fill="F3F2F1" />
        <w:vAlign w:val="bottom" />
      </w:tcPr>
    </w:tblStylePr>
  </w:style>
XML

ids="$(perl -ne 'print "$1\n" if /w:styleId="([^"]+)"/' "$work/our-styles.xml")"
# Drop pandoc's version of each style we define, then add ours before </w:styles>.
for id in $ids; do
  STYLE_ID="$id" perl -0777 -pi -e 's{\s*<w:style\b[^>]*\bw:styleId="\Q$ENV{STYLE_ID}\E"[^>]*>.*?</w:style>}{}s' "$styles"
done
OURS="$work/our-styles.xml" perl -0777 -pi -e '
  open my $f, "<", $ENV{OURS} or die; local $/; my $ours = <$f>;
  s{</w:styles>}{$ours</w:styles>}' "$styles"
# Document defaults: Arial 11 pt, British English (theme fonts are Calibri and Cambria otherwise).
perl -0777 -pi -e '
  s{<w:rPrDefault>.*?</w:rPrDefault>}{<w:rPrDefault><w:rPr><w:rFonts w:ascii="Arial" w:eastAsia="Arial" w:hAnsi="Arial" w:cs="Arial" /><w:sz w:val="22" /><w:szCs w:val="22" /><w:lang w:val="en-GB" w:eastAsia="en-GB" w:bidi="ar-SA" /></w:rPr></w:rPrDefault>}s' "$styles"
# Styles that still name theme fonts (Heading 4-9, Block Text) get Arial through the theme.
perl -pi -e 's{(<a:(?:major|minor)Font><a:latin typeface=")[^"]*(")}{$1Arial$2}g' "$work/x/word/theme/theme1.xml"
# A4 portrait, 2 cm margins: pandoc copies the reference document's last section properties.
perl -0777 -pi -e 's{<w:sectPr\s*/>}{<w:sectPr><w:pgSz w:w="11906" w:h="16838" /><w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134" w:header="567" w:footer="567" w:gutter="0" /></w:sectPr>}' "$work/x/word/document.xml"

for id in $ids; do
  n="$(grep -c "w:styleId=\"$id\"" "$styles" || true)"
  [ "$n" = 1 ] || { echo "make-reference-docx: style $id appears $n times in styles.xml" >&2; exit 1; }
done
grep -q 'w:pgSz w:w="11906"' "$work/x/word/document.xml" || { echo "make-reference-docx: A4 page size not set" >&2; exit 1; }

# Zip with fixed dates and order, [Content_Types].xml first, so the same input gives the same bytes.
(
  cd "$work/x"
  find . -exec touch -h -d '2024-01-01 00:00:00' {} +
  rm -f "$work/reference.docx"
  TZ=UTC zip -X -q "$work/reference.docx" '[Content_Types].xml'
  find . -type f ! -name '[Content_Types].xml' | sed 's|^\./||' | LC_ALL=C sort | TZ=UTC zip -X -q "$work/reference.docx" -@
)
mv "$work/reference.docx" "$out"
echo "make-reference-docx: wrote $out"
