// Who an email appeal goes to: the members of a segment, less everyone who must not get it.
// Each person left out is counted once, under the first reason that applies, in this order:
//   restricted      a restricted constituent (bulk appeals never go to them, whoever asks)
//   already_sent    an earlier send of this appeal has them (queued, sending, sent or deferred)
//   unsubscribed    their primary email address used an unsubscribe link
//   do_not_email    marked do not email
//   do_not_solicit  marked do not solicit (no asks of any kind)
//   no_valid_email  no primary email, or one that is not a plausible address
//   shared_address  their address already gets this appeal: another member of the segment
//                   shares it (a couple, a church office), the lowest constituent id first, or
//                   an earlier send of the appeal asked it (one ask per mailbox, as CiviCRM's
//                   and Bloomerang's mailings dedupe by address)
// so segment_count = recipients + the sum of the exclusions. (Deceased/inactive: Steward has no
// such flag; deleted and merged records are never segment members.)
// The segment is read as it is now; sending freezes this list (appeal_sender.hpp).
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "store/database.hpp"

namespace steward::engine::appeals {

struct AudienceRequest {
  long long appeal_id = 0;
  long long segment_id = 0;
  std::string template_name = "appeal";
};

struct Exclusions {
  long long restricted = 0;
  long long already_sent = 0;
  long long unsubscribed = 0;
  long long do_not_email = 0;
  long long do_not_solicit = 0;
  long long no_valid_email = 0;
  long long shared_address = 0;
  long long total() const;
  nlohmann::json to_json() const;
};

struct AudienceMember {
  long long constituent_id = 0;
  std::string display_name;
  std::string email;
  std::string language;       // the donor's mail language (mail_merge.hpp)
  long long template_id = 0;  // the template version they get (their language, else "en")
};

struct Audience {
  long long appeal_id = 0;
  long long segment_id = 0;
  std::string template_name;
  long long segment_count = 0;
  Exclusions excluded;
  std::vector<AudienceMember> recipients;
  long long count_in(const std::string& language) const;
  // What the command line and the API show: the counts by language and exclusion, not the list.
  nlohmann::json to_json() const;
};

// Errors: kNotFound for the appeal or segment; kInvalid naming "template_name" when no current,
// active template of that name exists in English (the fallback) or the segment's filter no
// longer parses ("segment_id: ...").
Result<Audience> appeal_audience(store::Unit& unit, const AudienceRequest& request);

}  // namespace steward::engine::appeals
