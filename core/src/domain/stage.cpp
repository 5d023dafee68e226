#include "domain/stage.hpp"

#include "domain/validation.hpp"

namespace steward::domain {

Status validate_stage(const std::string& stage) {
  return require_one_of("stage", stage, {"identify", "qualify", "cultivate", "solicit", "steward"});
}

}  // namespace steward::domain
