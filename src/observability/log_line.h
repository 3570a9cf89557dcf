#pragma once
// The text of one structured log line, without the trailing newline. Invalid UTF-8 in any
// value is replaced rather than rejected, so logging never throws.

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "observability/log.h"

namespace sspr::log {

std::string format_line(std::string_view time, Level level, std::string_view message,
                        const nlohmann::json& fields);

}  // namespace sspr::log
