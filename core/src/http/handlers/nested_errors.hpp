// Field errors of a nested part of a request (a segment's "filter", a saved query's "query"):
// each field the parser named is put under the part's name ("measures" -> "query.measures"),
// so the client shows the error at the right control.
#pragma once

#include <string>

#include "steward/sdk/result.hpp"

namespace steward::http {

// `s` unchanged unless it is kInvalid; then each field prefixed by "<parent>." (a field that is
// the parent or already under it is kept), or the parent itself when `s` names none.
Status under_field(const Status& s, const std::string& parent);

}  // namespace steward::http
