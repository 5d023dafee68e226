#include "domain/name_normalizer.hpp"
#include "domain/text.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <memory>
#include <sstream>
#include <vector>

#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

namespace steward::domain {
namespace {

bool is_ascii(std::string_view s) {
  return std::all_of(s.begin(), s.end(),
                     [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

// Dropped without leaving a space, so "O'Brien" == "OBrien" and "Young-hee" == "Younghee".
bool is_joiner(UChar32 c) { return c == '\'' || c == '-' || c == 0x2019 || c == 0x2010; }

// Appends `c` as a word character, or a single space for anything else.
void append_folded(std::string& out, UChar32 c) {
  if (is_joiner(c)) return;
  if (u_isalnum(c)) {
    char buf[4];
    int32_t len = 0;
    UBool error = false;
    U8_APPEND(reinterpret_cast<uint8_t*>(buf), len, 4, c, error);
    if (!error) out.append(buf, static_cast<std::size_t>(len));
  } else if (!out.empty() && out.back() != ' ') {
    out.push_back(' ');
  }
}

std::string trim_trailing_space(std::string s) {
  while (!s.empty() && s.back() == ' ') s.pop_back();
  return s;
}

std::string fold_ascii(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char ch : text) {
    auto c = static_cast<unsigned char>(ch);
    if (std::isalnum(c)) {
      out.push_back(static_cast<char>(std::tolower(c)));
    } else if (!is_joiner(c) && !out.empty() && out.back() != ' ') {
      out.push_back(' ');
    }
  }
  return trim_trailing_space(std::move(out));
}

// One accent remover per thread: Transliterator is expensive to build and not thread-safe.
icu::Transliterator* accent_remover() {
  thread_local std::unique_ptr<icu::Transliterator> t = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> made(icu::Transliterator::createInstance(
        "NFD; [:Nonspacing Mark:] Remove; NFC", UTRANS_FORWARD, status));
    if (U_FAILURE(status)) made.reset();
    return made;
  }();
  return t.get();
}

std::string fold_unicode(std::string_view text) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc_cf = icu::Normalizer2::getNFKCCasefoldInstance(status);
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  if (U_SUCCESS(status)) {
    icu::UnicodeString folded = nfkc_cf->normalize(u, status);
    if (U_SUCCESS(status)) u = folded;
  }
  if (icu::Transliterator* t = accent_remover()) t->transliterate(u);
  std::string out;
  out.reserve(text.size());
  for (int32_t i = 0; i < u.length();) {
    UChar32 c = u.char32At(i);
    append_folded(out, c);
    i += U16_LENGTH(c);
  }
  return trim_trailing_space(std::move(out));
}

std::vector<std::string> name_split(const std::string& s) {
  std::vector<std::string> tokens;
  std::istringstream in(s);
  for (std::string t; in >> t;) tokens.push_back(t);
  return tokens;
}

bool has_hangul(std::string_view s) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  int32_t i = 0;
  auto n = static_cast<int32_t>(s.size());
  while (i < n) {
    UChar32 c = 0;
    U8_NEXT(p, i, n, c);
    if (c >= 0xAC00 && c <= 0xD7A3) return true;
  }
  return false;
}

const std::array<std::string_view, 22> kLatinTitles = {
    "mr", "mrs", "ms", "miss", "mx", "dr",  "rev", "reverend", "prof", "fr",  "pastor",
    "jr", "sr",  "ii", "iii",  "iv", "phd", "md",  "esq",      "dds",  "hon", "sir"};

// Longest first, so "목사님" is removed whole rather than leaving "목사".
const std::array<std::string_view, 15> kKoreanTitles = {
    "전도사님", "목사님", "집사님", "장로님", "권사님", "선생님", "사모님", "전도사",
    "목사",     "집사",   "장로",   "권사",   "선생",   "님",     "씨"};

bool is_title(std::string_view token) {
  return std::find(kLatinTitles.begin(), kLatinTitles.end(), token) != kLatinTitles.end() ||
         std::find(kKoreanTitles.begin(), kKoreanTitles.end(), token) != kKoreanTitles.end();
}

// Strips Korean titles attached at the end of a Hangul token ("김영희집사님" → "김영희"),
// keeping at least one syllable.
std::string strip_attached_korean_titles(std::string token) {
  bool stripped = true;
  while (stripped) {
    stripped = false;
    for (std::string_view title : kKoreanTitles) {
      if (token.size() > title.size() && token.ends_with(title)) {
        token.resize(token.size() - title.size());
        stripped = true;
        break;
      }
    }
  }
  return token;
}

}  // namespace

