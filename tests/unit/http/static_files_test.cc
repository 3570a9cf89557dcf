#include "http/static_files.h"

#include <gtest/gtest.h>

#include <regex>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "i18n/catalogue.h"

namespace sspr::http {

// Generated from web/ (cmake/EmbedFiles.cmake); static_files.cc declares it the same way.
const std::vector<std::pair<std::string_view, std::string_view>>& embedded_web_files();
const std::vector<std::pair<std::string_view, std::string_view>>& embedded_admin_web_files();

namespace {

TEST(StaticFiles, RootIsTheIndexPage) {
  auto index = find_static_file("/");
  ASSERT_TRUE(index);
  EXPECT_TRUE(index->is_page);
  EXPECT_EQ(index->content_type, "text/html; charset=utf-8");
  EXPECT_NE(index->content.find("<html"), std::string_view::npos);
}

TEST(StaticFiles, AssetsHaveTheirTypes) {
  auto css = find_static_file("/app.css");
  ASSERT_TRUE(css);
  EXPECT_FALSE(css->is_page);
  EXPECT_EQ(css->content_type, "text/css; charset=utf-8");
  EXPECT_EQ(find_static_file("/signin.js")->content_type, "text/javascript; charset=utf-8");
  EXPECT_EQ(content_type_for("logo.svg"), "image/svg+xml");
  EXPECT_EQ(content_type_for("icon.png"), "image/png");
  EXPECT_EQ(content_type_for("favicon.ico"), "image/x-icon");
  EXPECT_EQ(content_type_for("data.json"), "application/json; charset=utf-8");
  EXPECT_EQ(content_type_for("blob"), "application/octet-stream");
}

TEST(StaticFiles, UnknownAndNestedPathsNameNoFile) {
  EXPECT_FALSE(find_static_file("/nope.html"));
  EXPECT_FALSE(find_static_file("/x/index.html"));
  EXPECT_FALSE(find_static_file("/../index.html"));
  EXPECT_FALSE(find_static_file("index.html"));
}

TEST(StaticFiles, TheConsoleIsServedUnderAdmin) {
  for (const char* path : {"/admin", "/admin/", "/admin/index.html"}) {
    auto index = find_static_file(path);
    ASSERT_TRUE(index) << path;
    EXPECT_TRUE(index->is_page);
    EXPECT_NE(index->content.find("/admin/console.js"), std::string_view::npos) << path;
  }
  auto script = find_static_file("/admin/console.js");
  ASSERT_TRUE(script);
  EXPECT_EQ(script->content_type, "text/javascript; charset=utf-8");
  EXPECT_FALSE(find_static_file("/admin/signin.html"));
  EXPECT_FALSE(find_static_file("/admin/x/index.html"));
  EXPECT_FALSE(find_static_file("/administrator.html"));
  EXPECT_FALSE(find_static_file("/console.js"));
}

TEST(StaticFiles, PagesUseNoInlineScriptOrStyle) {
  for (const char* page : {"/index.html", "/signin.html", "/reset.html", "/admin/index.html"}) {
    auto file = find_static_file(page);
    ASSERT_TRUE(file) << page;
    EXPECT_EQ(file->content.find("<script>"), std::string_view::npos) << page;
    EXPECT_EQ(file->content.find("style="), std::string_view::npos) << page;
    EXPECT_EQ(file->content.find("onclick"), std::string_view::npos) << page;
  }
}

// A page text key named in a page or its script ("page.reset.heading") has a text in every
// language, so no page shows a raw key.
TEST(StaticFiles, EveryPageTextKeyHasATextInEveryLanguage) {
  const std::regex key(R"(page\.[a-z_]+\.[a-z_]+)");
  int seen = 0;
  auto files = embedded_web_files();
  const auto& admin = embedded_admin_web_files();
  files.insert(files.end(), admin.begin(), admin.end());
  for (const auto& [name, content] : files) {
    const std::string text(content);
    for (std::sregex_iterator it(text.begin(), text.end(), key), end; it != end; ++it) {
      ++seen;
      for (const auto& language : i18n::supported_languages()) {
        EXPECT_TRUE(i18n::has_key(language, it->str()))
            << name << ": " << it->str() << " in " << language;
      }
    }
  }
  EXPECT_GT(seen, 100);
}

}  // namespace
}  // namespace sspr::http
