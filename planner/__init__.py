"""OrgPlanner: plan an organisation's move to AI (people, compute and money)."""

__version__ = "0.1.0"
