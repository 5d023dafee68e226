// steward/sdk/result.hpp: the error values that cross every module and SDK boundary.
//
// A Status says whether an operation succeeded and, when it did not, why: a stable code a
// program can branch on, a message a person can read, and for validation failures the fields
// at fault. Result<T> holds either a value or a non-ok Status. Neither throws on construction;
// value() on an error Result throws std::logic_error, which is a programming mistake.
//
// Thread-safety: plain values; safe to copy between threads, not to mutate concurrently.
#pragma once

#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace steward {

enum class StatusCode {
  kOk = 0,
  kInvalid,             // the input is wrong; nothing was written (see Status::fields())
  kNotFound,            // the record does not exist (or is not visible to the caller)
  kConflict,            // a uniqueness or state rule refused the change
  kPreconditionFailed,  // the record changed since the caller read it
  kPermissionDenied,    // the caller may not do this
  kUnavailable,         // a dependency (database, plugin, mail server) cannot be reached
  kInternal,            // a bug or an unexpected failure; the message says what happened
};

// One field at fault in a validation failure: a dotted path ("allocations[1].amount") and why.
struct FieldError {
  std::string field;
  std::string message;
};

class Status {
 public:
  Status() = default;  // ok
  Status(StatusCode code, std::string message, std::vector<FieldError> fields = {})
      : code_(code), message_(std::move(message)), fields_(std::move(fields)) {}

  static Status ok() { return {}; }
  static Status invalid(std::string message, std::vector<FieldError> fields = {}) {
    return {StatusCode::kInvalid, std::move(message), std::move(fields)};
  }
  // A validation failure naming one field: the message reads "<field>: <why>".
  static Status invalid_field(const std::string& field, const std::string& why) {
    return {StatusCode::kInvalid, field + ": " + why, {{field, why}}};
  }
  static Status not_found(std::string message) {
    return {StatusCode::kNotFound, std::move(message)};
  }
  static Status conflict(std::string message) {
    return {StatusCode::kConflict, std::move(message)};
  }
  static Status precondition_failed(std::string message) {
    return {StatusCode::kPreconditionFailed, std::move(message)};
  }
  static Status permission_denied(std::string message) {
    return {StatusCode::kPermissionDenied, std::move(message)};
  }
  static Status unavailable(std::string message) {
    return {StatusCode::kUnavailable, std::move(message)};
  }
  static Status internal(std::string message) {
    return {StatusCode::kInternal, std::move(message)};
  }

  bool is_ok() const { return code_ == StatusCode::kOk; }
  explicit operator bool() const { return is_ok(); }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }
  const std::vector<FieldError>& fields() const { return fields_; }

  // "invalid: amount: must be positive" style text for logs and the command line.
  std::string to_string() const {
    if (is_ok()) return "ok";
    return std::string(code_name(code_)) + ": " + message_;
  }

  static const char* code_name(StatusCode code) {
    switch (code) {
      case StatusCode::kOk:
        return "ok";
      case StatusCode::kInvalid:
        return "invalid";
      case StatusCode::kNotFound:
        return "not found";
      case StatusCode::kConflict:
        return "conflict";
      case StatusCode::kPreconditionFailed:
        return "precondition failed";
      case StatusCode::kPermissionDenied:
        return "permission denied";
      case StatusCode::kUnavailable:
        return "unavailable";
      case StatusCode::kInternal:
        return "internal error";
    }
    return "unknown";
  }

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
  std::vector<FieldError> fields_;
};

template <typename T>
class Result {
 public:
  Result(T value) : value_(std::move(value)) {}         // NOLINT: implicit by design
  Result(Status status) : status_(std::move(status)) {  // NOLINT: implicit by design
    if (status_.is_ok()) status_ = Status::internal("Result built from an ok Status without value");
  }

  bool is_ok() const { return value_.has_value(); }
  explicit operator bool() const { return is_ok(); }
  const Status& status() const { return status_; }

  T& value() & {
    check();
    return *value_;
  }
  const T& value() const& {
    check();
    return *value_;
  }
  T&& value() && {
    check();
    return std::move(*value_);
  }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

 private:
  void check() const {
    if (!value_) throw std::logic_error("Result::value() on error: " + status_.to_string());
  }
  std::optional<T> value_;
  Status status_;
};

}  // namespace steward
