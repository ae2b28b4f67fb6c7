"""What each catalog file holds (its fields and ranges) and the rules across its entries."""

from __future__ import annotations

from typing import Any

from .checks import Each, Rec, date, flag, ident, month, number, one_of, problems, text

VERSION = 1
SHARE = number(0, 1)
SIGNED_SHARE = number(-1, 1)
POSITIVE = number(0, above=True)
NON_NEG = number(0)
PER_MTOK = number(0, 1000)

FUNCTION = Rec({"id": ident, "name": text, "max_time_saved": SHARE}, evidence=True)
TEMPLATE = Rec({
    "id": ident, "name": text, "function": ident, "unit": text, "minutes_per_unit": POSITIVE,
    "volume_hint": POSITIVE,
    "ai": Rec({"time_saved": SIGNED_SHARE, "adoption": SHARE, "review_overhead": SHARE,
               "ramp_months": number(0, 120, whole=True), "ramp": one_of("linear", "s-curve")}),
    "time_saved_range": Rec({"low": SIGNED_SHARE, "high": SIGNED_SHARE}),
    "compute": Rec({"calls_per_unit": NON_NEG, "input_tokens": NON_NEG, "output_tokens": NON_NEG,
                    "cached_share": SHARE}),
}, optional=frozenset({"volume_hint"}), evidence=True)

API_MODEL = Rec({"id": ident, "name": text, "provider": text, "file_key": text,
                 "input_per_mtok": PER_MTOK, "output_per_mtok": PER_MTOK,
                 "cached_input_per_mtok": PER_MTOK},
                optional=frozenset({"cached_input_per_mtok"}), evidence=True)
TIER = Rec({"id": ident, "name": text, "trend": one_of("rising", "flat", "falling"),
            "members": Each(Rec({"model": text, "file_key": text, "input_per_mtok": PER_MTOK,
                                 "output_per_mtok": PER_MTOK}), min_len=2)}, evidence=True)
SELF_HOSTED = Rec({
    "id": ident, "name": text, "gpu": ident, "gpus_per_replica": number(1, 64, whole=True),
    "precision": text, "parallelism": text, "prefill_tokens_per_s": POSITIVE,
    "decode_tokens_per_s": POSITIVE, "utilization": number(0, 1, above=True),
    "measured": Each(Rec({"input_tokens": POSITIVE, "output_tokens": POSITIVE,
                          "output_tokens_per_s": POSITIVE})),
}, evidence=True)

GPU = Rec({
    "id": ident, "name": text, "memory_gb": POSITIVE,
    "watts": Rec({"gpu": POSITIVE, "per_gpu": POSITIVE}, evidence=True),
    "cloud": Rec({"per_gpu_hour": NON_NEG, "low": NON_NEG, "high": NON_NEG, "provider": text,
                  "date": month}, optional=frozenset({"low", "high", "date"}), evidence=True),
    "purchase": Rec({"low": NON_NEG, "high": NON_NEG, "includes_server": flag,
                     "server_share": NON_NEG, "capex_per_gpu": NON_NEG},
                    optional=frozenset({"server_share"}), evidence=True),
    "throughput": Each(Rec({"shape": text, "input_tokens": POSITIVE, "output_tokens": POSITIVE,
                            "output_tokens_per_s": POSITIVE, "model": text, "precision": text,
                            "parallelism": text, "software": text}, evidence=True),
                       min_len=2, key="shape"),
}, evidence=True)

# The sections of each file (after the header: catalog, version, checked, about).
FILES: dict[str, dict[str, Any]] = {
    "workflows": {"functions": Each(FUNCTION), "templates": Each(TEMPLATE)},
    "models": {"price_file": Rec({"name": text, "date": date}), "api_models": Each(API_MODEL),
               "tiers": Each(TIER), "self_hosted": Each(SELF_HOSTED)},
    "gpus": {"gpus": Each(GPU)},
}
# Workload shapes every GPU must give a throughput for (MODEL.md rates depend on the shape).
SHAPES = ("1k/1k", "8k/1k")


def file_problems(name: str, data: Any) -> list[str]:
    """Every problem of one catalog file's data: header, fields, ranges, then cross rules."""
    if not isinstance(data, dict):
        return ["must be a JSON object with the keys catalog, version, checked and "
                f"{', '.join(FILES[name])}"]
    version = data.get("version")
    if isinstance(version, int) and not isinstance(version, bool) and version > VERSION:
        return [f"version {version} was written by a newer OrgPlanner (this one reads version "
                f"{VERSION}); update OrgPlanner"]
    header = Rec({"catalog": one_of(name), "version": one_of(VERSION), "checked": date,
                  "about": text, **FILES[name]}, optional=frozenset({"about"}))
    out = problems(header, data)
    if not out:
        out = RULES[name](data)
    return out


