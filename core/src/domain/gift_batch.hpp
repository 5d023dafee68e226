// A gift batch: a deposit's worth of gifts entered together and checked against the expected
// count and total before it is closed. A closed batch is read-only.
#pragma once

#include <optional>
#include <string>

#include "steward/sdk/money.hpp"
#include "steward/sdk/result.hpp"

namespace steward::domain {

struct GiftBatchInput {
  std::string name;
  long long expected_count = 0;
  sdk::Money expected_total;  // in the batch's currency; every gift in it uses that currency
};

struct GiftBatch : GiftBatchInput {
  long long id = 0;
  std::string status = "open";  // open, closed
  long long actual_count = 0;   // gifts in the batch, not deleted
  long long actual_total_minor = 0;
  std::optional<std::string> closed_at;
  std::optional<std::string> created_by;
  std::string created_at;
  bool is_closed() const { return status == "closed"; }
};

Status validate(const GiftBatchInput& batch);

}  // namespace steward::domain
