"""The flowchart's own rules, beyond ids: the start is a question, a question's answers
differ, there are no cycles, and every question and outcome can be reached from the start.

Unknown and duplicate question or outcome ids are reported with every other id
(:mod:`crossroads.id_index`), so here an answer leading nowhere is simply not an edge.
"""

from __future__ import annotations

from crossroads.errors import DataProblem
from crossroads.loading import YamlDocument
from crossroads.model import Flowchart

Edges = dict[str, list[tuple[int, str]]]  # question id -> (answer index, target id)


def check_flowchart(flowchart: Flowchart, document: YamlDocument) -> list[DataProblem]:
    problems = _answers_differ(flowchart, document)
    questions = {q.id: i for i, q in enumerate(flowchart.questions)}
    if flowchart.start not in questions:
        message = f"start {flowchart.start!r} is not a question id"
        return [*problems, document.problem(("start",), message)]
    nodes = set(questions) | {o.id for o in flowchart.outcomes}
    edges: Edges = {
        q.id: [(i, a.next) for i, a in enumerate(q.answers) if a.next in nodes]
        for q in flowchart.questions
    }
    reached: set[str] = set()
    problems += _cycles(flowchart.start, edges, questions, document, reached)
    problems += _unreachable(flowchart, reached, document)
    return problems


def _answers_differ(flowchart: Flowchart, document: YamlDocument) -> list[DataProblem]:
    problems = []
    for q_index, question in enumerate(flowchart.questions):
        seen: set[str] = set()
        for a_index, answer in enumerate(question.answers):
            if answer.id in seen:
                message = f"question {question.id!r} has two answers with id {answer.id!r}"
                where = ("questions", q_index, "answers", a_index, "id")
                problems.append(document.problem(where, message))
            seen.add(answer.id)
    return problems


def _cycles(
    start: str,
    edges: Edges,
    questions: dict[str, int],
    document: YamlDocument,
    reached: set[str],
) -> list[DataProblem]:
    """Depth-first from the start, keeping the current path; fills ``reached``."""
    problems: list[DataProblem] = []
    active: list[str] = []

    def visit(node: str) -> None:
        reached.add(node)
        active.append(node)
        for a_index, target in edges.get(node, []):
            if target in active:
                cycle = [*active[active.index(target) :], target]
                where = ("questions", questions[node], "answers", a_index, "next")
                message = "cycle in the flowchart: " + " -> ".join(cycle)
                problems.append(document.problem(where, message))
            elif target not in reached:
                visit(target)
        active.pop()

    visit(start)
    return problems


def _unreachable(
    flowchart: Flowchart, reached: set[str], document: YamlDocument
) -> list[DataProblem]:
    groups = (
        ("questions", "question", [q.id for q in flowchart.questions]),
        ("outcomes", "outcome", [o.id for o in flowchart.outcomes]),
    )
    problems = []
    for key, kind, node_ids in groups:
        for index, node_id in enumerate(node_ids):
            if node_id not in reached:
                message = f"{kind} {node_id!r} cannot be reached from start {flowchart.start!r}"
                problems.append(document.problem((key, index, "id"), message))
    return problems
