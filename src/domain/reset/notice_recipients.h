#pragma once
// Who is emailed about a self-service reset (SPEC §5.6, §6, §10), as pure choices over what
// the store holds:
//  - the user's notice goes to their primary email and their registered alternate email,
//    each address once (compared case-insensitively);
//  - messages to administrators (the "another administrator reset" notice, the contact-your-
//    administrator request) go to the tenant's enabled users holding any administrator role
//    and having an email address, except the user the message is about, each address once,
//    at most kMaxAdministratorRecipients, in the order given.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace sspr::domain::reset {

inline constexpr std::size_t kMaxAdministratorRecipients = 100;

struct AdministratorContact {
  std::string upn;
  std::string email;  // primary email; "" when unknown
  bool enabled = true;
};

std::vector<std::string> user_notice_recipients(std::string_view primary,
                                                std::string_view alternate);

std::vector<std::string> administrator_recipients(const std::vector<AdministratorContact>& admins,
                                                  std::string_view about_upn);

}  // namespace sspr::domain::reset
