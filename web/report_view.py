"""Turn ``analysis.to_dict()`` into what the report templates show (web page and HTML file).

Pure data shaping, no Flask: the standalone HTML renderer uses it too. Highlighting returns
(text, marked) segments so templates mark words with autoescaping intact (never the safe filter).
"""

from __future__ import annotations

from typing import Any

CHART_BAR_MAX = 300
CHART_ROW_HEIGHT = 34
CHART_LABEL_WIDTH = 230
LEVEL_TEXT = {
    "strong": "Strong",
    "moderate": "Moderate",
    "emerging": "Emerging",
    "none": "Not shown yet",
}
SAFE_SCHEMES = ("http://", "https://", "mailto:")


def highlight(text: str, terms: list[str]) -> list[tuple[str, bool]]:
    """Split ``text`` into segments, marking case-insensitive occurrences of ``terms``."""
    lowered = text.lower()
    spans: list[tuple[int, int]] = []
    for term in {t.strip().lower() for t in terms if t and t.strip()}:
        start = lowered.find(term)
        while start != -1:
            spans.append((start, start + len(term)))
            start = lowered.find(term, start + len(term))
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    segments: list[tuple[str, bool]] = []
    pos = 0
    for start, end in merged:
        if start > pos:
            segments.append((text[pos:start], False))
        segments.append((text[start:end], True))
        pos = end
    if pos < len(text):
        segments.append((text[pos:], False))
    return segments


def safe_link(url: str) -> str | None:
    """Return ``url`` when its scheme is allowed (E-02); otherwise ``None`` (shown as text)."""
    return url if url.strip().lower().startswith(SAFE_SCHEMES) else None


def _chart(roles: list[dict[str, Any]]) -> dict[str, Any]:
    bars = []
    for i, role in enumerate(roles):
        score = max(0, min(100, int(role["score"])))
        bars.append(
            {
                "label": role["label"],
                "score": score,
                "level": role["level"],
                "y": i * CHART_ROW_HEIGHT,
                "width": max(2, score * CHART_BAR_MAX // 100),
                "text_y": i * CHART_ROW_HEIGHT + 21,
            }
        )
    return {
        "bars": bars,
        "height": len(bars) * CHART_ROW_HEIGHT,
        "width": CHART_LABEL_WIDTH + CHART_BAR_MAX + 60,
        "label_width": CHART_LABEL_WIDTH,
    }


def _evidence(finding: dict[str, Any]) -> dict[str, Any]:
    terms = [c["text"] for c in finding.get("contributions", [])]
    return {
        **finding,
        "segments": highlight(finding["text"], terms),
        "explicit": bool(finding["explicit_ai"]),
    }


def _unique(keywords: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Keywords once each (case-insensitive), keeping the first, required if any copy is."""
    seen: dict[str, dict[str, Any]] = {}
    for keyword in keywords:
        key = str(keyword.get("text", "")).lower()
        if key in seen:
            seen[key]["required"] = bool(seen[key].get("required")) or bool(keyword.get("required"))
        else:
            seen[key] = dict(keyword)
    return list(seen.values())


def build_report(data: dict[str, Any]) -> dict[str, Any]:
    """The template context for one analysis dict (the ``analyze --format json`` document)."""
    roles = sorted(data["roles"], key=lambda r: -int(r["score"]))
    findings = {f["id"]: f for f in data["findings"]}
    labels = {r["id"]: r["label"] for r in data["roles"]}
    evidence = []
    for role in roles:
        items = [_evidence(findings[i]) for i in role["finding_ids"] if i in findings]
        if items:
            evidence.append({"role": role, "findings": items})
    rewrites = [
        {**r, "finding": findings.get(r["finding_id"]), "role_label": labels.get(r.get("role", ""))}
        for r in data.get("rewrites", [])
    ]
    top = next((r for r in roles if r["id"] == data.get("top_role")), None)
    plan = data.get("plan")
    if plan is not None:
        originals = {r["id"]: r["original"] for r in data.get("rewrites", [])}
        plan = {
            **plan,
            "searches": [{**s, "href": safe_link(s["url"])} for s in plan.get("searches", [])],
            "rewrite_first": [originals.get(i, i) for i in plan.get("rewrite_first", [])],
        }
    explicit_count = sum(1 for f in data["findings"] if f["explicit_ai"])
    return {
        "data": data,
        "source": data.get("source", {}),
        "roles": roles,
        "top": top,
        "chart": _chart(roles),
        "evidence": evidence,
        "finding_count": len(data["findings"]),
        "explicit_count": explicit_count,
        "rewrites": rewrites,
        "interview": [
            {**p, "finding": findings.get(p["finding_id"])} for p in data.get("interview", [])
        ],
        "plan": plan,
        "matches": [
            {**m, "matched": _unique(m["matched"]), "missing": _unique(m["missing"])}
            for m in data.get("matches", [])
        ],
        "level_text": LEVEL_TEXT,
    }


def build_posting(data: dict[str, Any]) -> dict[str, Any]:
    """The template context for one posting dict (the ``posting --format json`` document)."""
    roles = sorted(data["roles"], key=lambda r: -int(r["score"]))
    keywords = data.get("keywords", [])
    return {
        "posting": data,
        "roles": roles,
        "chart": _chart(roles),
        "required": [k for k in keywords if k["required"]],
        "preferred": [k for k in keywords if not k["required"]],
        "phrases": data.get("hitl_phrases", []),
        "level_text": LEVEL_TEXT,
    }
