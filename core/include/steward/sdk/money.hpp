// steward/sdk/money.hpp: an amount of money as an integer count of minor units.
//
// Money is never a floating-point number in Steward: $12.34 is {1234, "USD"}, ¥500 is
// {500, "JPY"}, 1.234 KWD is {1234, "KWD"}. The currency is an ISO 4217 alphabetic code. The
// number of minor units per major unit depends on the currency (see minor_unit_digits()).
// Arithmetic between different currencies is a programming error and throws
// std::invalid_argument; overflow of the 64-bit count throws std::overflow_error.
//
// Thread-safety: a plain value type.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>

namespace steward::sdk {

struct Money {
  std::int64_t minor = 0;  // minor units (cents for USD, won for KRW)
  std::string currency;    // ISO 4217 code, upper case, e.g. "USD"

  friend bool operator==(const Money&, const Money&) = default;

  Money operator+(const Money& other) const {
    require_same(other);
    std::int64_t out = 0;
    if (__builtin_add_overflow(minor, other.minor, &out))
      throw std::overflow_error("money overflow");
    return {out, currency};
  }
  Money operator-(const Money& other) const {
    require_same(other);
    std::int64_t out = 0;
    if (__builtin_sub_overflow(minor, other.minor, &out))
      throw std::overflow_error("money overflow");
    return {out, currency};
  }

 private:
  void require_same(const Money& other) const {
    if (currency != other.currency) {
      throw std::invalid_argument("cannot combine " + currency + " with " + other.currency);
    }
  }
};

}  // namespace steward::sdk
