#pragma once
// Active Directory's unicodePwd value: the password in double quotes, encoded as UTF-16LE
// (MS-ADTS 3.1.1.3.1.5.1). Input is UTF-8; invalid UTF-8 is nullopt.

#include <optional>
#include <string>

namespace sspr::onprem {

std::optional<std::string> unicode_pwd_value(const std::string& utf8_password);

}  // namespace sspr::onprem
