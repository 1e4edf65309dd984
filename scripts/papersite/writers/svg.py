"""Inline SVG pictures for concept pages: a bar chart of counts, a concept's neighbourhood, the whole map.

Drawn at build time, so they need no script, no network (Material's Mermaid would load its library
from a CDN) and print as they look. Colours come from classes styled in docs/assets/papers.css;
every picture has a <title> and a text equivalent beside it on the page.
"""
from __future__ import annotations

import math
import unicodedata
from dataclasses import dataclass

from .escape import html_text


def text_width(text: str, size: float) -> float:
    """Approximate rendered width: wide (CJK) characters are one em, others about half."""
    return sum(size if unicodedata.east_asian_width(c) in "WF" else size * 0.56 for c in text)


def wrap(text: str, size: float, width: float) -> list[str]:
    """Break a label into lines no wider than ``width`` (at spaces for English, anywhere for Chinese)."""
    lines, line = [], ""
    tokens = text.split(" ") if " " in text else list(text)
    joiner = " " if " " in text else ""
    for token in tokens:
        candidate = f"{line}{joiner}{token}" if line else token
        if line and text_width(candidate, size) > width:
            lines.append(line)
            line = token
        else:
            line = candidate
    return lines + [line] if line else lines


def _svg(width: float, height: float, title: str, body: list[str], cls: str) -> str:
    # One line: Python-Markdown treats a raw HTML block as ending at a blank line.
    # A picture without links is one image; with links (map boxes, chart bars) it is a group of links,
    # which assistive technology must be able to reach (an img's children are presentational).
    role = (f'role="group" aria-label="{html_text(title)}"' if any("<a " in part for part in body) else 'role="img"')
    return (f'<svg class="{cls}" viewBox="0 0 {width:.0f} {height:.0f}" width="{width:.0f}" {role} '
            f'xmlns="http://www.w3.org/2000/svg"><title>{html_text(title)}</title>' + "".join(body) + "</svg>")


def bar_chart(rows: list[tuple[str, float, str | None]], title: str, label_width: float = 150, fmt=str,
              cls: str = "concept-chart") -> str:
    """Horizontal bars, one per (label, value, href); the value (``fmt``) is printed at the end of each bar.
    About 370 units wide, so that a phone's column (about 340 px) shows its 13-unit text at 12 px."""
    row_h, bar_w = 26, 170
    top = max((c for _, c, _ in rows), default=0) or 1
    body = []
    for i, (label, count, href) in enumerate(rows):
        y = 6 + i * row_h
        w = bar_w * count / top
        shown = html_text(label)
        label_svg = f'<text class="chart-label" x="{label_width - 8:.0f}" y="{y + 15}" text-anchor="end">{shown}</text>'
        if href:
            label_svg = f'<a href="{html_text(href)}">{label_svg}</a>'
        body += [label_svg, f'<rect class="chart-bar" x="{label_width:.0f}" y="{y + 3}" width="{max(w, 1):.1f}" height="{row_h - 8}" rx="2"/>',
                 f'<text class="chart-value" x="{label_width + w + 6:.1f}" y="{y + 15}">{html_text(fmt(count))}</text>']
    return _svg(label_width + bar_w + 50, 12 + len(rows) * row_h, title, body, cls)


@dataclass(frozen=True)
class Node:
    """A box on a concept map: ``label`` lines, a link, a style class."""
    key: str
    label: str
    href: str | None
    cls: str = ""


# The maps are drawn MAP_WIDTH units wide and shown at most that wide (never scaled up): on a phone's column
# (about 340 px) the smallest text, LEGEND_SIZE units, is still 11 px or more.
MAP_WIDTH = 400.0
LABEL_SIZE, CENTRE_SIZE, HEADING_SIZE, LEGEND_SIZE = 14.0, 16.0, 14.0, 13.0
GAP = 10.0


def _measure(node: Node, size: float, max_w: float) -> tuple[list[str], float, float]:
    lines = wrap(node.label, size, max_w)
    return lines, max(text_width(line, size) for line in lines) + 16, len(lines) * (size + 4) + 10


def _draw(node: Node, lines: list[str], x: float, y: float, w: float, h: float, size: float) -> str:
    """A box with its label, top-left at (x, y); a link when the node has one."""
    parts = [f'<rect x="{x:.1f}" y="{y:.1f}" width="{w:.1f}" height="{h:.1f}" rx="5"/>']
    for i, line in enumerate(lines):
        parts.append(f'<text x="{x + w / 2:.1f}" y="{y + 5 + (i + 1) * (size + 4) - 4:.1f}" text-anchor="middle">'
                     f'{html_text(line)}</text>')
    group = f'<g class="map-node {node.cls}">' + "".join(parts) + "</g>"
    return f'<a href="{html_text(node.href)}" data-key="{html_text(node.key)}">{group}</a>' if node.href else group


def _flow(nodes: list[Node], top: float, size: float) -> tuple[list[tuple[Node, list[str], float, float, float, float]], float]:
    """Boxes in centred rows within the map's width, from ``top``; returns them placed and the bottom."""
    boxes = [(n, *_measure(n, size, MAP_WIDTH / 2 - 24)) for n in nodes]
    rows, row, used = [], [], 0.0
    for box in boxes:
        if row and used + GAP + box[2] > MAP_WIDTH - 16:
            rows.append(row)
            row, used = [], 0.0
        used += (GAP if row else 0) + box[2]
        row.append(box)
    if row:
        rows.append(row)
    placed, y = [], top
    for row in rows:
        x = (MAP_WIDTH - (sum(b[2] for b in row) + GAP * (len(row) - 1))) / 2
        height = max(b[3] for b in row)
        for node, lines, w, h in row:
            placed.append((node, lines, x, y + (height - h) / 2, w, h))
            x += w + GAP
        y += height + GAP
    return placed, y - GAP


