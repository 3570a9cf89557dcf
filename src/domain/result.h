#pragma once
// Expected failures travel as values: Result<T> holds either a T or an Error from the
// catalogue (error.h). Exceptions are reserved for programming errors and are converted
// at adapter boundaries.

#include <utility>
#include <variant>

#include "domain/error.h"

namespace sspr::domain {

template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : state_(std::move(value)) {}      // NOLINT(google-explicit-constructor)
  Result(Error error) : state_(std::move(error)) {}  // NOLINT(google-explicit-constructor)

  bool ok() const { return std::holds_alternative<T>(state_); }
  explicit operator bool() const { return ok(); }

  const T& value() const& { return std::get<T>(state_); }
  T& value() & { return std::get<T>(state_); }
  T&& value() && { return std::get<T>(std::move(state_)); }
  const T& operator*() const& { return value(); }
  T& operator*() & { return value(); }
  const T* operator->() const { return &value(); }
  T* operator->() { return &value(); }

  const Error& error() const { return std::get<Error>(state_); }

 private:
  std::variant<T, Error> state_;
};

struct Ok {};

// A Status is a Result without a value.
using Status = Result<Ok>;

inline Status ok_status() { return Ok{}; }

}  // namespace sspr::domain
