#pragma once
// An express-style route pattern ("/api/v1/users/:upn/licenses/:sku") matched segment by
// segment: the path is split at '/' once, literal segments compare ASCII case-insensitively
// and each ":name" segment captures one non-empty segment. The rules are those RESTinio's
// express router (path2regex with its default options) applied with one std::regex per
// route: case-insensitive, one trailing '/' allowed, a parameter never spans a '/'.
// Percent-encoding is left alone here: the caller normalises the path before and decodes the
// captured values after.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sspr::http {

// A path split at '/' (after its leading '/' and at most one trailing '/'), as views into
// the path. nullopt when the path does not start with '/'.
std::optional<std::vector<std::string_view>> split_path(std::string_view path);

class PathPattern {
 public:
  // Throws std::invalid_argument for a pattern that is not '/'-separated literal segments
  // and ":name" parameters (name: letters, digits, '_'), or has an empty segment.
  explicit PathPattern(std::string_view pattern);

  const std::string& text() const { return text_; }
  // The parameters' names, in order.
  const std::vector<std::string>& parameter_names() const { return names_; }

  // Whether a path split by split_path matches; if so, `values` gets the parameters' values
  // in the order of parameter_names() (views into the path).
  bool match(const std::vector<std::string_view>& segments,
             std::vector<std::string_view>& values) const;

 private:
  struct Segment {
    std::string literal;  // empty for a parameter
    bool parameter = false;
  };
  std::string text_;
  std::vector<Segment> segments_;
  std::vector<std::string> names_;
};

}  // namespace sspr::http