def _legend_item(cls: str, text: str, x: float, y: float) -> str:
    """A legend entry: a small box drawn as the boxes of ``cls`` are, then its name."""
    return (f'<g class="map-legend-item" data-relation="{cls}"><g class="map-node {cls}">'
            f'<rect x="{x:.1f}" y="{y - 11:.1f}" width="22" height="14" rx="3"/></g>'
            f'<text class="map-legend" x="{x + 28:.1f}" y="{y:.1f}">{html_text(text)}</text></g>')


def neighbourhood_map(centre: Node, neighbours: list[tuple[Node, str, float]], title: str, legend: dict[str, str]) -> str:
    """The concept in the middle; above it its broader concepts, below it the narrower ones (each joined
    to it by a line in the relation's colour), then the related and the co-occurring concepts, each group
    under its legend entry (a box drawn as that group's boxes are). Only the relations drawn are listed."""
    by_relation = {key: [n for n, relation, _ in neighbours if relation == key] for key in legend}
    body, edges, y = [], [], 8.0
    centre_lines, cw, ch = _measure(centre, CENTRE_SIZE, MAP_WIDTH - 40)
    placed_by = {}
    for key in ("broader", "centre", "narrower", "related", "cooccur"):
        if key == "centre":
            y += 6
            cx = (MAP_WIDTH - cw) / 2
            centre_box = (cx, y, cw, ch)
            body.append(_draw(centre, centre_lines, cx, y, cw, ch, CENTRE_SIZE))
            y += ch + 18
            continue
        nodes = by_relation.get(key) or []
        if not nodes:
            continue
        body.append(_legend_item(key, legend[key], 8, y + LEGEND_SIZE))
        placed, bottom = _flow(nodes, y + LEGEND_SIZE + 10, LABEL_SIZE)
        placed_by[key] = placed
        body += [_draw(n, lines, x, top, w, h, LABEL_SIZE) for n, lines, x, top, w, h in placed]
        y = bottom + 22
    cx, cy, cw, ch = centre_box
    for key, placed in placed_by.items():
        if key not in ("broader", "narrower"):
            continue   # related and co-occurring concepts are grouped, not joined: their lines would cross the rest
        for _, _, x, top, w, h in placed:
            x1, y1 = cx + cw / 2, (cy if key == "broader" else cy + ch)
            x2, y2 = x + w / 2, (top + h if key == "broader" else top)
            edges.append(f'<line class="map-edge {key}" x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}"/>')
    return _svg(MAP_WIDTH, y - 8, title, edges + body, "concept-map")


def columns_map(columns: list[tuple[str, list[Node]]], edges: list[tuple[str, str, str]], title: str,
                legend: dict[str, str]) -> str:
    """The whole concept list, one category after another, one box per concept; the editors' relations as
    arcs on the right between the boxes (broader → narrower with an arrowhead at the narrower concept).
    Each arc names its two concepts (data-a, data-b) and each box its concept (data-key): pointing at a box
    or moving to it with the keyboard brings its own arcs forward and fades the rest (site.js), so one
    concept's relations can be followed among all of them."""
    box_w = MAP_WIDTH / 2 + 20
    right = 8 + box_w   # the boxes' right edge, where the arcs start and end
    arc_x = right + 6
    kinds = [k for k in legend if any(r == k for _, _, r in edges)]
    body, where, y = [], {}, 8.0
    for i, kind in enumerate(kinds):   # the legend: only the kinds of line drawn
        ly = y + LEGEND_SIZE
        marker = ' marker-end="url(#map-arrow)"' if kind == "broader" else ""
        body.append(f'<g class="map-legend-item" data-relation="{kind}"><line class="map-edge {kind}" x1="8" y1="{ly - 4:.1f}" '
                    f'x2="38" y2="{ly - 4:.1f}"{marker}/><text class="map-legend" x="46" y="{ly:.1f}">{html_text(legend[kind])}</text></g>')
        y += LEGEND_SIZE + 10
    y += 10
    for heading, nodes in columns:
        for line in wrap(heading, HEADING_SIZE, MAP_WIDTH - 16):
            y += HEADING_SIZE + 4
            body.append(f'<text class="map-heading" x="8" y="{y:.1f}">{html_text(line)}</text>')
        y += 10
        for node in nodes:
            lines, _, h = _measure(node, LABEL_SIZE, box_w - 16)
            body.append(_draw(node, lines, 8, y, box_w, h, LABEL_SIZE))
            where[node.key] = y + h / 2
            y += h + 6
        y += 14
    arcs = []
    for a, b, relation in edges:
        y1, y2 = where[a], where[b]
        bulge = min(MAP_WIDTH - arc_x - 8, 14 + 0.12 * abs(y2 - y1))
        marker = ' marker-end="url(#map-arrow)"' if relation == "broader" else ""
        arcs.append(f'<path class="map-edge {relation}" data-a="{html_text(a)}" data-b="{html_text(b)}" '
                    f'd="M{right:.1f},{y1:.1f} H{arc_x:.1f} C{arc_x + bulge:.1f},{y1:.1f} '
                    f'{arc_x + bulge:.1f},{y2:.1f} {arc_x:.1f},{y2:.1f} H{right + 1:.1f}" fill="none"{marker}/>')
    defs = ('<defs><marker id="map-arrow" viewBox="0 0 8 8" refX="7" refY="4" markerWidth="7" markerHeight="7" '
            'orient="auto-start-reverse"><path class="map-arrowhead" d="M0,0 L8,4 L0,8 z"/></marker></defs>')
    return _svg(MAP_WIDTH, y, title, [defs] + arcs + body, "concept-map concept-map-all")