def _unique(items: list[dict], where: str) -> list[str]:
    seen: set[str] = set()
    out = []
    for item in items:
        if item["id"] in seen:
            out.append(f"{where}[{item['id']}]: the id is used twice; ids must be unique")
        seen.add(item["id"])
    return out


def _workflow_rules(data: dict) -> list[str]:
    out = _unique(data["functions"], "functions") + _unique(data["templates"], "templates")
    ceiling = {f["id"]: f["max_time_saved"] for f in data["functions"]}
    for t in data["templates"]:
        at = f"templates[{t['id']}]"
        low, high = t["time_saved_range"]["low"], t["time_saved_range"]["high"]
        if not low <= t["ai"]["time_saved"] <= high:
            out.append(f"{at}.ai.time_saved: {t['ai']['time_saved']:g} lies outside its "
                       f"time_saved_range [{low:g}, {high:g}]")
        if t["function"] not in ceiling:
            out.append(f"{at}.function: \"{t['function']}\" is not in functions; use one of "
                       f"{', '.join(ceiling)}")
        elif high > ceiling[t["function"]]:
            out.append(f"{at}.time_saved_range.high: {high:g} is above the {t['function']} "
                       f"ceiling {ceiling[t['function']]:g} (max_time_saved in functions)")
    return out


def trend(members: list[dict]) -> str:
    """rising / flat / falling: the newest member's input price against the oldest's."""
    first, last = members[0]["input_per_mtok"], members[-1]["input_per_mtok"]
    return "rising" if last > first else "falling" if last < first else "flat"


def predicted_rate(model: dict, input_tokens: float, output_tokens: float) -> float:
    """Output tokens per second per GPU that MODEL.md's busy time gives for one shape."""
    per_output = (input_tokens / output_tokens) / model["prefill_tokens_per_s"] \
        + 1 / model["decode_tokens_per_s"]
    return 1 / per_output


def _model_rules(data: dict) -> list[str]:
    out = _unique(data["api_models"] + data["self_hosted"], "models") + _unique(data["tiers"], "tiers")
    for m in data["api_models"]:
        cached = m.get("cached_input_per_mtok")
        if cached is not None and cached > m["input_per_mtok"]:
            out.append(f"api_models[{m['id']}].cached_input_per_mtok: {cached:g} is above the "
                       f"input price {m['input_per_mtok']:g}")
    for t in data["tiers"]:
        if trend(t["members"]) != t["trend"]:
            out.append(f"tiers[{t['id']}].trend: \"{t['trend']}\" but its prices are "
                       f"{trend(t['members'])} (oldest member first)")
    for m in data["self_hosted"]:
        for i, shape in enumerate(m["measured"]):
            rate = predicted_rate(m, shape["input_tokens"], shape["output_tokens"])
            if abs(rate / shape["output_tokens_per_s"] - 1) > 0.02:
                out.append(f"self_hosted[{m['id']}].measured[{i}]: prefill and decode rates give "
                           f"{rate:,.0f} output tok/s, not the measured "
                           f"{shape['output_tokens_per_s']:,}; refit them")
    return out


def _gpu_rules(data: dict) -> list[str]:
    out = _unique(data["gpus"], "gpus")
    for g in data["gpus"]:
        at = f"gpus[{g['id']}]"
        shapes = [t["shape"] for t in g["throughput"]]
        out += [f"{at}.throughput: no {s} figure; every GPU needs {' and '.join(SHAPES)}"
                for s in SHAPES if s not in shapes]
        c, p = g["cloud"], g["purchase"]
        if not c.get("low", c["per_gpu_hour"]) <= c["per_gpu_hour"] <= c.get("high", c["per_gpu_hour"]):
            out.append(f"{at}.cloud.per_gpu_hour: {c['per_gpu_hour']:g} lies outside low..high")
        expected = (p["low"] + p["high"]) / 2 + (0 if p["includes_server"] else p.get("server_share", 0))
        if p["low"] > p["high"] or abs(p["capex_per_gpu"] - expected) > 0.5:
            out.append(f"{at}.purchase.capex_per_gpu: must be the mid of low and high plus the "
                       f"server share ({expected:,.0f}), got {p['capex_per_gpu']:,.0f}")
        if not p["includes_server"] and "server_share" not in p:
            out.append(f"{at}.purchase.server_share: missing (includes_server is false)")
        if g["watts"]["per_gpu"] < g["watts"]["gpu"]:
            out.append(f"{at}.watts.per_gpu: below the GPU's own watts; it includes the server share")
    return out


RULES = {"workflows": _workflow_rules, "models": _model_rules, "gpus": _gpu_rules}
