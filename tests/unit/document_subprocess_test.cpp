// run_program (core/subprocess.hpp), which the PDF and DOCX writers use: standard input in, output
// and error captured without deadlock, exit status and signals, the timeout that kills the program
// and its children, a missing program as IoError, and find_program.
#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "core/error.hpp"
#include "core/subprocess.hpp"

namespace csa {
namespace {

using namespace std::chrono_literals;

TEST(DocumentSubprocess, FeedsStdinAndCapturesBothOutputs) {
  RunOptions o;
  o.stdin_text = "hello\nworld\n";
  RunResult r = run_program({"sh", "-c", "cat; echo oops >&2; exit 3"}, o);
  EXPECT_EQ(r.out, "hello\nworld\n");
  EXPECT_EQ(r.err, "oops\n");
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(r.describe(), "exited with status 3");
}

TEST(DocumentSubprocess, LargeInputAndOutputDoNotDeadlock) {
  // Larger than any pipe buffer in both directions at once.
  RunOptions o;
  o.stdin_text.assign(3'000'000, 'x');
  RunResult r = run_program({"sh", "-c", "cat; head -c 2000000 /dev/zero | tr '\\0' y >&2"}, o);
  ASSERT_TRUE(r.ok()) << r.describe();
  EXPECT_EQ(r.out.size(), 3'000'000u);
  EXPECT_EQ(r.err.size(), 2'000'000u);
}

TEST(DocumentSubprocess, ProgramThatIgnoresItsInputIsFine) {
  RunOptions o;
  o.stdin_text.assign(1'000'000, 'x');  // the program exits without reading: EPIPE, not SIGPIPE for us
  RunResult r = run_program({"true"}, o);
  EXPECT_TRUE(r.ok());
}

TEST(DocumentSubprocess, ArgumentsNeedNoQuoting) {
  RunResult r = run_program({"printf", "%s|", "a b", "it's", "$HOME", "\"q\""});
  EXPECT_EQ(r.out, "a b|it's|$HOME|\"q\"|");
}

TEST(DocumentSubprocess, TimeoutKillsTheProgramAndItsChildren) {
  RunOptions o;
  o.timeout = 300ms;
  auto start = std::chrono::steady_clock::now();
  // The child `sleep` keeps the output pipe open: only killing the group ends it in time.
  RunResult r = run_program({"sh", "-c", "sleep 30 & sleep 30; echo never"}, o);
  auto took = std::chrono::steady_clock::now() - start;
  EXPECT_TRUE(r.timed_out);
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(r.signal, 9);
  EXPECT_LT(took, 5s);
  EXPECT_EQ(r.out, "");
}

TEST(DocumentSubprocess, MissingProgramIsAnIoError) {
  EXPECT_THROW(run_program({"csa-no-such-program-xyz"}), IoError);
  EXPECT_FALSE(find_program("csa-no-such-program-xyz"));
  auto sh = find_program("sh");
  ASSERT_TRUE(sh);
  EXPECT_EQ(sh->front(), '/');
  EXPECT_TRUE(find_program("/bin/sh"));
}

TEST(DocumentSubprocess, ErrTailKeepsTheLastNonBlankLines) {
  RunResult r;
  r.err = "one\n\ntwo\nthree\n   \nfour\n";
  EXPECT_EQ(r.err_tail(2), "three\nfour");
  EXPECT_EQ(last_lines("a\nb", 5), "a\nb");
}

}  // namespace
}  // namespace csa
