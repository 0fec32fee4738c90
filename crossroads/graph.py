"""Checks on the decision flowchart's graph: every answer leads somewhere, no cycles,
everything reachable from the start, every path ends in an outcome."""

from __future__ import annotations

from crossroads.errors import DataProblem
from crossroads.loading import Location, YamlDocument
from crossroads.model import Flowchart


def check_flowchart(flowchart: Flowchart, document: YamlDocument) -> list[DataProblem]:
    problems: list[DataProblem] = []
    question_index = {q.id: i for i, q in enumerate(flowchart.questions)}
    outcome_index = {o.id: i for i, o in enumerate(flowchart.outcomes)}

    seen: dict[str, Location] = {}
    ids: list[tuple[Location, str]] = [
        *((("questions", i, "id"), q.id) for i, q in enumerate(flowchart.questions)),
        *((("outcomes", i, "id"), o.id) for i, o in enumerate(flowchart.outcomes)),
    ]
    for location, node_id in ids:
        if node_id in seen:
            first = document.line_of(seen[node_id])
            problems.append(
                document.problem(location, f"duplicate id {node_id!r} (first used at line {first})")
            )
        else:
            seen[node_id] = location

    start_is_question = flowchart.start in question_index
    if not start_is_question:
        problems.append(
            document.problem(("start",), f"start {flowchart.start!r} is not a question id")
        )

    edges: dict[str, list[str]] = {}
    for q_index, question in enumerate(flowchart.questions):
        answer_ids: set[str] = set()
        targets = edges.setdefault(question.id, [])
        for a_index, answer in enumerate(question.answers):
            where = ("questions", q_index, "answers", a_index)
            if answer.id in answer_ids:
                problems.append(
                    document.problem(
                        (*where, "id"),
                        f"question {question.id!r} has two answers with id {answer.id!r}",
                    )
                )
            answer_ids.add(answer.id)
            if answer.next not in question_index and answer.next not in outcome_index:
                problems.append(
                    document.problem(
                        (*where, "next"),
                        f"answer {answer.id!r} of question {question.id!r} leads to unknown "
                        f"question or outcome {answer.next!r}",
                    )
                )
            else:
                targets.append(answer.next)

    # Cycles: depth-first search keeping the current path.
    state: dict[str, str] = {}

    def visit(node: str, path: list[str]) -> None:
        state[node] = "active"
        for a_index, target in enumerate(edges.get(node, [])):
            if state.get(target) == "active":
                cycle = [*path[path.index(target) :], target]
                q_index = question_index[node]
                problems.append(
                    document.problem(
                        ("questions", q_index, "answers", a_index, "next"),
                        "cycle in the flowchart: " + " -> ".join(cycle),
                    )
                )
            elif target not in state and target in question_index:
                visit(target, [*path, target])
        state[node] = "done"

    if not start_is_question:
        return problems  # reachability means nothing without a start
    visit(flowchart.start, [flowchart.start])
    reachable = set(state)
    for question in flowchart.questions:
        for target in edges.get(question.id, []):
            if question.id in reachable:
                reachable.add(target)

    groups = (
        ("questions", "question", [q.id for q in flowchart.questions]),
        ("outcomes", "outcome", [o.id for o in flowchart.outcomes]),
    )
    for key, kind, node_ids in groups:
        for index, node_id in enumerate(node_ids):
            if node_id not in reachable:
                message = f"{kind} {node_id!r} cannot be reached from start {flowchart.start!r}"
                problems.append(document.problem((key, index, "id"), message))
    return problems
