// Name lists for the demo organisation's constituents: Korean names in Hangul (family name
// first), Korean-American names in Latin letters, other American names, churches and companies.
#pragma once

#include <string>
#include <vector>

namespace steward::engine::demo::names {

struct KoreanFamily {
  const char* hangul;
  const char* latin;  // the usual American spelling: Kim, Lee, Park...
};

extern const std::vector<KoreanFamily> kKoreanFamilies;
extern const std::vector<std::string> kKoreanGivenFemale;     // Hangul: 영희, 지영...
extern const std::vector<std::string> kKoreanGivenMale;       // Hangul: 민수, 현우...
extern const std::vector<std::string> kKoreanAmericanFemale;  // Grace, Esther, Ji-woo...
extern const std::vector<std::string> kKoreanAmericanMale;    // Daniel, Joseph, Min-jun...
extern const std::vector<std::string> kAmericanLast;
extern const std::vector<std::string> kAmericanFemale;
extern const std::vector<std::string> kAmericanMale;
extern const std::vector<std::string> kKoreanChurches;   // 한빛교회 ...
extern const std::vector<std::string> kEnglishChurches;  // Grace Community Church ...
extern const std::vector<std::string> kBusinesses;
extern const std::vector<std::string> kFoundations;

struct Place {
  const char* city;
  const char* region;
  const char* postal_prefix;  // digits the postal code starts with
  const char* country;
};
extern const std::vector<Place> kUsPlaces;
extern const std::vector<Place> kKoreanPlaces;
extern const std::vector<Place> kCanadianPlaces;
extern const std::vector<std::string> kStreets;
extern const std::vector<std::string> kKoreanStreets;

}  // namespace steward::engine::demo::names
