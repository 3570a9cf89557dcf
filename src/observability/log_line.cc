#include "observability/log_line.h"

namespace sspr::log {
namespace {

void append_json(std::string& out, const nlohmann::json& value) {
  out += value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace

std::string format_line(std::string_view time, Level level, std::string_view message,
                        const nlohmann::json& fields) {
  std::string out;
  out.reserve(128);
  out += "{\"time\":";
  append_json(out, std::string(time));
  out += ",\"level\":\"";
  out += to_string(level);
  out += "\",\"msg\":";
  append_json(out, std::string(message));
  if (fields.is_object()) {
    for (const auto& [key, value] : fields.items()) {
      if (key == "time" || key == "level" || key == "msg") continue;
      out += ',';
      append_json(out, key);
      out += ':';
      append_json(out, value);
    }
  }
  out += '}';
  return out;
}

}  // namespace sspr::log
