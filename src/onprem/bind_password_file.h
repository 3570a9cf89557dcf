#pragma once
// The service account's password of an on-premises connection, read from its file at use time
// (never stored, logged or audited). One trailing line break is dropped (files written by
// `echo` or editors end with one). A file that is missing, unreadable or empty is SSPR_0029:
// the connection is misconfigured. The error names the file, never its content.

#include <string>

#include "domain/result.h"

namespace sspr::onprem {

domain::Result<std::string> read_bind_password(const std::string& path);

}  // namespace sspr::onprem
