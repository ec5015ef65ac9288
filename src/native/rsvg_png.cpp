// SVG → PNG with librsvg and cairo, in-process (one figure takes milliseconds; a subprocess per
// figure would cost more than the drawing), built into the native module; figure::svg_to_png is
// the entry point callers use.
#include <cairo.h>
#include <fmt/format.h>
#include <librsvg/rsvg.h>

#include <cmath>
#include <memory>

#include "core/error.hpp"
#include "native/native_parts.hpp"

namespace csa::native {

namespace {
struct GObjectUnref {
  void operator()(void* p) const { g_object_unref(p); }
};
struct SurfaceDestroy {
  void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
};
struct ContextDestroy {
  void operator()(cairo_t* c) const { cairo_destroy(c); }
};

std::string take_message(GError* error) {
  if (error == nullptr) return "no reason given";
  std::string message = error->message != nullptr ? error->message : "no reason given";
  g_error_free(error);
  return message;
}
}  // namespace

void render_svg_to_png(const std::string& svg, const std::string& png_path, double scale) {
  if (!(scale > 0) || !std::isfinite(scale))
    throw InternalError(fmt::format("svg_to_png: scale {} is not positive", scale));
  GError* error = nullptr;
  std::unique_ptr<RsvgHandle, GObjectUnref> handle(
      rsvg_handle_new_from_data(reinterpret_cast<const guint8*>(svg.data()), svg.size(), &error));
  if (!handle) throw InternalError("a figure's SVG cannot be parsed by librsvg: " + take_message(error));

  gdouble width = 0, height = 0;
  if (rsvg_handle_get_intrinsic_size_in_pixels(handle.get(), &width, &height) == FALSE || width <= 0 || height <= 0) {
    throw InternalError("a figure's SVG has no width and height in pixels; give the <svg> element both");
  }
  const int w = static_cast<int>(std::ceil(width * scale));
  const int h = static_cast<int>(std::ceil(height * scale));
  std::unique_ptr<cairo_surface_t, SurfaceDestroy> surface(cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h));
  if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS) {
    throw IoError(fmt::format("cannot make a {}×{} px image for {}: {}", w, h, png_path,
                              cairo_status_to_string(cairo_surface_status(surface.get()))));
  }
  std::unique_ptr<cairo_t, ContextDestroy> cr(cairo_create(surface.get()));
  // White under everything: an opaque image for documents whose page may not be white.
  cairo_set_source_rgb(cr.get(), 1, 1, 1);
  cairo_paint(cr.get());
  const RsvgRectangle viewport{0, 0, width * scale, height * scale};
  if (rsvg_handle_render_document(handle.get(), cr.get(), &viewport, &error) == FALSE) {
    throw InternalError("librsvg cannot draw a figure: " + take_message(error));
  }
  const cairo_status_t status = cairo_surface_write_to_png(surface.get(), png_path.c_str());
  if (status != CAIRO_STATUS_SUCCESS) {
    throw IoError(fmt::format("{}: cannot write the PNG ({}); check the folder exists and is writable", png_path,
                              cairo_status_to_string(status)));
  }
}

}  // namespace csa::native
