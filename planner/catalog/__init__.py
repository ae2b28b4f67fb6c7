"""The evidence catalog: workflow templates, API models, self-hosted models and GPUs, every
figure with its source, the figure it rests on, its kind and the date it was checked.

Qt-free. The JSON lives in ``resources/catalog/``; entries are plain dicts, and the
converters turn them into plan JSON data (MODEL.md section 1).
"""

from .checks import KINDS
from .convert import (
    api_model_to_plan,
    cite,
    gpu_to_plan,
    owned_overhead,
    self_hosted_to_plan,
    template_to_workflow,
)
from .loader import Catalog, CatalogError, load_catalog, read_catalog_file
from .lookups import (
    api_model,
    api_models,
    find_templates,
    functions,
    gpu,
    gpus,
    self_hosted_model,
    self_hosted_models,
    template,
    tier_for,
    tiers,
    workflow_templates,
)
from .paths import catalog_dir, resources_dir

__all__ = [
    "KINDS", "Catalog", "CatalogError", "load_catalog", "read_catalog_file",
    "api_model", "api_models", "find_templates", "functions", "gpu", "gpus",
    "self_hosted_model", "self_hosted_models", "template", "tier_for", "tiers",
    "workflow_templates",
    "api_model_to_plan", "cite", "gpu_to_plan", "owned_overhead", "self_hosted_to_plan",
    "template_to_workflow", "catalog_dir", "resources_dir",
]
