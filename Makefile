# The two commands of the README:  make reports   and   make test
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
PROFILE ?= PER-2021

.PHONY: setup reports validate test lab strip clean-reports

$(BIN)/mgi: requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	$(BIN)/python -m ipykernel install --sys-prefix --name python3 --display-name "Python 3 (mgi)" > /dev/null
	touch $(BIN)/mgi

setup: $(BIN)/mgi

# main job: validate the default profile and render every report for it into reports/
reports: setup
	$(BIN)/mgi validate $(PROFILE)
	$(BIN)/mgi run --profile $(PROFILE)

validate: setup
	$(BIN)/mgi validate --all

# tests: import contracts (pyproject.toml), unit tests, notebooks under papermill, nbval over notebooks/,
# stripped outputs, data package checks
test: setup
	$(BIN)/lint-imports
	$(BIN)/python -m pytest tests
	$(BIN)/python -m pytest --nbval-lax notebooks
	$(BIN)/nbstripout --keep-id --verify notebooks/*.ipynb
	$(BIN)/mgi codebook --check
	cd data/profiles/$(PROFILE) && ../../../$(BIN)/frictionless validate datapackage.json > /dev/null

# JupyterLab on notebooks/: every notebook is saved without outputs (helpers.run.lab), so exploring never dirties
# the repository nor fails `make test`
lab: setup
	$(BIN)/jupyter lab --ContentsManager.pre_save_hook=helpers.run.lab.strip_on_save \
		$(if $(filter 0,$(shell id -u)),--allow-root,) notebooks/

strip: setup
	$(BIN)/nbstripout --keep-id notebooks/*.ipynb
