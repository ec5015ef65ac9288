// The streaming CSV reader (src/ingest/csv_reader.hpp): BOM, line ends, RFC 4180 quoting, physical
// line numbers, records split across read and chunk boundaries, malformed records and recovery.
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "ingest/csv_reader.hpp"

namespace csa::ingest {
namespace {

// A record copied out of the reader (its views die on the next call).
struct Rec {
  CsvReader::Status status;
  std::vector<std::string> fields;
  std::string raw;
  std::uint64_t line;
  std::string error;
  bool operator==(const Rec&) const = default;
};

std::ostream& operator<<(std::ostream& os, const Rec& r) {
  os << "{status " << static_cast<int>(r.status) << ", line " << r.line << ", raw [" << r.raw << "], fields [";
  for (std::size_t i = 0; i < r.fields.size(); ++i) os << (i ? "|" : "") << r.fields[i];
  return os << "], error [" << r.error << "]}";
}

struct ReadAll {
  std::vector<Rec> records;
  bool had_bom = false;
  std::uint64_t bytes_consumed = 0;
};

ReadAll read_all(const std::string& data, std::size_t max_read = SIZE_MAX, std::size_t chunk = 1 << 20,
                 std::size_t max_record = 1 << 20) {
  CsvReader reader(std::make_unique<MemorySource>(data, max_read), chunk, max_record);
  ReadAll out;
  CsvRecord rec;
  for (int guard = 0; guard < 100000; ++guard) {
    auto status = reader.next(rec);
    if (status == CsvReader::Status::end) break;
    Rec r{status, {}, std::string(rec.raw), rec.line, status == CsvReader::Status::malformed ? reader.error() : ""};
    for (auto f : rec.fields) r.fields.emplace_back(f);
    out.records.push_back(std::move(r));
  }
  // end is sticky
  EXPECT_EQ(reader.next(rec), CsvReader::Status::end);
  out.had_bom = reader.had_bom();
  out.bytes_consumed = reader.bytes_consumed();
  return out;
}

using Fields = std::vector<std::string>;
constexpr auto kOk = CsvReader::Status::ok;
constexpr auto kBad = CsvReader::Status::malformed;

TEST(CsvReader, StripsUtf8ByteOrderMark) {
  const std::string data = "\xEF\xBB\xBF" "Crime ID,Month\r\nabc,2024-01\r\n";
  auto r = read_all(data);
  EXPECT_TRUE(r.had_bom);
  ASSERT_EQ(r.records.size(), 2u);
  EXPECT_EQ(r.records[0].fields, (Fields{"Crime ID", "Month"}));
  EXPECT_EQ(r.records[0].raw, "Crime ID,Month");
  EXPECT_EQ(r.records[0].line, 1u);
  EXPECT_EQ(r.records[1].fields, (Fields{"abc", "2024-01"}));
  EXPECT_EQ(r.records[1].line, 2u);
  EXPECT_EQ(r.bytes_consumed, data.size());

  // Same bytes read one at a time: the BOM still goes.
  auto slow = read_all(data, 1, 1);
  EXPECT_TRUE(slow.had_bom);
  EXPECT_EQ(slow.records, r.records);
  EXPECT_EQ(slow.bytes_consumed, data.size());
}

TEST(CsvReader, NoByteOrderMark) {
  auto r = read_all("a,b\n");
  EXPECT_FALSE(r.had_bom);
  ASSERT_EQ(r.records.size(), 1u);
  EXPECT_EQ(r.records[0].fields, (Fields{"a", "b"}));
  // A BOM only counts at the very start; two bytes of one are data.
  auto partial = read_all("\xEF\xBB,x\n");
  EXPECT_FALSE(partial.had_bom);
  ASSERT_EQ(partial.records.size(), 1u);
  EXPECT_EQ(partial.records[0].fields, (Fields{"\xEF\xBB", "x"}));
}

TEST(CsvReader, CrlfLfAndFinalLineWithoutLineEnd) {
  const std::string data = "a,b\nc,d\r\ne,f";
  auto r = read_all(data);
  ASSERT_EQ(r.records.size(), 3u);
  EXPECT_EQ(r.records[0], (Rec{kOk, {"a", "b"}, "a,b", 1, ""}));
  EXPECT_EQ(r.records[1], (Rec{kOk, {"c", "d"}, "c,d", 2, ""}));
  EXPECT_EQ(r.records[2], (Rec{kOk, {"e", "f"}, "e,f", 3, ""}));
  EXPECT_EQ(r.bytes_consumed, data.size());
}

TEST(CsvReader, FinalLineEndingInCrlfOrLoneCr) {
  auto r = read_all("x,y\r\nlast\r");
  ASSERT_EQ(r.records.size(), 2u);
  EXPECT_EQ(r.records[1].fields, (Fields{"last"}));
  EXPECT_EQ(r.records[1].raw, "last");
  EXPECT_EQ(r.bytes_consumed, 10u);
  // A carriage return not followed by a line feed inside a line is data.
  auto mid = read_all("a\rb,c\n");
  ASSERT_EQ(mid.records.size(), 1u);
  EXPECT_EQ(mid.records[0].fields, (Fields{"a\rb", "c"}));
}

TEST(CsvReader, QuotedFieldsWithCommasQuotesAndNewlines) {
  const std::string data =
      "id,name,note\r\n"
      "1,\"Bournemouth, Christchurch and Poole 036E\",\"he said \"\"hi\"\"\"\r\n"
      "2,\"first line\r\nsecond line\nthird line\",end\r\n"
      "3,\"\",\"\"\"\"\r\n"
      "4,plain,x\r\n";
  auto r = read_all(data);
  ASSERT_EQ(r.records.size(), 5u);
  EXPECT_EQ(r.records[1].fields, (Fields{"1", "Bournemouth, Christchurch and Poole 036E", "he said \"hi\""}));
  EXPECT_EQ(r.records[1].line, 2u);
  EXPECT_EQ(r.records[2].fields, (Fields{"2", "first line\r\nsecond line\nthird line", "end"}));
  EXPECT_EQ(r.records[2].line, 3u);
  EXPECT_EQ(r.records[2].raw, "2,\"first line\r\nsecond line\nthird line\",end");
  // The record after a three-line record starts on physical line 6.
  EXPECT_EQ(r.records[3].fields, (Fields{"3", "", "\""}));
  EXPECT_EQ(r.records[3].line, 6u);
  EXPECT_EQ(r.records[4].fields, (Fields{"4", "plain", "x"}));
  EXPECT_EQ(r.records[4].line, 7u);
  for (const auto& rec : r.records) EXPECT_EQ(rec.status, kOk) << rec;
  EXPECT_EQ(r.bytes_consumed, data.size());
}

TEST(CsvReader, EmptyFieldsAndBlankLines) {
  const std::string data = ",,\na,,b\nc,\n\n\"\"\n,";
  auto r = read_all(data);
  ASSERT_EQ(r.records.size(), 6u);
  EXPECT_EQ(r.records[0].fields, (Fields{"", "", ""}));
  EXPECT_EQ(r.records[1].fields, (Fields{"a", "", "b"}));
  EXPECT_EQ(r.records[2].fields, (Fields{"c", ""}));
  // A blank line is one empty field with an empty raw (the ingest skips it).
  EXPECT_EQ(r.records[3].fields, (Fields{""}));
  EXPECT_EQ(r.records[3].raw, "");
  EXPECT_EQ(r.records[3].line, 4u);
  EXPECT_EQ(r.records[4].fields, (Fields{""}));
  EXPECT_EQ(r.records[4].raw, "\"\"");
  EXPECT_EQ(r.records[5].fields, (Fields{"", ""}));
  EXPECT_EQ(r.records[5].line, 6u);
  EXPECT_EQ(r.bytes_consumed, data.size());
}

TEST(CsvReader, EmptyInput) {
  auto r = read_all("");
  EXPECT_TRUE(r.records.empty());
  EXPECT_FALSE(r.had_bom);
  EXPECT_EQ(r.bytes_consumed, 0u);
  auto bom_only = read_all("\xEF\xBB\xBF");
  EXPECT_TRUE(bom_only.records.empty());
  EXPECT_TRUE(bom_only.had_bom);
  EXPECT_EQ(bom_only.bytes_consumed, 3u);
}

// Everything the reader handles, in one input, so that every byte position is a read boundary once.
const std::string kTricky =
    "\xEF\xBB\xBF"
    "Crime ID,Month,Location,LSOA name,Context\r\n"
    "abc,2024-01,On or near High Street,\"Bournemouth, Christchurch and Poole 036E\",\r\n"
    ",2024-01,\"On or near \"\"The Green\"\"\",Cambridge 007A,\"line one\r\nline two\"\r\n"
    "x,,,,\n"
    "\"\",\"\"\"\",\"a\"\"\",\"\"\"b\",\r\n"
    "bad,\"closed\"junk,more,\"x\",y\r\n"
    "\r\n"
    "after,bad,\"q\"\r\r\n"
    "tail,\"multi\nline\",\"\"\r\n"
    "last,no line end";

TEST(CsvReader, SplitAcrossReadsAndChunksGivesIdenticalRecords) {
  auto whole = read_all(kTricky);
  ASSERT_EQ(whole.records.size(), 10u);
  EXPECT_TRUE(whole.had_bom);
  EXPECT_EQ(whole.bytes_consumed, kTricky.size());
  // Spot-check the reference reading itself.
  EXPECT_EQ(whole.records[1].fields[3], "Bournemouth, Christchurch and Poole 036E");
  EXPECT_EQ(whole.records[2].fields[2], "On or near \"The Green\"");
  EXPECT_EQ(whole.records[2].fields[4], "line one\r\nline two");
  EXPECT_EQ(whole.records[3].line, 5u);
  EXPECT_EQ(whole.records[4].fields, (Fields{"", "\"", "a\"", "\"b", ""}));
  EXPECT_EQ(whole.records[5].status, kBad);
  EXPECT_EQ(whole.records[5].line, 7u);
  EXPECT_EQ(whole.records[5].raw, "bad,\"closed\"junk,more,\"x\",y");
  EXPECT_EQ(whole.records[6].raw, "");
  EXPECT_EQ(whole.records[6].line, 8u);
  EXPECT_EQ(whole.records[7].status, kBad);  // "q" followed by a lone CR
  EXPECT_EQ(whole.records[7].line, 9u);
  EXPECT_EQ(whole.records[8].fields, (Fields{"tail", "multi\nline", ""}));
  EXPECT_EQ(whole.records[8].line, 10u);
  EXPECT_EQ(whole.records[9].fields, (Fields{"last", "no line end"}));
  EXPECT_EQ(whole.records[9].line, 12u);

  for (std::size_t max_read = 1; max_read <= 7; ++max_read) {
    for (std::size_t chunk : {std::size_t{1}, std::size_t{2}, std::size_t{3}, std::size_t{5}, std::size_t{7},
                              std::size_t{64}}) {
      SCOPED_TRACE("max_read " + std::to_string(max_read) + ", chunk " + std::to_string(chunk));
      auto split = read_all(kTricky, max_read, chunk);
      EXPECT_EQ(split.records, whole.records);
      EXPECT_TRUE(split.had_bom);
      EXPECT_EQ(split.bytes_consumed, kTricky.size());
    }
  }
}

TEST(CsvReader, SplitAcrossChunksWithoutByteOrderMarkOrFinalLineEnd) {
  // Ends inside a quoted field's doubled quote and after a CR: the last bytes are the tricky ones.
  const std::string data = "a,\"b\"\"\"\r\nc,\"d\r\n\"\r";
  auto whole = read_all(data);
  ASSERT_EQ(whole.records.size(), 2u);
  EXPECT_EQ(whole.records[0].fields, (Fields{"a", "b\""}));
  EXPECT_EQ(whole.records[1].fields, (Fields{"c", "d\r\n"}));
  EXPECT_EQ(whole.records[1].line, 2u);
  for (std::size_t max_read = 1; max_read <= 7; ++max_read) {
    for (std::size_t chunk = 1; chunk <= 7; ++chunk) {
      auto split = read_all(data, max_read, chunk);
      EXPECT_EQ(split.records, whole.records) << "max_read " << max_read << " chunk " << chunk;
      EXPECT_EQ(split.bytes_consumed, data.size());
      EXPECT_FALSE(split.had_bom);
    }
  }
}

TEST(CsvReader, TextAfterClosingQuoteIsMalformedAndReadingContinues) {
  const std::string data =
      "h1,h2,h3\n"
      "ok,1,2\n"
      "x,\"On or near \"Park\" Road\",y\n"
      "next,3,4\n"
      "\"multi\nline\"oops,z\n"
      "again,5,6\n";
  auto r = read_all(data);
  ASSERT_EQ(r.records.size(), 6u);
  EXPECT_EQ(r.records[1].status, kOk);
  EXPECT_EQ(r.records[2].status, kBad);
  EXPECT_EQ(r.records[2].line, 3u);
  EXPECT_EQ(r.records[2].raw, "x,\"On or near \"Park\" Road\",y");
  EXPECT_NE(r.records[2].error.find("closing quote"), std::string::npos) << r.records[2].error;
  EXPECT_EQ(r.records[3], (Rec{kOk, {"next", "3", "4"}, "next,3,4", 4, ""}));
  // A bad quoted field spanning two lines: the following record's line still counts both.
  EXPECT_EQ(r.records[4].status, kBad);
  EXPECT_EQ(r.records[4].line, 5u);
  EXPECT_EQ(r.records[5], (Rec{kOk, {"again", "5", "6"}, "again,5,6", 7, ""}));
  EXPECT_EQ(r.bytes_consumed, data.size());
  for (std::size_t max_read = 1; max_read <= 7; ++max_read) {
    EXPECT_EQ(read_all(data, max_read, 3).records, r.records) << "max_read " << max_read;
  }
}

TEST(CsvReader, TextAfterClosingQuoteOnLastLineWithoutLineEnd) {
  const std::string data = "a,b\n\"x\"y,z";
  auto r = read_all(data);
  ASSERT_EQ(r.records.size(), 2u);
  EXPECT_EQ(r.records[1].status, kBad);
  EXPECT_EQ(r.records[1].line, 2u);
  EXPECT_EQ(r.records[1].raw, "\"x\"y,z");
  EXPECT_EQ(r.bytes_consumed, data.size());
}

// A lone CR is data in an unquoted field; after a closing quote it is text after the quote, not a line
// end (it used to end the record there, and the rest of the line came back as a second record with
// the same line number).
TEST(CsvReader, LoneCarriageReturnAfterClosingQuoteIsMalformed) {
  const std::string data = "\"q\"\rx,y\nz,w\n";
  auto r = read_all(data);
  ASSERT_EQ(r.records.size(), 2u);
  EXPECT_EQ(r.records[0].status, kBad);
  EXPECT_EQ(r.records[0].line, 1u);
  EXPECT_EQ(r.records[0].raw, "\"q\"\rx,y");
  EXPECT_EQ(r.records[1], (Rec{kOk, {"z", "w"}, "z,w", 2, ""}));
  EXPECT_EQ(r.bytes_consumed, data.size());
  for (std::size_t max_read = 1; max_read <= 7; ++max_read) {
    EXPECT_EQ(read_all(data, max_read, 1).records, r.records) << "max_read " << max_read;
  }
  // The same CR as part of CRLF, or as the last byte of the input, is a line end.
  auto crlf = read_all("\"q\"\r\nz\r");
  ASSERT_EQ(crlf.records.size(), 2u);
  EXPECT_EQ(crlf.records[0], (Rec{kOk, {"q"}, "\"q\"", 1, ""}));
  auto last = read_all("z\n\"q\"\r", 1, 1);
  ASSERT_EQ(last.records.size(), 2u);
  EXPECT_EQ(last.records[1], (Rec{kOk, {"q"}, "\"q\"", 2, ""}));
}

TEST(CsvReader, UnclosedQuoteAtEndOfFile) {
  const std::string data = "a,b\r\nc,\"never closed\r\nmore text\r\n";
  auto r = read_all(data);
  ASSERT_EQ(r.records.size(), 2u);
  EXPECT_EQ(r.records[0], (Rec{kOk, {"a", "b"}, "a,b", 1, ""}));
  EXPECT_EQ(r.records[1].status, kBad);
  EXPECT_EQ(r.records[1].line, 2u);
  EXPECT_EQ(r.records[1].raw.rfind("c,\"never closed", 0), 0u) << r.records[1].raw;
  EXPECT_NE(r.records[1].error.find("not closed"), std::string::npos) << r.records[1].error;
  EXPECT_EQ(r.bytes_consumed, data.size());
  for (std::size_t max_read = 1; max_read <= 7; ++max_read) {
    auto split = read_all(data, max_read, 2);
    EXPECT_EQ(split.records, r.records) << "max_read " << max_read;
    EXPECT_EQ(split.bytes_consumed, data.size());
  }
}

TEST(CsvReader, RecordLongerThanLimitIsMalformedThenReadingContinues) {
  const std::string long_line = "x" + std::string(60, 'y') + ",z";
  const std::string data = "a,b\n" + long_line + "\nc,d\n";
  for (std::size_t chunk : {std::size_t{1}, std::size_t{4}, std::size_t{8}}) {
    SCOPED_TRACE("chunk " + std::to_string(chunk));
    auto r = read_all(data, SIZE_MAX, chunk, 16);
    ASSERT_EQ(r.records.size(), 3u);
    EXPECT_EQ(r.records[0], (Rec{kOk, {"a", "b"}, "a,b", 1, ""}));
    EXPECT_EQ(r.records[1].status, kBad);
    EXPECT_EQ(r.records[1].line, 2u);
    EXPECT_NE(r.records[1].error.find("longer than 16 bytes"), std::string::npos) << r.records[1].error;
    EXPECT_EQ(r.records[1].raw.rfind("xyyy", 0), 0u);
    EXPECT_EQ(r.records[2], (Rec{kOk, {"c", "d"}, "c,d", 3, ""}));
    EXPECT_EQ(r.bytes_consumed, data.size());
  }
}

TEST(CsvReader, OverlongUnclosedQuoteAtEndOfInputEnds) {
  const std::string data = "a,b\n\"" + std::string(100, 'q');
  auto r = read_all(data, 3, 4, 16);
  ASSERT_EQ(r.records.size(), 2u);
  EXPECT_EQ(r.records[1].status, kBad);
  EXPECT_EQ(r.records[1].line, 2u);
  EXPECT_EQ(r.bytes_consumed, data.size());
}

TEST(CsvReader, ManyRecordsThroughSmallChunks) {
  std::string data = "n,sq\n";
  for (int i = 0; i < 500; ++i) data += std::to_string(i) + ",\"" + std::to_string(i * i) + "\"\r\n";
  auto r = read_all(data, 5, 7);
  ASSERT_EQ(r.records.size(), 501u);
  for (int i = 0; i < 500; ++i) {
    const auto& rec = r.records[static_cast<std::size_t>(i) + 1];
    ASSERT_EQ(rec.fields, (Fields{std::to_string(i), std::to_string(i * i)}));
    ASSERT_EQ(rec.line, static_cast<std::uint64_t>(i) + 2);
  }
  EXPECT_EQ(r.bytes_consumed, data.size());
}

TEST(CsvFileSource, MissingFileThrowsIoError) {
  EXPECT_THROW(FileSource("/nonexistent/csa/no-such-file.csv"), IoError);
}

}  // namespace
}  // namespace csa::ingest
