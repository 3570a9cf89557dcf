#pragma once
// Runs a unit of work that yields a value inside one store transaction: committed when the
// work returns a value, rolled back when it returns an error or the database fails.

#include <optional>
#include <utility>

#include "domain/result.h"
#include "store/store.h"

namespace sspr::flows {

template <typename T, typename Work>
domain::Result<T> in_transaction(store::Store& store, Work&& work) {
  std::optional<T> out;
  auto status = store.transact([&](store::StoreTransaction& tx) -> domain::Status {
    domain::Result<T> result = work(tx);
    if (!result) return result.error();
    out.emplace(std::move(result).value());
    return domain::ok_status();
  });
  if (!status) return status.error();
  return std::move(*out);
}

}  // namespace sspr::flows
