#include "domain/xml_text.h"

#include <gtest/gtest.h>

namespace sspr::domain {
namespace {

TEST(XmlText, EscapesTheFiveSpecialCharacters) {
  EXPECT_EQ(xml_escape(R"(<a href="x">Tom & Jerry's</a>)"),
            "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&apos;s&lt;/a&gt;");
}

TEST(XmlText, LeavesOtherTextAloneIncludingUtf8) {
  EXPECT_EQ(xml_escape("Dit kodeord er 123456 — ÆØÅ"), "Dit kodeord er 123456 — ÆØÅ");
  EXPECT_EQ(xml_escape(""), "");
}

}  // namespace
}  // namespace sspr::domain
