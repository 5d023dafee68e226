#include "domain/name_normalizer.hpp"

#include <gtest/gtest.h>

namespace steward::domain {
namespace {

TEST(NameNormalizerTest, FoldsCaseAccentsAndWidth) {
  EXPECT_EQ(normalize_text("  JOSÉ   Núñez "), "jose nunez");
  EXPECT_EQ(name_key("José Núñez"), name_key("jose nunez"));
  EXPECT_EQ(name_key("Ｊｏｈｎ　Ｓｍｉｔｈ"), name_key("john smith"));  // full-width
  EXPECT_EQ(name_key("STRAßE"), name_key("strasse"));                   // case folding
  EXPECT_EQ(name_key("Zoë O'Brien"), name_key("zoe obrien"));
}

TEST(NameNormalizerTest, DropsHonorificsAndSuffixes) {
  EXPECT_EQ(name_key("Rev. John Smith Jr."), name_key("John Smith"));
  EXPECT_EQ(name_key("Mrs. Jane Doe"), name_key("Jane Doe"));
  EXPECT_EQ(name_key("Dr Jane Doe"), name_key("jane doe"));
  EXPECT_EQ(name_key("Mr."), "mr");  // a name made only of a title keeps it
}

TEST(NameNormalizerTest, KoreanTitlesAttachedOrSeparate) {
  EXPECT_EQ(name_key("김영희 목사님"), "김영희");
  EXPECT_EQ(name_key("김영희목사님"), "김영희");
  EXPECT_EQ(name_key("김영희 집사"), "김영희");
  EXPECT_EQ(name_key("박철수장로"), "박철수");
  EXPECT_EQ(name_key("이민수님"), "이민수");
  EXPECT_EQ(name_key("최지우 씨"), "최지우");
}

TEST(NameNormalizerTest, HangulStaysHangulWithOrWithoutSpace) {
  EXPECT_EQ(name_key("김 영희"), "김영희");
  EXPECT_EQ(name_key("김영희"), "김영희");
  EXPECT_EQ(normalize_text("김 영희"), "김 영희");
  EXPECT_NE(name_key("김영희"), name_key("김영수"));
  EXPECT_EQ(name_key("영희 김"), "김영희");  // family name written last
  EXPECT_EQ(person_name_key("영희", "김"), "김영희");
  EXPECT_EQ(person_name_key("김", "영희"), "김영희");
}

TEST(NameNormalizerTest, LatinNameOrderDoesNotMatter) {
  EXPECT_EQ(name_key("Kim Younghee"), name_key("Younghee Kim"));
  EXPECT_EQ(name_key("Kim Young-hee"), name_key("YOUNGHEE KIM"));
  EXPECT_NE(name_key("Kim Younghee"), name_key("Kim Youngsoo"));
}

TEST(NameNormalizerTest, EmailsPhonesPostalAndStreets) {
  EXPECT_EQ(normalize_email("  Jane.Doe@Example.ORG "), "jane.doe@example.org");
  EXPECT_EQ(normalize_phone("(555) 123-4567"), "5551234567");
  EXPECT_EQ(normalize_phone("+1 555 123 4567"), "5551234567");
  // Korea: "+82 10-..." and the domestic "010-..." both keep the last 10 digits.
  EXPECT_EQ(normalize_phone("+82 10-1234-5678"), normalize_phone("010-1234-5678"));
  EXPECT_EQ(normalize_phone("123"), "");
  EXPECT_EQ(normalize_postal("12345-6789"), "12345");
  EXPECT_EQ(normalize_postal("sw1a 1aa"), "SW1A1AA");
  EXPECT_EQ(normalize_street("12 Main Street, Apt. 4"), normalize_street("12 main st apt 4"));
}

}  // namespace
}  // namespace steward::domain
