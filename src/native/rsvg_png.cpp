// SVG → PNG with librsvg and cairo, in-process (one figure takes milliseconds; a subprocess per
// figure would cost more than the drawing), built into the native module.
#include <cairo.h>
#include <fmt/format.h>
#include <librsvg/rsvg.h>

#include <cmath>
#include <memory>

#include "core/error.hpp"
#include "native/native_parts.hpp"

namespace csa::native {

void render_svg_to_png(const std::string& svg, const std::string& png_path, double scale) {
  if (!(scale > 0) || !std::isfinite(scale)) throw InternalError(fmt::format("svg_to_png: scale {} is not positive", scale));
  GError* error = nullptr;
  std::unique_ptr<RsvgHandle, void (*)(gpointer)> handle(
      rsvg_handle_new_from_data(reinterpret_cast<const guint8*>(svg.data()), svg.size(), &error), g_object_unref);
  if (!handle) {
    std::string why = error != nullptr ? error->message : "unknown error";
    if (error != nullptr) g_error_free(error);
    throw InternalError("a figure's SVG cannot be parsed by librsvg (" + why + ")");
  }
  gdouble width = 0, height = 0;
  if (!rsvg_handle_get_intrinsic_size_in_pixels(handle.get(), &width, &height) || width <= 0 || height <= 0) {
    throw InternalError("a figure's SVG has no width and height in pixels; give the <svg> element both");
  }
  int w = static_cast<int>(std::ceil(width * scale));
  int h = static_cast<int>(std::ceil(height * scale));
  std::unique_ptr<cairo_surface_t, void (*)(cairo_surface_t*)> surface(
      cairo_image_surface_create(CAIRO_FORMAT_ARGB32, w, h), cairo_surface_destroy);
  std::unique_ptr<cairo_t, void (*)(cairo_t*)> cr(cairo_create(surface.get()), cairo_destroy);
  // White paper behind the figure: a transparent PNG pasted into Word shows on any background.
  cairo_set_source_rgb(cr.get(), 1, 1, 1);
  cairo_paint(cr.get());
  RsvgRectangle viewport{0, 0, static_cast<double>(w), static_cast<double>(h)};
  if (!rsvg_handle_render_document(handle.get(), cr.get(), &viewport, &error)) {
    std::string why = error != nullptr ? error->message : "unknown error";
    if (error != nullptr) g_error_free(error);
    throw InternalError("librsvg cannot draw a figure (" + why + ")");
  }
  cairo_surface_flush(surface.get());
  cairo_status_t status = cairo_surface_write_to_png(surface.get(), png_path.c_str());
  if (status != CAIRO_STATUS_SUCCESS) {
    throw IoError(fmt::format("{}: cannot write the PNG ({}); check the folder exists and is writable", png_path,
                              cairo_status_to_string(status)));
  }
}

}  // namespace csa::native
