"""An overview of the decision flowchart as inline SVG, laid out at build time.

Left to right, one column per depth, so a deeper tree grows wider and a bushier one taller;
the SVG keeps its natural size (readable text) inside a scrolling container instead of
shrinking to fit. Every box links to its section of the page.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

from markupsafe import Markup, escape

from crossroads.model import Flowchart, Outcome, Question

COLUMN_WIDTH = 420
BOX_WIDTH = 200
LINE_HEIGHT = 16
BOX_PADDING = 10
ROW_GAP = 26
WRAP = 26


@dataclass
class _Box:
    node_id: str
    anchor: str
    lines: list[str]
    kind: str
    column: int
    x: float = 0
    y: float = 0

    @property
    def height(self) -> float:
        return len(self.lines) * LINE_HEIGHT + 2 * BOX_PADDING


def _depths(flowchart: Flowchart) -> dict[str, int]:
    """Longest distance from the start, so every edge points rightwards."""
    depth = {flowchart.start: 0}
    order: list[str] = []
    seen: set[str] = set()

    def visit(node_id: str) -> None:
        if node_id in seen:
            return
        seen.add(node_id)
        node = flowchart.node(node_id)
        if isinstance(node, Question):
            for answer in node.answers:
                visit(answer.next)
        order.append(node_id)

    visit(flowchart.start)
    for node_id in reversed(order):  # topological order
        node = flowchart.node(node_id)
        if isinstance(node, Question):
            for answer in node.answers:
                depth[answer.next] = max(depth.get(answer.next, 0), depth[node_id] + 1)
    return depth


def _edges(flowchart: Flowchart, depth: dict[str, int]) -> list[tuple[str, str, str]]:
    """(question, target, label) per distinct target; answers to the same target share one."""
    merged: dict[tuple[str, str], list[str]] = {}
    for question in flowchart.questions:
        if question.id in depth:
            for answer in question.answers:
                merged.setdefault((question.id, answer.next), []).append(answer.label)
    return [(s, t, " / ".join(labels)) for (s, t), labels in merged.items()]


def _label(node: Question | Outcome) -> tuple[str, str, str]:
    if isinstance(node, Question):
        return f"q-{node.id}", node.text, "question"
    return f"o-{node.id}", node.title, "outcome"


def flowchart_svg(flowchart: Flowchart) -> Markup:
    depth = _depths(flowchart)
    edges = _edges(flowchart, depth)
    columns: dict[int, list[_Box]] = {}
    boxes: dict[str, _Box] = {}
    # Order each column by where its parents sit (then by answer order), column by column, so
    # edges fan out without crossing where the tree allows it.
    rank: dict[str, tuple[float, ...]] = {flowchart.start: (0,)}
    for column in range(max(depth.values()) + 1):
        members = [n for n in depth if depth[n] == column]
        if column:
            for node_id in members:
                incoming = [
                    (rank[s], i) for i, (s, t, _) in enumerate(edges) if t == node_id and s in rank
                ]
                rank[node_id] = min(incoming)[0] + (min(incoming)[1],) if incoming else (0,)
        members.sort(key=lambda n: rank[n])
        for position, node_id in enumerate(members):
            rank[node_id] = (column, position)
            anchor, text, kind = _label(flowchart.node(node_id))
            box = _Box(node_id, anchor, textwrap.wrap(text, WRAP) or [""], kind, column)
            boxes[node_id] = box
            columns.setdefault(column, []).append(box)

    heights = {
        column: sum(b.height for b in items) + ROW_GAP * (len(items) - 1)
        for column, items in columns.items()
    }
    total_height = max(heights.values()) + 40
    for column, items in columns.items():
        y = (total_height - heights[column]) / 2
        for box in items:
            box.x = 20 + column * COLUMN_WIDTH
            box.y = y
            y += box.height + ROW_GAP
    width = 40 + (max(columns) * COLUMN_WIDTH) + BOX_WIDTH

    parts: list[str] = []
    labels: list[str] = []
    for source_id, target_id, label in edges:
        source, target = boxes[source_id], boxes[target_id]
        x1, y1 = source.x + BOX_WIDTH, source.y + source.height / 2
        x2, y2 = target.x, target.y + target.height / 2
        middle = (x1 + x2) / 2
        parts.append(
            f'<path class="cr-edge" d="M{x1:.0f},{y1:.0f} C{middle:.0f},{y1:.0f} '
            f'{middle:.0f},{y2:.0f} {x2 - 6:.0f},{y2:.0f}" marker-end="url(#cr-arrow)"/>'
        )
        # The curve's midpoint: edges leaving one question end at different heights there.
        label_x = middle
        label_y = (y1 + y2) / 2 - 4
        short = textwrap.shorten(label, 34, placeholder="…")
        labels.append(
            f'<text class="cr-edge-label" x="{label_x:.0f}" y="{label_y:.0f}">'
            f"{escape(short)}</text>"
        )
    for box in boxes.values():
        rx = 14 if box.kind == "outcome" else 3
        lines = "".join(
            f'<tspan x="{box.x + BOX_PADDING:.0f}" '
            f'y="{box.y + BOX_PADDING + (i + 1) * LINE_HEIGHT - 4:.0f}">{escape(line)}</tspan>'
            for i, line in enumerate(box.lines)
        )
        parts.append(
            f'<a href="#{box.anchor}"><rect class="cr-node cr-node--{box.kind}" '
            f'x="{box.x:.0f}" y="{box.y:.0f}" width="{BOX_WIDTH}" height="{box.height:.0f}" '
            f'rx="{rx}"/><text class="cr-node-text">{lines}</text></a>'
        )
    svg = (
        f'<svg class="cr-diagram" xmlns="http://www.w3.org/2000/svg" width="{width:.0f}" '
        f'height="{total_height:.0f}" viewBox="0 0 {width:.0f} {total_height:.0f}" '
        f'aria-labelledby="cr-diagram-title">'
        f'<title id="cr-diagram-title">Overview of the decision flowchart: '
        f"{len(flowchart.questions)} questions leading to {len(flowchart.outcomes)} outcomes"
        f"</title>"
        f'<defs><marker id="cr-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" '
        f'markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z"/></marker>'
        f"</defs>{''.join(parts)}{''.join(labels)}</svg>"
    )
    return Markup(svg)
