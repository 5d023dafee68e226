// JSON images of constituents and what hangs off them (contact points, households,
// relationships, tags, giving), request readers, and the visibility rule for restricted records
// shared by the constituent handler files.
#pragma once

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "domain/constituent.hpp"
#include "domain/contact.hpp"
#include "http/json_body.hpp"
#include "http/message.hpp"
#include "store/giving_summary_repository.hpp"
#include "store/household_repository.hpp"
#include "store/relationship_repository.hpp"
#include "store/tag_repository.hpp"

namespace steward::http {

nlohmann::json constituent_json(const domain::Constituent& c);
nlohmann::json email_json(const domain::Email& e);
nlohmann::json phone_json(const domain::Phone& p);
nlohmann::json address_json(const domain::Address& a);
nlohmann::json membership_json(const store::households::Membership& m);
nlohmann::json relationship_json(const store::relationships::Relationship& r);
nlohmann::json tag_json(const store::tags::Tag& t);
nlohmann::json giving_json(const store::giving::Summary& s);

// The constituent when it exists and the caller may see it; a restricted constituent is
// kNotFound for a caller without the grant, exactly like a missing id.
Result<domain::Constituent> visible_constituent(store::Unit& unit, long long id,
                                                bool sees_restricted, bool include_deleted = false);
Response no_such_constituent();

// The whole constituent from a request body (create and replace). `bad` is set for a body that
// is not a JSON object.
Result<domain::ConstituentInput> read_constituent(const Request& request,
                                                  std::optional<Response>& bad);

}  // namespace steward::http