std::string normalize_text(std::string_view text) {
  return is_ascii(text) ? fold_ascii(text) : fold_unicode(text);
}

std::string name_key(std::string_view name) {
  std::vector<std::string> tokens = name_split(normalize_text(name));
  std::vector<std::string> kept;
  bool all_hangul = true;
  for (std::string& t : tokens) {
    if (is_title(t)) continue;
    if (has_hangul(t)) {
      t = strip_attached_korean_titles(std::move(t));
    } else {
      all_hangul = false;
    }
    kept.push_back(std::move(t));
  }
  if (kept.empty()) kept = std::move(tokens);  // a name made only of titles keeps them
  std::string key;
  if (all_hangul) {
    // "영희 김": a one-syllable family name written after a longer given name moves to the front.
    if (kept.size() == 2 && domain::code_points(kept[1]) == 1 && domain::code_points(kept[0]) >= 2)
      std::swap(kept[0], kept[1]);
    for (const std::string& t : kept) key += t;  // Korean order kept, spaces ignored
    return key;
  }
  std::sort(kept.begin(), kept.end());
  for (const std::string& t : kept) {
    if (!key.empty()) key.push_back(' ');
    key += t;
  }
  return key;
}

std::string person_name_key(std::string_view first, std::string_view last) {
  std::string name(last);
  name += ' ';
  name += first;
  return name_key(name);
}

std::string normalize_email(std::string_view email) {
  std::size_t b = 0, e = email.size();
  while (b < e && std::isspace(static_cast<unsigned char>(email[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(email[e - 1]))) --e;
  std::string out(email.substr(b, e - b));
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string normalize_phone(std::string_view phone) {
  std::string digits;
  for (char c : phone)
    if (c >= '0' && c <= '9') digits.push_back(c);
  if (digits.size() < 7) return "";
  if (digits.size() > 10) digits = digits.substr(digits.size() - 10);
  return digits;
}

std::string normalize_postal(std::string_view postal) {
  std::string out;
  for (char c : postal) {
    auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u)) out.push_back(static_cast<char>(std::toupper(u)));
  }
  bool all_digits = !out.empty() && std::all_of(out.begin(), out.end(),
                                                [](char c) { return c >= '0' && c <= '9'; });
  if (all_digits && out.size() == 9) out.resize(5);  // ZIP+4 → ZIP
  return out;
}

std::string normalize_street(std::string_view line) {
  static const std::array<std::pair<std::string_view, std::string_view>, 16> kAbbrev = {{
      {"street", "st"},
      {"avenue", "ave"},
      {"road", "rd"},
      {"drive", "dr"},
      {"boulevard", "blvd"},
      {"lane", "ln"},
      {"court", "ct"},
      {"place", "pl"},
      {"north", "n"},
      {"south", "s"},
      {"east", "e"},
      {"west", "w"},
      {"apartment", "apt"},
      {"suite", "ste"},
      {"highway", "hwy"},
      {"parkway", "pkwy"},
  }};
  std::string key;
  for (std::string& t : name_split(normalize_text(line))) {
    for (const auto& [word, abbrev] : kAbbrev) {
      if (t == word) {
        t = std::string(abbrev);
        break;
      }
    }
    if (!key.empty()) key.push_back(' ');
    key += t;
  }
  return key;
}

}  // namespace steward::domain
