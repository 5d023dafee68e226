// Name, email and phone normalisation for duplicate finding.
//
// normalize_text() folds what people type differently for the same name: Unicode compatibility
// forms and full-width letters (NFKC), case (full case folding), accents (NFD, nonspacing marks
// removed, NFC), punctuation (dropped) and runs of spaces (one). Hangul syllables are kept as
// Hangul (the accent step recomposes them).
//
// name_key() builds the blocking key the duplicate finder groups on:
//   - honorifics and suffixes are dropped: Mr, Mrs, Ms, Miss, Dr, Rev, Prof, Fr, Sr (as a
//     title before the name), Jr, Sr, II, III, IV, PhD, MD, Esq (after), and Korean titles
//     목사님, 목사, 전도사님, 전도사, 집사님, 집사, 장로님, 장로, 권사님, 권사, 선생님, 님, 씨
//     whether written as a separate word or attached to the name ("김영희집사님");
//   - Hangul names ignore spaces ("김 영희" == "김영희");
//   - other names are token-sorted so "Kim Younghee" == "Younghee Kim".
// normalize_email(): trimmed, lower-case (whole address). normalize_phone(): digits only; with
// more than 10 digits only the last 10 are kept (drops a country code such as +1 or +82 0);
// fewer than 7 digits give "" (not usable as a key). Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace steward::domain {

std::string normalize_text(std::string_view text);
std::string name_key(std::string_view name);
// The key of a person's name from its parts, family name first (Korean order; Latin keys are
// token-sorted anyway): person_name_key("영희", "김") == name_key("김영희").
std::string person_name_key(std::string_view first, std::string_view last);
std::string normalize_email(std::string_view email);
std::string normalize_phone(std::string_view phone);
// Postal code key: upper-case letters and digits only; US ZIP+4 reduced to the 5-digit ZIP.
std::string normalize_postal(std::string_view postal);
// Street line key: normalize_text with common street words abbreviated (street → st, ...).
std::string normalize_street(std::string_view line);

}  // namespace steward::domain
