#pragma once
// An assertion value for an LDAP search filter (RFC 4515 section 3): the characters that
// would end or widen the filter - '*', '(', ')', '\' and NUL - become \XX (two lowercase hex
// digits), everything else (UTF-8 included) stays as it is. Every value put into a filter
// goes through this; attribute names and whole filters come from configuration, never from
// what a user typed. (No DN is ever built from input either: the DNs the adapter writes to are
// the ones the directory returned, already in RFC 4514 form.)

#include <string>
#include <string_view>

namespace sspr::domain::onprem {

std::string escaped_filter_value(std::string_view value);

}  // namespace sspr::domain::onprem
