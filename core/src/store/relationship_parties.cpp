#include "store/relationship_parties.hpp"

#include <soci/soci.h>

namespace steward::store::relationships {

Result<std::pair<long long, long long>> parties(Unit& unit, long long relationship_id) {
  long long constituent_id = 0;
  long long related_id = 0;
  unit.sql() << "SELECT constituent_id, related_id FROM relationships WHERE id = :id",
      soci::use(relationship_id), soci::into(constituent_id), soci::into(related_id);
  if (!unit.sql().got_data())
    return Status::not_found("relationship " + std::to_string(relationship_id) + " does not exist");
  return std::make_pair(constituent_id, related_id);
}

}  // namespace steward::store::relationships
