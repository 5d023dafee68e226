// Regression (segment_filter_fuzz, tests/fuzz/regressions/segment_filter_fuzz/): a number too
// large for a double in a segment filter's text made nlohmann throw out_of_range, which
// segment::parse did not catch, so the exception escaped to the caller.
#include <optional>
#include <string>

#include <gtest/gtest.h>

#include "domain/segment_filter.hpp"

namespace steward::domain::segment {
namespace {

TEST(SegmentFilterNumberOverflow, IsAnInvalidFilterNotAnException) {
  for (const char* text : {R"({"lifetime":{"min":1e999}})", R"({"tag":-1e400})",
                           "{\"not\":{\"oru[\":777777777777e777777777777}}"}) {
    std::optional<Result<Filter>> r;
    EXPECT_NO_THROW(r.emplace(parse(text, ParseOptions{}))) << text;
    ASSERT_TRUE(r.has_value()) << text;
    ASSERT_FALSE(r->is_ok()) << text;
    EXPECT_EQ(r->status().code(), StatusCode::kInvalid);
    EXPECT_NE(r->status().to_string().find("out of range"), std::string::npos)
        << r->status().to_string();
  }
}

TEST(SegmentFilterNumberOverflow, HangulFilterNextToItStillParses) {
  auto r = parse(R"({"tag":"이사회"})", ParseOptions{});
  ASSERT_TRUE(r.is_ok()) << r.status().to_string();
}

}  // namespace
}  // namespace steward::domain::segment
