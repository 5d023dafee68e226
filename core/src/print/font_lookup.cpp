// The font for print: asked of fontconfig (never a path), for a sans-serif face covering Hangul.
#include <fontconfig/fontconfig.h>

#include <mutex>

#include "print/pdf_document.hpp"

namespace steward::print {
namespace {

constexpr FcChar32 kHangulHan = 0xD55C;  // '한'

std::string family_of(FcPattern* font) {
  FcChar8* family = nullptr;
  if (FcPatternGetString(font, FC_FAMILY, 0, &family) != FcResultMatch || family == nullptr) {
    return {};
  }
  return reinterpret_cast<const char*>(family);
}

bool covers_hangul(FcPattern* font) {
  FcCharSet* charset = nullptr;
  return FcPatternGetCharSet(font, FC_CHARSET, 0, &charset) == FcResultMatch &&
         charset != nullptr && FcCharSetHasChar(charset, kHangulHan) != 0;
}

std::string lookup() {
  if (FcInit() == FcFalse) return "Sans";
  std::string chosen;
  FcPattern* wanted = FcNameParse(reinterpret_cast<const FcChar8*>("sans-serif:lang=ko"));
  if (wanted != nullptr) {
    FcConfigSubstitute(nullptr, wanted, FcMatchPattern);
    FcDefaultSubstitute(wanted);
    FcResult result = FcResultNoMatch;
    FcPattern* match = FcFontMatch(nullptr, wanted, &result);
    if (match != nullptr) {
      if (covers_hangul(match)) chosen = family_of(match);
      FcPatternDestroy(match);
    }
    FcPatternDestroy(wanted);
  }
  if (!chosen.empty()) return chosen;
  // No sans-serif default covers Hangul: any installed font that does.
  FcPattern* any = FcNameParse(reinterpret_cast<const FcChar8*>(":lang=ko"));
  FcObjectSet* objects = FcObjectSetBuild(FC_FAMILY, FC_CHARSET, nullptr);
  if (any != nullptr && objects != nullptr) {
    FcFontSet* set = FcFontList(nullptr, any, objects);
    if (set != nullptr) {
      for (int i = 0; i < set->nfont && chosen.empty(); ++i) {
        if (covers_hangul(set->fonts[i])) chosen = family_of(set->fonts[i]);
      }
      FcFontSetDestroy(set);
    }
  }
  if (objects != nullptr) FcObjectSetDestroy(objects);
  if (any != nullptr) FcPatternDestroy(any);
  return chosen.empty() ? "Sans" : chosen;
}

}  // namespace

std::string korean_font_family() {
  static std::once_flag once;
  static std::string family;
  std::call_once(once, [] { family = lookup(); });
  return family;
}

}  // namespace steward::print
