"""Reading a LiteLLM price file: per token becomes per million tokens; bad files get one
clear message naming the file and what to do."""

from __future__ import annotations

import json

import pytest
from prices_data import SMALL

from planner.io.pricebook import (
    PriceFileError,
    Prices,
    entry_prices,
    per_mtok,
    read_price_file,
)


def test_reads_entries_and_the_date_leaving_out_the_documentation_entry():
    prices = read_price_file(SMALL)
    assert prices.name == "small_prices.json" and prices.date == "2026-07-24"
    assert "sample_spec" not in prices.entries and "last_updated" not in prices.entries
    assert "gpt-4o-mini" in prices.entries


def test_the_date_comes_from_the_file_name_when_the_file_has_none(tmp_path):
    path = tmp_path / "prices_2025-01-31.json"
    path.write_text(json.dumps({"m": {"input_cost_per_token": 1e-06, "output_cost_per_token": 1e-06}}))
    assert read_price_file(path).date == "2025-01-31"


@pytest.mark.parametrize("per_token, expected", [
    (1.5e-07, 0.15), (6e-07, 0.6), (7.5e-08, 0.075), (2.8e-09, 0.0028), (1.25e-06, 1.25),
    (1.5e-05, 15.0), (0, 0.0)])
def test_per_token_prices_become_per_million_without_float_noise(per_token, expected):
    assert per_mtok(per_token) == expected  # exactly: 1.5e-07 * 1e6 is 0.15000000000000002


def test_entry_prices_with_and_without_a_cached_price():
    entries = read_price_file(SMALL).entries
    assert entry_prices("gpt-4o-mini", entries["gpt-4o-mini"]) == Prices(0.15, 0.6, 0.075)
    assert entry_prices("claude-haiku-4", entries["claude-haiku-4"]) == Prices(0.8, 4.0, None)
    assert entry_prices("local-free", entries["local-free"]) == Prices(0.0, 0.0, None)


@pytest.mark.parametrize("key, message", [
    ("wandb/meta-llama/Llama-3.3-70B-Instruct",
     "wandb/meta-llama/Llama-3.3-70B-Instruct: input_cost_per_token 0.071 is $71,000 per million "
     "tokens, above the $1,000 sanity limit (a unit error in the file?)"),
    ("string-priced", 'string-priced: input_cost_per_token is "0.000001", not a number'),
    ("negative-priced", "negative-priced: input_cost_per_token is negative (-1 per million tokens)"),
    ("cache-above-input", "cache-above-input: the cached-input price ($3 per million tokens) is "
                          "above the input price ($1)"),
    ("no-output-price", "no-output-price: the file gives no output_cost_per_token"),
])
def test_absurd_entries_are_refused_naming_the_key_and_the_figure(key, message):
    assert entry_prices(key, read_price_file(SMALL).entries[key]) == message


def test_non_finite_prices_are_refused():
    assert entry_prices("m", {"input_cost_per_token": float("nan"), "output_cost_per_token": 1e-06}) \
        == "m: input_cost_per_token is nan, not a finite number"


@pytest.mark.parametrize("content, message", [
    (b" \n", "prices.json: the file is empty; it should hold a LiteLLM price file"),
    (b'{"gpt-4o-mini": {"input_cost_per_token": 1e-07,}}',
     "prices.json line 1 column 48: not valid JSON (Expecting property name enclosed in double "
     "quotes); download the price file again"),
    (b"[1, 2]", "prices.json: not a LiteLLM price file: it holds a list; expected an object keyed by "
                "model name"),
    (b'{"name": "Northwind", "teams": []}',
     "prices.json: no entry has input_cost_per_token or output_cost_per_token: not a LiteLLM price file"),
    (b"\xff\xfe{\x00}\x00", "prices.json: not UTF-8 text; is this the right file?"),
])
def test_bad_files_get_one_clear_message(tmp_path, content, message):
    path = tmp_path / "prices.json"
    path.write_bytes(content)
    with pytest.raises(PriceFileError) as err:
        read_price_file(path)
    assert message in str(err.value)


def test_a_missing_file_or_a_folder(tmp_path):
    with pytest.raises(PriceFileError, match="nope.json: no such file; check the path"):
        read_price_file(tmp_path / "nope.json")
    with pytest.raises(PriceFileError, match="is a folder, not a price file"):
        read_price_file(tmp_path)
