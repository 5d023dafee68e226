#include "domain/gift_batch.hpp"

#include "domain/money.hpp"
#include "domain/validation.hpp"

namespace steward::domain {

Status validate(const GiftBatchInput& b) {
  if (Status s = require_text("name", b.name); !s) return s;
  if (b.expected_count < 0) return Status::invalid_field("expected_count", "cannot be negative");
  if (!is_valid_currency(b.expected_total.currency)) {
    return Status::invalid_field("expected_total.currency", "unknown currency");
  }
  if (b.expected_total.minor < 0) {
    return Status::invalid_field("expected_total", "cannot be negative");
  }
  return Status::ok();
}

}  // namespace steward::domain
