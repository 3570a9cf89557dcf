#include "domain/methods/qr_svg.h"

#include <qrcodegen/qrcodegen.hpp>

#include <string>

#include "domain/xml_text.h"

namespace sspr::domain::methods {
namespace {

constexpr int kBorder = 4;

}  // namespace

std::string qr_svg(std::string_view text, std::string_view title) {
  const auto qr =
      qrcodegen::QrCode::encodeText(std::string(text).c_str(), qrcodegen::QrCode::Ecc::MEDIUM);
  const int size = qr.getSize();
  const std::string extent = std::to_string(size + 2 * kBorder);
  std::string path;
  for (int y = 0; y < size; ++y) {
    for (int x = 0; x < size; ++x) {
      if (!qr.getModule(x, y)) continue;
      path += "M" + std::to_string(x + kBorder) + "," + std::to_string(y + kBorder) + "h1v1h-1z";
    }
  }
  std::string svg;
  svg += "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" viewBox=\"0 0 " + extent + " " +
         extent + "\" role=\"img\" aria-labelledby=\"qr-title\" " +
         "shape-rendering=\"crispEdges\">";
  svg += "<title id=\"qr-title\">" + xml_escape(title) + "</title>";
  svg += "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>";
  svg += "<path d=\"" + path + "\" fill=\"#000000\"/>";
  svg += "</svg>\n";
  return svg;
}

}  // namespace sspr::domain::methods
