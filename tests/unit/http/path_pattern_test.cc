#include "http/path_pattern.h"

#include <gtest/gtest.h>
#include <restinio/all.hpp>

#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "http/route_families.h"

namespace sspr::http {
namespace {

using Values = std::vector<std::string_view>;

// The parameter values when `path` matches, or nullopt.
std::optional<std::vector<std::string>> match(const PathPattern& pattern, std::string_view path) {
  auto segments = split_path(path);
  if (!segments) return std::nullopt;
  Values values;
  if (!pattern.match(*segments, values)) return std::nullopt;
  return std::vector<std::string>(values.begin(), values.end());
}

using Strings = std::vector<std::string>;

TEST(PathPattern, LiteralSegmentsMatchExactly) {
  const PathPattern pattern("/api/v1/users");
  EXPECT_EQ(match(pattern, "/api/v1/users"), Strings{});
  EXPECT_FALSE(match(pattern, "/api/v1/user"));
  EXPECT_FALSE(match(pattern, "/api/v1/users/x"));
  EXPECT_FALSE(match(pattern, "/api/v1"));
  EXPECT_FALSE(match(pattern, "api/v1/users"));
  EXPECT_FALSE(match(pattern, ""));
  EXPECT_FALSE(match(pattern, "/"));
}

TEST(PathPattern, ParametersCaptureOneNonEmptySegmentEach) {
  const PathPattern pattern("/api/v1/users/:upn/licenses/:sku");
  EXPECT_EQ(pattern.parameter_names(), (Strings{"upn", "sku"}));
  EXPECT_EQ(match(pattern, "/api/v1/users/alice@contoso.example/licenses/SPE_E3"),
            (Strings{"alice@contoso.example", "SPE_E3"}));
  EXPECT_FALSE(match(pattern, "/api/v1/users//licenses/SPE_E3"));  // empty parameter
  EXPECT_FALSE(match(pattern, "/api/v1/users/a/b/licenses/SPE_E3"));
  EXPECT_FALSE(match(pattern, "/api/v1/users/alice/licenses"));
}

TEST(PathPattern, OneTrailingSlashIsAllowed) {
  const PathPattern users("/api/v1/users");
  const PathPattern user("/api/v1/users/:upn");
  EXPECT_EQ(match(users, "/api/v1/users/"), Strings{});
  EXPECT_FALSE(match(users, "/api/v1/users//"));
  EXPECT_EQ(match(user, "/api/v1/users/bob/"), Strings{"bob"});
  EXPECT_FALSE(match(user, "/api/v1/users/"));  // not an empty upn
  EXPECT_FALSE(match(user, "/api/v1/users/bob//"));
}

TEST(PathPattern, LiteralsIgnoreAsciiCaseParametersKeepIt) {
  const PathPattern pattern("/api/v1/groups/:name/members");
  EXPECT_EQ(match(pattern, "/API/V1/Groups/Sales/MEMBERS"), Strings{"Sales"});
  EXPECT_FALSE(match(pattern, "/api/v1/groups/Sales/membres"));
}

TEST(PathPattern, PercentEncodingIsLeftToTheCaller) {
  const PathPattern pattern("/api/v1/groups/:name");
  EXPECT_EQ(match(pattern, "/api/v1/groups/Sales%20Team"), Strings{"Sales%20Team"});
  EXPECT_EQ(match(pattern, "/api/v1/groups/a%2Fb"), Strings{"a%2Fb"});  // an encoded '/' stays
  EXPECT_FALSE(match(pattern, "/api/v1/group%73/Sales"));               // not decoded here
}

TEST(PathPattern, RefusesPatternsItCannotMatchAsRestinioDid) {
  for (const char* bad : {"", "/", "api/v1", "/api//v1", "/api/v1/", "/api/:", "/api/:a-b",
                          "/api/:id(\\d+)", "/api/*", "/api/v1.json", "/api/a?"}) {
    EXPECT_THROW(PathPattern{bad}, std::invalid_argument) << bad;
  }
}

// RESTinio's express matcher (path2regex, one std::regex per route: what the server used
// before) for one pattern.
class ExpressMatcher {
 public:
  explicit ExpressMatcher(const std::string& pattern)
      : entry_(restinio::http_method_get(), pattern,
               [](auto, auto) { return restinio::request_rejected(); }) {}

  std::optional<std::vector<std::string>> match(const std::string& path,
                                                const std::vector<std::string>& names) const {
    restinio::http_request_header_t header(restinio::http_method_get(), path);
    restinio::router::impl::target_path_holder_t target(header.path());
    restinio::router::route_params_t params;
    if (!entry_.match(header, target, params)) return std::nullopt;
    std::vector<std::string> values;
    for (const auto& name : names) values.emplace_back(params[name]);
    return values;
  }

 private:
  restinio::router::express_route_entry_t<> entry_;
};

// Paths for one pattern: its parameters filled in several ways, then bent (trailing
// slashes, case, a segment more or less, an empty parameter).
std::vector<std::string> paths_for(const std::string& pattern) {
  std::vector<std::string> filled;
  for (const std::string value : {"x", "alice@contoso.example", "Sales%20Team", "a.b-c_d~e"}) {
    std::string path;
    for (std::size_t i = 0; i < pattern.size();) {
      if (pattern[i] == ':') {
        path += value;
        while (i < pattern.size() && pattern[i] != '/') ++i;
      } else {
        path += pattern[i++];
      }
    }
    filled.push_back(path);
  }
  std::vector<std::string> out;
  for (const auto& path : filled) {
    std::string upper = path;
    for (auto& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    out.insert(out.end(), {path, path + "/", path + "//", path + "/extra", upper,
                           path.substr(0, path.rfind('/')), "/" + path});
  }
  std::string empty_parameter = pattern;
  if (const auto colon = empty_parameter.find(':'); colon != std::string::npos) {
    const auto end = empty_parameter.find('/', colon);
    empty_parameter.erase(colon, end == std::string::npos ? end : end - colon);
    out.push_back(empty_parameter);
  }
  return out;
}

TEST(PathPattern, MatchesEveryRouteLikeRestiniosExpressRouter) {
  std::vector<std::string> patterns;
  std::set<std::string> seen;
  for (const auto& route : api_routes()) {
    if (seen.insert(route.pattern).second) patterns.push_back(route.pattern);
  }
  std::vector<std::string> paths;
  for (const auto& pattern : patterns) {
    for (auto& path : paths_for(pattern)) paths.push_back(std::move(path));
  }
  int matches = 0;
  for (const auto& text : patterns) {
    const PathPattern pattern(text);
    const ExpressMatcher express(text);
    for (const auto& path : paths) {
      const auto expected = express.match(path, pattern.parameter_names());
      EXPECT_EQ(match(pattern, path), expected) << text << " against " << path;
      if (expected) ++matches;
    }
  }
  EXPECT_GT(matches, static_cast<int>(patterns.size()) * 4);  // the comparison saw matches
}

}  // namespace
}  // namespace sspr::http
