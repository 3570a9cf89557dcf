#include "http/static_files.h"

#include <gtest/gtest.h>

namespace sspr::http {
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

TEST(StaticFiles, PagesUseNoInlineScriptOrStyle) {
  for (const char* page : {"/index.html", "/signin.html"}) {
    auto file = find_static_file(page);
    ASSERT_TRUE(file) << page;
    EXPECT_EQ(file->content.find("<script>"), std::string_view::npos) << page;
    EXPECT_EQ(file->content.find("style="), std::string_view::npos) << page;
    EXPECT_EQ(file->content.find("onclick"), std::string_view::npos) << page;
  }
}

}  // namespace
}  // namespace sspr::http
