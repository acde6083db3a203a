"""Headless subcommands of ``inspector-app``.

Each module has ``register(subparsers)`` that adds its parser and sets ``func`` to a handler
``(args, ctx) -> int``. Handlers raise ``InspectorError`` for expected failures; the CLI prints
them as one line on stderr and exits 1.
"""

# Listed, not discovered, so a frozen (PyInstaller) build finds them.
COMMAND_MODULES: tuple[str, ...] = (
    "inspector_app.commands.info",
    "inspector_app.commands.profile",
    "inspector_app.commands.companies",
    "inspector_app.commands.forms",
    "inspector_app.commands.demo",
    "inspector_app.commands.inspections",
    "inspector_app.commands.plans",
    "inspector_app.commands.org",
    "inspector_app.commands.identity",
    "inspector_app.commands.verify",
    "inspector_app.commands.sign",
    "inspector_app.commands.reinspect",
    "inspector_app.commands.hazards",
    "inspector_app.commands.photos",
    "inspector_app.commands.export",
    "inspector_app.commands.sync",
    "inspector_app.commands.numbers",
    "inspector_app.commands.classify",
    "inspector_app.commands.year_plan",
    "inspector_app.commands.units",
    "inspector_app.commands.campaigns",
    "inspector_app.commands.report",
    "inspector_app.commands.emergency",
    "inspector_app.commands.guide",
    "inspector_app.commands.escalations",
)

# Modules whose subcommands are not named like the module, so the command line can still load
# just the one module a command needs.
OTHER_COMMAND_NAMES: dict[str, tuple[str, ...]] = {
    "inspector_app.commands.classify": ("classify", "standardisation"),
    "inspector_app.commands.year_plan": ("plan-year", "year-plan"),
    "inspector_app.commands.emergency": ("plans-registry", "drills", "stations"),
}


def command_names(module: str) -> tuple[str, ...]:
    """The subcommands ``module`` registers."""
    return OTHER_COMMAND_NAMES.get(module, (module.rsplit(".", 1)[-1],))
