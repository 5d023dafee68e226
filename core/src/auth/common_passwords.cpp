// The compiled list of common passwords and base words (lowercase). Entries are the bases that
// top every published breach list; decorations (digits, symbols, capitals, leetspeak,
// repetition) are stripped before lookup by password_policy.cpp, so "Password123!" and
// "p@ssw0rdp@ssw0rd" both reduce to "password".
#include <algorithm>
#include <array>
#include <string_view>

#include "auth/password_policy.hpp"

namespace steward::auth {
namespace {

constexpr std::array<std::string_view, 172> kCommon = {
    "1q2w3e4r",      "abc",       "abcd",       "abcdef",      "access",      "admin",
    "administrator", "amanda",    "andrew",     "angel",       "apple",       "asdf",
    "asdfgh",        "asdfghjk",  "asdfghjkl",  "ashley",      "austin",      "autumn",
    "azerty",        "bailey",    "banana",     "baseball",    "basketball",  "batman",
    "blessed",       "blessing",  "buster",     "changeit",    "changeme",    "charlie",
    "cheese",        "chelsea",   "chocolate",  "christ",      "christian",   "church",
    "computer",      "cookie",    "daniel",     "database",    "daum",        "default",
    "donate",        "donation",  "donor",      "dragon",      "dul",         "facebook",
    "faith",         "fall",      "family",     "father",      "football",    "forever",
    "freedom",       "friends",   "fuckyou",    "george",      "ginger",      "god",
    "godisgood",     "godislove", "google",     "grace",       "guest",       "hallelujah",
    "hana",          "hangul",    "hannah",     "harley",      "heaven",      "hello",
    "helloworld",    "hockey",    "holyspirit", "hope",        "hunter",      "hyundai",
    "iloveyou",      "internet",  "jennifer",   "jesus",       "jesuschrist", "jesuslovesme",
    "jordan",        "joshua",    "justin",     "kakao",       "killer",      "kimchi",
    "korea",         "letmein",   "login",      "love",        "lovely",      "loveme",
    "maggie",        "master",    "matthew",    "michael",     "michelle",    "ministry",
    "monkey",        "mother",    "mustang",    "mypassword",  "naver",       "newpassword",
    "nicole",        "ninja",     "nothing",    "oldpassword", "pass",        "passw",
    "passwd",        "password",  "passwort",   "pastor",      "peace",       "pepper",
    "praise",        "pray",      "prayer",     "princess",    "purple",      "q1w2e3r4",
    "qazwsx",        "qwer",      "qwert",      "qwerty",      "qwertyui",    "qwertyuiop",
    "rainbow",       "refuge",    "robert",     "root",        "saengil",     "samsung",
    "sarang",        "saranghae", "saranghe",   "sarangheyo",  "secret",      "secure",
    "security",      "seoul",     "shadow",     "soccer",      "spring",      "starwars",
    "steward",       "summer",    "sunshine",   "superman",    "system",      "temp",
    "temporary",     "test",      "testing",    "thomas",      "tigger",      "trustno",
    "trustnoone",    "unknown",   "user",       "welcome",     "whatever",    "winter",
    "zaq",           "zxcv",      "zxcvbn",     "zxcvbnm",
};

}  // namespace

bool is_common_password(std::string_view word) {
  return std::binary_search(kCommon.begin(), kCommon.end(), word);
}

}  // namespace steward::auth
