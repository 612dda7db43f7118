"""Layout families: each turns a ``Person`` into the zoo's document model.

Families follow layouts seen in real resumes: headings on their own line or in a left column,
title and employer on one line in either order, dates before or after the title, labelled
field blocks and tables, floating text boxes out of reading order, a LinkedIn "Save to PDF"
export, a Europass CV, a functional resume. ``precision`` says how exactly a family writes
dates; ``bullets`` whether it lists each job's bullets.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from layout_zoo.model import Box, Columns, Item, P, Table, month, span
from layout_zoo.people import Job, Person


@dataclass(frozen=True, slots=True)
class Layout:
    """One family: its name, the formats it is rendered to and what it preserves."""

    name: str
    formats: tuple[str, ...]
    build: Callable[[Person], list[Item]]
    precision: str = "month"  # or "year"
    bullets: bool = True


def _header(person: Person) -> list[Item]:
    return [
        P(person.name, "name"),
        P(person.headline),
        P(f"{person.city} | {person.phone} | {person.email}"),
    ]


def _summary(person: Person, heading: str = "Professional Summary") -> list[Item]:
    return [P(heading, "heading"), P(f"{person.headline} with experience at {person.jobs[1].org}.")]


def _education(person: Person, heading: str = "Education") -> list[Item]:
    return [P(heading, "heading"), P(f"{person.degree}, {person.school}, {person.grad_year}")]


def _skills(person: Person, heading: str = "Skills") -> list[Item]:
    return [P(heading, "heading"), P(", ".join(person.skills))]


def _bullets(job: Job) -> list[Item]:
    return [P(b, "bullet") for b in job.bullets]


def _page(person: Person, jobs: list[Item], heading: str = "Experience") -> list[Item]:
    return [*_header(person), *_summary(person), P(heading, "heading"), *jobs,
            *_education(person), *_skills(person)]  # fmt: skip


def classic(person: Person) -> list[Item]:
    """Title / Org, City / range below, then bullets."""
    items: list[Item] = []
    for job in person.jobs:
        items += [P(job.title, bold=True), P(f"{job.org}, {job.city}"),
                  P(span(job.start, job.end, "short")), *_bullets(job)]  # fmt: skip
    return _page(person, items)


def title_at_org(person: Person) -> list[Item]:
    """'Title at Org | Jan 2019 – Present' on one line."""
    items: list[Item] = []
    for job in person.jobs:
        items += [P(f"{job.title} at {job.org} | {span(job.start, job.end, 'short')}", bold=True),
                  *_bullets(job)]  # fmt: skip
    return _page(person, items, "Work Experience")


def org_dash_title(person: Person) -> list[Item]:
    """'ORG – Title' then the range on the next line ('March 2019 – now')."""
    items: list[Item] = []
    for job in person.jobs:
        items += [P(f"{job.org} – {job.title}", bold=True),
                  P(span(job.start, job.end, "long", present="now")), *_bullets(job)]  # fmt: skip
    return _page(person, items, "Employment History")


def dates_first(person: Person) -> list[Item]:
    """Year-first range on its own line before 'Title @ Org'."""
    items: list[Item] = []
    for job in person.jobs:
        items += [P(span(job.start, job.end, "year_first", present="Present")),
                  P(f"{job.title} @ {job.org}", bold=True), *_bullets(job)]  # fmt: skip
    return _page(person, items, "Career History")


def pipe_line(person: Person) -> list[Item]:
    """'Org | Title | City | 03/2019 – Present' on one line."""
    items: list[Item] = []
    for job in person.jobs:
        items += [P(f"{job.org} | {job.title} | {job.city} | {span(job.start, job.end, 'numeric')}",
                    bold=True), *_bullets(job)]  # fmt: skip
    return _page(person, items, "Professional Experience")


def title_tab_dates(person: Person) -> list[Item]:
    """'Title<TAB>Mar 2019 – Present' then 'Org, City' (a right-aligned date column)."""
    items: list[Item] = []
    for job in person.jobs:
        items += [P(f"{job.title}\t{span(job.start, job.end, 'short')}", bold=True,
                    stops=(50.0, 400.0)),
                  P(f"{job.org}, {job.city}"), *_bullets(job)]  # fmt: skip
    return _page(person, items)


def left_column(person: Person) -> list[Item]:
    """Headings in a left column on the same line as content ('WORK<TAB>Org<TAB>Title')."""
    items: list[Item] = [*_header(person), P(f"PROFILE\t{person.headline}.")]
    for n, job in enumerate(person.jobs):
        lead = "WORK" if n == 0 else ""
        items += [P(f"{lead}\t{job.org}\t{job.title}", bold=True),
                  P(f"\t{span(job.start, job.end, 'long', present='now')}")]  # fmt: skip
        items += [P(f"\t• {b}") for b in job.bullets]
    items += [P(f"EDUCATION\t{person.degree}, {person.school}, {person.grad_year}"),
              P(f"SKILLS\t{', '.join(person.skills)}")]  # fmt: skip
    return items


def _personal(person: Person) -> list[Item]:
    return [
        P("Personal Details", "heading"),
        P("Date of Birth: 14/02/1990"),
        P("Nationality: Example"),
        P("Passport No: X1234567"),
        P("Marital Status: Single"),
        P("Languages Known: English"),
        P("Declaration", "heading"),
        P("I hereby declare that the above information is true to the best of my knowledge."),
        P(f"Place: {person.city.split(',')[0]}"),
    ]


def field_block(person: Person) -> list[Item]:
    """'Designation: …' / 'Company: …' / "Duration: Nov'18 – Till date" / 'Responsibilities:'."""
    items: list[Item] = []
    for job in person.jobs:
        items += [P(f"Designation: {job.title}", bold=True), P(f"Company: {job.org}, {job.city}"),
                  P(f"Duration: {span(job.start, job.end, 'apostrophe', present='Till date')}"),
                  P("Responsibilities:"), *_bullets(job)]  # fmt: skip
    return [*_page(person, items, "Work Experience"), *_personal(person)]


def field_table(person: Person) -> list[Item]:
    """A two-column table per job: Company | Position | Period | Responsibilities."""
    items: list[Item] = []
    for job in person.jobs:
        rows = (
            ((P("Company:"),), (P(job.org),)),
            ((P("Position:"),), (P(job.title),)),
            ((P("Period:"),), (P(span(job.start, job.end, "numeric")),)),
            ((P("Responsibilities:"),), tuple(P(b, "bullet") for b in job.bullets)),
        )
        items.append(Table(rows, (110.0, 400.0), ruled=True))
    return [*_page(person, items, "Experience"), *_personal(person)]


def date_column(person: Person) -> list[Item]:
    """A borderless table: dates in the left cell, title, employer and bullets in the right."""
    rows = tuple(
        ((P(span(job.start, job.end, "dotted")),),
         (P(job.title, bold=True), P(f"{job.org}, {job.city}"),
          *(P(b, "bullet") for b in job.bullets)))
        for job in person.jobs
    )  # fmt: skip
    return _page(person, [Table(rows, (110.0, 400.0))])


def text_boxes(person: Person) -> list[Item]:
    """Floating text boxes whose XML order is not the reading order (positions say it)."""
    jobs: list[P] = []
    for job in person.jobs:
        jobs += [P(job.title, bold=True), P(job.org), P(span(job.start, job.end, "short"))]
        jobs += [P(b, "bullet") for b in job.bullets]
    boxes = [
        Box(tuple(jobs), 300, 190, 380),
        Box((P(f"{person.degree}, {person.school}, {person.grad_year}"),), 640, 190, 380),
        Box((P("EXPERIENCE", "heading"),), 300, 30, 150),
        Box((P(f"{person.headline}."),), 160, 190, 380),
        Box((P("PROFILE", "heading"),), 160, 30, 150),
        Box((P("EDUCATION", "heading"),), 640, 30, 150),
        Box((P(person.name, "name"), P(person.email), P(person.phone)), 40, 30, 500),
    ]
    return list(boxes)


def linkedin(person: Person) -> list[Item]:
    """A LinkedIn 'Save to PDF' export: sidebar (Contact, Top Skills, Languages) and main."""
    side = [P("Contact", "heading"), P(person.phone), P(person.email),
            P(f"www.linkedin.com/in/{person.key}"), P("Top Skills", "heading"),
            *(P(s) for s in person.skills), P("Languages", "heading"),
            P("English (Full Professional)")]  # fmt: skip
    main = [P(person.name, "name"), P(person.headline), P(person.city), P("Summary", "heading"),
            P(f"{person.headline} with experience at {person.jobs[1].org}."),
            P("Experience", "heading")]  # fmt: skip
    for job in person.jobs:
        years = (job.end or (2024, 12))[0] - job.start[0]
        main += [P(job.org, bold=True), P(job.title),
                 P(f"{span(job.start, job.end, 'long', dash=' - ')} ({years} years 2 months)"),
                 P(job.city), *(P(b, "bullet") for b in job.bullets)]  # fmt: skip
    main += [P("Education", "heading"), P(person.school, bold=True),
             P(f"{person.degree} · ({person.grad_year - 4} - {person.grad_year})")]  # fmt: skip
    return [Columns(tuple(side), tuple(main))]


def europass(person: Person) -> list[Item]:
    """Europass: '[ 01/03/2019 – Current ]', title, 'Org – City', main activities."""
    items: list[Item] = []
    for job in person.jobs:
        dates = span(job.start, job.end, "day_first", present="Current")
        items += [P(f"[ {dates} ]"), P(job.title, bold=True), P(f"{job.org} – {job.city}"),
                  *_bullets(job)]  # fmt: skip
    return [*_header(person), *_summary(person, "About Me"), P("WORK EXPERIENCE", "heading"),
            *items, *_education(person, "EDUCATION AND TRAINING"), P("LANGUAGE SKILLS", "heading"),
            P("Mother tongue(s): English")]  # fmt: skip


def functional(person: Person) -> list[Item]:
    """Skills groups first; a short undecorated work history with years only, no bullets."""
    groups: list[Item] = [P("Core Competencies", "heading")]
    for skill, job in zip(person.skills, person.jobs, strict=False):
        groups += [P(skill, bold=True), *(P(b, "bullet") for b in job.bullets[:2])]
    history: list[Item] = [P("Employment History", "heading")]
    for job in person.jobs:
        history.append(P(f"{job.title}, {job.org} ({span(job.start, job.end, 'year')})"))
    return [*_header(person), *_summary(person), *groups, *history, *_education(person)]


def stacked_dates(person: Person) -> list[Item]:
    """Each end of the range opens a line: '2020, June<TAB>Org' / '2022, May<TAB>Title'."""
    items: list[Item] = []
    for job in person.jobs:
        end = month(job.end, "year_first", present="Present")
        items += [P(f"{month(job.start, 'year_first')}\t{job.org}", bold=True),
                  P(f"{end}\t{job.title}"), *_bullets(job)]  # fmt: skip
    return _page(person, items, "Work History")


LAYOUTS: tuple[Layout, ...] = (
    Layout("classic", ("docx", "pdf"), classic),
    Layout("title_at_org", ("docx", "pdf"), title_at_org),
    Layout("org_dash_title", ("docx", "pdf"), org_dash_title),
    Layout("dates_first", ("docx", "pdf"), dates_first),
    Layout("pipe_line", ("docx", "pdf"), pipe_line),
    Layout("title_tab_dates", ("docx", "pdf"), title_tab_dates),
    Layout("left_column", ("docx",), left_column),
    Layout("field_block", ("docx", "pdf"), field_block),
    Layout("field_table", ("docx", "pdf"), field_table),
    Layout("date_column", ("docx", "pdf"), date_column),
    Layout("text_boxes", ("docx",), text_boxes),
    Layout("linkedin", ("pdf",), linkedin),
    Layout("europass", ("docx", "pdf"), europass),
    Layout("functional", ("docx", "pdf"), functional, precision="year", bullets=False),
    Layout("stacked_dates", ("docx", "pdf"), stacked_dates),
)
