// Reading back the SVG the figures write, for the figure tests: elements with their attributes
// and text, and a check that tags nest. Enough for our own output (attribute values never hold a
// raw '>' as the writer escapes it), not a general XML parser.
#pragma once

#include <map>
#include <stdexcept>
#include <string>
#include <vector>

namespace csa::figure::inspect {

struct Element {
  std::string tag;
  std::map<std::string, std::string> attrs;
  std::string text;     // for <text> and <title>: the content, unescaped
  std::string tooltip;  // a shape's <title> child, unescaped

  bool has(const std::string& name) const { return attrs.count(name) != 0; }
  const std::string& at(const std::string& name) const {
    auto it = attrs.find(name);
    if (it == attrs.end()) throw std::runtime_error("<" + tag + "> has no attribute " + name);
    return it->second;
  }
  double num(const std::string& name) const { return std::stod(at(name)); }
};

inline std::string unescape(std::string s) {
  const std::pair<const char*, const char*> entities[] = {
      {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&apos;", "'"}, {"&amp;", "&"}};
  for (const auto& [from, to] : entities) {
    for (std::size_t p = s.find(from); p != std::string::npos; p = s.find(from, p + 1))
      s.replace(p, std::string(from).size(), to);
  }
  return s;
}

// Every start (or empty) tag in document order.
inline std::vector<Element> elements(const std::string& svg) {
  std::vector<Element> out;
  for (std::size_t p = svg.find('<'); p != std::string::npos; p = svg.find('<', p + 1)) {
    if (svg[p + 1] == '/' || svg[p + 1] == '?' || svg[p + 1] == '!') continue;
    const std::size_t end = svg.find('>', p);
    std::string inside = svg.substr(p + 1, end - p - 1);
    Element e;
    std::size_t i = inside.find_first_of(" /");
    e.tag = inside.substr(0, i);
    while (i != std::string::npos && i < inside.size()) {
      const std::size_t eq = inside.find("=\"", i);
      if (eq == std::string::npos) break;
      std::size_t name_start = inside.find_last_of(' ', eq) + 1;
      const std::size_t close = inside.find('"', eq + 2);
      e.attrs[inside.substr(name_start, eq - name_start)] = unescape(inside.substr(eq + 2, close - eq - 2));
      i = close + 1;
    }
    if (inside.empty() || inside.back() != '/') {
      const std::size_t next = svg.find('<', end);
      e.text = unescape(svg.substr(end + 1, next - end - 1));
      if (e.tag != "svg" && svg.compare(next, 7, "<title>") == 0) {
        const std::size_t title_end = svg.find("</title>", next);
        e.tooltip = unescape(svg.substr(next + 7, title_end - next - 7));
      }
    }
    out.push_back(std::move(e));
  }
  return out;
}

inline std::vector<Element> find(const std::string& svg, const std::string& tag, const std::string& cls = "") {
  std::vector<Element> out;
  for (Element& e : elements(svg)) {
    if (e.tag == tag && (cls.empty() || (e.has("class") && e.at("class") == cls))) out.push_back(std::move(e));
  }
  return out;
}

// Empty when every start tag has its end tag in order; else what went wrong.
inline std::string unbalanced(const std::string& svg) {
  std::vector<std::string> stack;
  for (std::size_t p = svg.find('<'); p != std::string::npos; p = svg.find('<', p + 1)) {
    const std::size_t end = svg.find('>', p);
    if (end == std::string::npos) return "unterminated tag";
    const std::string inside = svg.substr(p + 1, end - p - 1);
    if (inside[0] == '?' || inside[0] == '!') continue;
    if (inside[0] == '/') {
      if (stack.empty() || stack.back() != inside.substr(1)) return "</" + inside.substr(1) + "> closes nothing open";
      stack.pop_back();
    } else if (inside.back() != '/') {
      stack.push_back(inside.substr(0, inside.find(' ')));
    }
  }
  return stack.empty() ? "" : "<" + stack.back() + "> never closed";
}

// The pixel position of a value on the axis, from the grid lines the figure drew (class="grid",
// data-value): the test's own linear interpolation between the lowest and highest grid lines.
inline double grid_position(const std::string& svg, double value, const std::string& coordinate) {
  const std::vector<Element> grid = find(svg, "line", "grid");
  if (grid.size() < 2) throw std::runtime_error("fewer than two grid lines");
  const Element& a = grid.front();
  const Element& b = grid.back();
  const double va = a.num("data-value"), vb = b.num("data-value");
  const double pa = a.num(coordinate), pb = b.num(coordinate);
  return pa + (value - va) / (vb - va) * (pb - pa);
}

}  // namespace csa::figure::inspect
