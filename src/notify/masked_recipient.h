#pragma once
// The only form in which a recipient may appear in a log line or an error text:
//   email  "alice@contoso.example" -> "a***@contoso.example"
//   phone  "+4512345678"           -> "+********78" (the last two digits, the rest starred)
// Anything that does not look like an address or a number is starred completely.

#include <string>
#include <string_view>

#include "notify/notifier.h"

namespace sspr::notify {

std::string mask_recipient(Channel channel, std::string_view to);

}  // namespace sspr::notify
