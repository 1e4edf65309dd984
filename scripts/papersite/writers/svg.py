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


def bar_chart(rows: list[tuple[str, int, str | None]], title: str, label_width: float = 150) -> str:
    """Horizontal bars, one per (label, count, href); the count is printed at the end of each bar."""
    row_h, bar_w = 26, 330
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
                 f'<text class="chart-value" x="{label_width + w + 6:.1f}" y="{y + 15}">{count}</text>']
    return _svg(label_width + bar_w + 50, 12 + len(rows) * row_h, title, body, "concept-chart")


@dataclass(frozen=True)
class Node:
    """A box on a concept map: ``label`` lines, a link, a style class."""
    key: str
    label: str
    href: str | None
    cls: str = ""


def _box(node: Node, cx: float, cy: float, size: float, max_w: float) -> tuple[list[str], float, float]:
    lines = wrap(node.label, size, max_w)
    w = max(text_width(line, size) for line in lines) + 16
    h = len(lines) * (size + 3) + 10
    x, y = cx - w / 2, cy - h / 2
    parts = [f'<rect x="{x:.1f}" y="{y:.1f}" width="{w:.1f}" height="{h:.1f}" rx="5"/>']
    for i, line in enumerate(lines):
        parts.append(f'<text x="{cx:.1f}" y="{y + 5 + (i + 1) * (size + 3) - 3:.1f}" text-anchor="middle">{html_text(line)}</text>')
    group = f'<g class="map-node {node.cls}">' + "".join(parts) + "</g>"
    if node.href:
        group = f'<a href="{html_text(node.href)}">{group}</a>'
    return [group], w, h


def neighbourhood_map(centre: Node, neighbours: list[tuple[Node, str, float]], title: str, legend: dict[str, str]) -> str:
    """The concept in the middle, its neighbours on an ellipse; edges styled by relation (class), width by weight."""
    width, height, size = 880.0, 500.0, 14.0
    cx, cy, rx, ry = width / 2, height / 2 - 10, width / 2 - 100, height / 2 - 60
    edges, nodes = [], []
    count = len(neighbours)
    for i, (node, relation, weight) in enumerate(neighbours):
        angle = -math.pi / 2 + 2 * math.pi * i / max(count, 1)
        x, y = cx + rx * math.cos(angle), cy + ry * math.sin(angle)
        edges.append(f'<line class="map-edge {relation}" x1="{cx:.1f}" y1="{cy:.1f}" x2="{x:.1f}" y2="{y:.1f}" '
                     f'stroke-width="{1 + 3 * weight:.1f}"/>')
        nodes += _box(node, x, y, size - 1, 140)[0]
    nodes += _box(centre, cx, cy, size + 2, 200)[0]
    legend_svg, lx = [], 10.0
    for cls, text in legend.items():
        legend_svg += [f'<line class="map-edge {cls}" x1="{lx:.0f}" y1="{height - 12}" x2="{lx + 28:.0f}" y2="{height - 12}" stroke-width="2"/>',
                       f'<text class="map-legend" x="{lx + 34:.0f}" y="{height - 8}">{html_text(text)}</text>']
        lx += 44 + text_width(text, 12)
    return _svg(width, height, title, edges + nodes + legend_svg, "concept-map")


def columns_map(columns: list[tuple[str, list[Node]]], edges: list[tuple[str, str, str]], title: str) -> str:
    """The whole concept list: one column per category, curated relations drawn as curves between boxes."""
    col_w, row_h, size, head = 172.0, 40.0, 12.0, 40.0
    rows = max((len(nodes) for _, nodes in columns), default=0)
    width, height = col_w * len(columns), head + rows * row_h + 10
    where, body = {}, []
    for c, (heading, nodes) in enumerate(columns):
        x = c * col_w + col_w / 2
        for j, line in enumerate(wrap(heading, size, col_w - 12)[:2]):
            body.append(f'<text class="map-heading" x="{x:.1f}" y="{14 + j * 15}" text-anchor="middle">{html_text(line)}</text>')
        for r, node in enumerate(nodes):
            where[node.key] = (x, head + r * row_h + row_h / 2)
    curves = []
    for a, b, relation in edges:
        (x1, y1), (x2, y2) = where[a], where[b]
        # Between columns: an S-curve; within a column: a loop out to the right, clear of the boxes.
        c1, c2 = ((x1 + x2) / 2, (x1 + x2) / 2) if x1 != x2 else (x1 + col_w / 2, x2 + col_w / 2)
        curves.append(f'<path class="map-edge {relation}" d="M{x1:.1f},{y1:.1f} C{c1:.1f},{y1:.1f} '
                      f'{c2:.1f},{y2:.1f} {x2:.1f},{y2:.1f}" fill="none"/>')
    for heading, nodes in columns:
        for node in nodes:
            body += _box(node, *where[node.key], size, col_w - 14)[0]
    return _svg(width, height, title, curves + body, "concept-map concept-map-all")
