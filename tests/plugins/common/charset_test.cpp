// ensure_utf8: valid UTF-8 (Hangul included) passes through untouched; anything else is read as
// Windows-1252, the usual charset of bank files that declare none.
#include <gtest/gtest.h>

#include "steward/plugin_common/charset.hpp"

namespace steward::plugin_common {
namespace {

TEST(EnsureUtf8, KeepsValidUtf8AndReadsTheRestAsWindows1252) {
  EXPECT_EQ(ensure_utf8("김민지 Kim"), "김민지 Kim");
  EXPECT_EQ(ensure_utf8(""), "");
  EXPECT_EQ(ensure_utf8("Caf\xe9 M\xfcller"), "Café Müller");
  EXPECT_EQ(ensure_utf8("\x80 5"), "€ 5");
  // A Hangul syllable cut in half is not UTF-8: read as Windows-1252, never passed on broken.
  std::string cut = std::string("김").substr(0, 2);
  std::string read = ensure_utf8(cut);
  EXPECT_NE(read, cut);
  EXPECT_FALSE(read.empty());
}

}  // namespace
}  // namespace steward::plugin_common
