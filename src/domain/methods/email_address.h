#pragma once
// Alternate email addresses of the email method (SPEC §3). The check is deliberately light —
// the code sent to the address is the real proof — but refuses what can never be delivered:
// exactly one "@", a non-empty local part, a domain with a dot and no empty label, at most
// 254 characters, valid UTF-8, no white space or control characters. The domain is kept in
// lower case; the local part as typed (it may be case-sensitive on the receiving server).

#include <string>
#include <string_view>

#include "domain/result.h"

namespace sspr::domain::methods {

inline constexpr std::size_t kMaxEmailLength = 254;

struct EmailAddress {
  std::string value;  // "Alice.Smith@example.org"

  // "A•••@example.org": the first character of the local part, three bullets, the domain.
  std::string masked() const;

  friend bool operator==(const EmailAddress&, const EmailAddress&) = default;
};

// Errors: InvalidInput for `field` with message key "error.InvalidEmailAddress".
Result<EmailAddress> parse_email_address(std::string_view text, const std::string& field = "email");

// True when `email` is the user's own mailbox (`mailbox`: their UPN or primary address),
// compared case-insensitively. SPEC §3: allowed, but the user is warned that it will not
// help when it is the mailbox they have lost access to.
bool is_own_mailbox(const EmailAddress& email, std::string_view mailbox);

}  // namespace sspr::domain::methods
