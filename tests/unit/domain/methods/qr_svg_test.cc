#include "domain/methods/qr_svg.h"

#include <gtest/gtest.h>

namespace sspr::domain::methods {
namespace {

const std::string kUri =
    "otpauth://totp/Contoso:alice%40contoso.example?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
    "&issuer=Contoso&algorithm=SHA1&digits=6&period=30";

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

TEST(QrSvg, IsOneSvgElementWithViewBoxPathAndTitle) {
  const auto svg = qr_svg(kUri, "QR code for your authenticator app");
  EXPECT_EQ(svg.rfind("<svg xmlns=\"http://www.w3.org/2000/svg\"", 0), 0u);
  EXPECT_EQ(svg.substr(svg.size() - 7), "</svg>\n");
  EXPECT_EQ(count(svg, "<svg"), 1u);
  EXPECT_EQ(count(svg, "</svg>"), 1u);
  EXPECT_NE(svg.find("viewBox=\"0 0 "), std::string::npos);
  EXPECT_NE(svg.find("shape-rendering=\"crispEdges\""), std::string::npos);
  EXPECT_NE(svg.find("<title id=\"qr-title\">QR code for your authenticator app</title>"),
            std::string::npos);
  EXPECT_NE(svg.find("<path d=\"M"), std::string::npos);
  EXPECT_EQ(count(svg, "<"), count(svg, ">"));
}

TEST(QrSvg, ViewBoxIsAQrSizePlusFourModuleBorderAndModulesStayInside) {
  const auto svg = qr_svg(kUri, "t");
  const auto at = svg.find("viewBox=\"0 0 ");
  ASSERT_NE(at, std::string::npos);
  const int extent = std::stoi(svg.substr(at + 13));
  const int modules = extent - 8;
  EXPECT_EQ((modules - 17) % 4, 0) << extent;  // QR versions are 4v + 17 modules wide
  EXPECT_GE(modules, 21);
  // Every module square starts inside the border: "M<x>,<y>".
  for (auto m = svg.find('M'); m != std::string::npos; m = svg.find('M', m + 1)) {
    const int x = std::stoi(svg.substr(m + 1));
    const int y = std::stoi(svg.substr(svg.find(',', m) + 1));
    EXPECT_GE(x, 4);
    EXPECT_GE(y, 4);
    EXPECT_LT(x, extent - 4);
    EXPECT_LT(y, extent - 4);
  }
}

TEST(QrSvg, TitleIsEscaped) {
  const auto svg = qr_svg("x", "a <b> & \"c\"");
  EXPECT_NE(svg.find("<title id=\"qr-title\">a &lt;b&gt; &amp; &quot;c&quot;</title>"),
            std::string::npos);
}

TEST(QrSvg, SameInputGivesSameSvgAndDifferentInputDiffers) {
  EXPECT_EQ(qr_svg(kUri, "t"), qr_svg(kUri, "t"));
  EXPECT_NE(qr_svg(kUri, "t"), qr_svg(kUri + "x", "t"));
}

}  // namespace
}  // namespace sspr::domain::methods
