#include "domain/contact.hpp"

#include "domain/validation.hpp"

namespace steward::domain {
namespace {

constexpr std::string_view kCountries =
    "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ "
    "BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM "
    "DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS "
    "GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN "
    "KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ "
    "MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM "
    "PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV "
    "SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI "
    "VN VU WF WS YE YT ZA ZM ZW";

}  // namespace

bool is_plausible_email(std::string_view email) {
  if (email.size() < 3 || email.size() > 254) return false;
  std::size_t at = email.find('@');
  if (at == std::string_view::npos || at == 0 || email.find('@', at + 1) != std::string_view::npos)
    return false;
  std::string_view local = email.substr(0, at);
  std::string_view domain = email.substr(at + 1);
  if (local.size() > 64 || domain.empty()) return false;
  for (char c : email) {
    auto u = static_cast<unsigned char>(c);
    if (u <= 0x20 || c == '"' || c == '(' || c == ')' || c == ',' || c == ':' || c == ';' ||
        c == '<' || c == '>' || c == '[' || c == ']' || c == '\\')
      return false;
  }
  if (local.front() == '.' || local.back() == '.' || local.find("..") != std::string_view::npos)
    return false;
  std::size_t dot = domain.find('.');
  if (dot == std::string_view::npos || domain.front() == '.' || domain.back() == '.' ||
      domain.front() == '-' || domain.find("..") != std::string_view::npos)
    return false;
  return true;
}

std::string phone_digits(std::string_view phone) {
  std::string digits;
  for (char c : phone) {
    if (c >= '0' && c <= '9') digits.push_back(c);
  }
  return digits;
}

bool is_country_code(std::string_view code) {
  if (code.size() != 2) return false;
  for (char c : code) {
    if (c < 'A' || c > 'Z') return false;
  }
  for (std::size_t i = 0; i + 1 < kCountries.size(); i += 3) {
    if (kCountries.substr(i, 2) == code) return true;
  }
  return false;
}

Status validate(const EmailInput& in) {
  Status s = first_error({require_text("email", in.email, 254),
                          require_one_of("kind", in.kind, {"home", "work", "other"})});
  if (!s) return s;
  if (!is_plausible_email(in.email))
    return Status::invalid_field("email", "'" + in.email + "' is not an email address");
  return Status::ok();
}

Status validate(const PhoneInput& in) {
  Status s = first_error({require_text("phone", in.phone, 40),
                          require_one_of("kind", in.kind, {"mobile", "home", "work", "other"})});
  if (!s) return s;
  for (char c : in.phone) {
    bool ok = (c >= '0' && c <= '9') || c == ' ' || c == '+' || c == '-' || c == '(' || c == ')' ||
              c == '.' || c == '/';
    if (!ok) return Status::invalid_field("phone", "use digits, spaces and + - ( ) . only");
  }
  std::size_t n = phone_digits(in.phone).size();
  if (n < 7 || n > 15) return Status::invalid_field("phone", "a phone number has 7 to 15 digits");
  return Status::ok();
}

Status validate(const AddressInput& in) {
  Status s =
      first_error({require_one_of("kind", in.kind, {"home", "work", "mailing", "other"}),
                   require_text("line1", in.line1), check_text("line2", in.line2),
                   check_text("line3", in.line3), check_text("city", in.city),
                   check_text("region", in.region), check_text("postal_code", in.postal_code, 20)});
  if (!s) return s;
  if (!is_country_code(in.country))
    return Status::invalid_field("country",
                                 "'" + in.country + "' is not an ISO 3166 two-letter country code");
  return Status::ok();
}

}  // namespace steward::domain
