"""`make lab`: JupyterLab on notebooks/ that never leaves a run's outputs in the repository.

JupyterLab saves a notebook through its contents manager; `make lab` sets this module's strip_on_save as the
manager's pre_save_hook, so what reaches the disk is the notebook as committed: no outputs, no execution counts,
the cell ids, tags (`parameters`) and kernelspec kept, the run's language_info reduced to the language's name
(nbstripout's own rules, as `make strip` and the `nbstripout --verify` of `make test`). A person exploring can
run, change parameters and save; `git status` shows only what they edited in the cells' sources.
"""

from __future__ import annotations

# the keys nbstripout's command line strips by default (its API strips only what it is told)
EXTRA_KEYS = ["metadata.signature", "metadata.widgets", "cell.metadata.collapsed", "cell.metadata.ExecuteTime",
              "cell.metadata.execution", "cell.metadata.heading_collapsed", "cell.metadata.hidden",
              "cell.metadata.scrolled"]
HOOK = "helpers.run.lab.strip_on_save"  # what the Makefile's `lab` target passes to JupyterLab


def committed_form(nb):
    """The notebook as the repository keeps it (nbformat NotebookNode, changed in place and returned)."""
    from nbstripout import strip_output

    strip_output(nb, keep_output=False, keep_count=False, keep_id=True, extra_keys=EXTRA_KEYS)
    info = nb.metadata.get("language_info")
    if isinstance(info, dict) and info.get("name"):
        nb.metadata["language_info"] = {"name": info["name"]}
    return nb


def strip_on_save(model, path=None, contents_manager=None, **kwargs) -> None:
    """Jupyter server pre_save_hook: a notebook is saved stripped (other files as they are)."""
    if model.get("type") != "notebook" or not model.get("content"):
        return
    import nbformat

    nb = nbformat.from_dict(model["content"])
    model["content"] = committed_form(nb)
