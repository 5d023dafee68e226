// Merging duplicate constituents into one surviving record.
//
// merge() runs entirely in the caller's unit of work:
//   - validates (survivor and losers exist, are live, are the same kind, no repeats) and writes
//     nothing on error;
//   - moves every related row from the losers to the survivor (merge_moves.cpp): emails, phones
//     and addresses (a value the survivor already has is kept once; one primary of each), gifts,
//     soft credits (the survivor's own gifts lose their soft credits to the survivor; two soft
//     credits of one gift for the merged person become one, keeping the larger amount),
//     recurring plans, pledges, relationships (self and duplicate ones dropped), household
//     memberships, interactions, tasks, stage history and tags (union);
//   - applies field choices (field -> record whose value to keep); fields not chosen keep the
//     survivor's value, or the first loser's when the survivor's is blank; do-not-contact and
//     privacy flags are kept if ANY record had them set, unless chosen explicitly;
//   - soft-deletes the losers with merged_into_id = survivor (records earlier merged into a loser
//     are re-pointed to the survivor);
//   - writes one merges row and audit events ("merge" on the survivor, "merged" on each loser);
//   - calls recompute_rollups_after_merge() for the giving summaries.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "steward/sdk/result.hpp"
#include "store/database.hpp"

namespace steward::engine::merge {

struct FieldChoice {
  std::string field;  // a constituents column, e.g. "first_name", "stage", "do_not_mail"
  long long take_from_id = 0;
};

struct MergeRequest {
  long long survivor_id = 0;
  std::vector<long long> loser_ids;
  std::vector<FieldChoice> choices;
};

struct MergeOutcome {
  long long merge_id = 0;
  long long survivor_id = 0;
  std::vector<long long> merged_ids;
  nlohmann::json summary;  // counts of what moved / was dropped, per table
};

// The constituents columns a field choice may name.
const std::vector<std::string>& choosable_fields();

// Errors: kInvalid naming "survivor", "losers" or "take.<field>"; kNotFound for a missing
// record; kPreconditionFailed for a deleted or already merged record.
Result<MergeOutcome> merge(store::Unit& unit, const MergeRequest& request);

// Refreshes the giving summaries of the survivor and the losers after their gifts moved.
Status recompute_rollups_after_merge(store::Unit& unit, long long survivor_id,
                                     const std::vector<long long>& losers);

namespace detail {
// merge_moves.cpp: each moves one kind of row from the losers to the survivor and returns
// counts for the summary.
nlohmann::json move_contact_points(store::Unit& unit, long long survivor,
                                   const std::vector<long long>& losers);
nlohmann::json move_gifts_and_credits(store::Unit& unit, long long survivor,
                                      const std::vector<long long>& losers);
nlohmann::json move_relationships(store::Unit& unit, long long survivor,
                                  const std::vector<long long>& losers);
nlohmann::json move_simple_rows(store::Unit& unit, long long survivor,
                                const std::vector<long long>& losers);
}  // namespace detail

}  // namespace steward::engine::merge
