# The commands a person needs. `make run` and `make test` set up .venv on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export QT_QPA_PLATFORM ?= offscreen

.PHONY: setup run test lint format bench lexicon places model package package-ner package-onefile package-test translations clean

# The window's compiled translations, built from the committed .ts (never committed).
I18N := annotator/resources/i18n
CATALOGUES := $(I18N)/annotator_ar.qm $(I18N)/annotator_en.qm

setup: $(STAMP) $(CATALOGUES)

# torch first, or camel-tools pulls the default build (CUDA, several GB): without an
# NVIDIA GPU build_scripts/install_torch.py asks for the CPU build (+cpu, ~750 MB).
$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python build_scripts/install_torch.py
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	$(BIN)/python build_scripts/translations.py
	touch $(STAMP)

# A .ts changed (a new translation): compile it again with pyside6-lrelease.
$(I18N)/%.qm: $(I18N)/%.ts | $(STAMP)
	$(BIN)/pyside6-lrelease $< -qm $@

# New texts in annotator/gui: pyside6-lupdate adds them to the .ts (unfinished) to translate.
translations: $(STAMP)
	$(BIN)/python build_scripts/translations.py --update

run: $(STAMP) $(CATALOGUES)
	QT_QPA_PLATFORM= $(BIN)/annotator

test: $(STAMP) $(CATALOGUES)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q
	$(BIN)/lint-imports

lint: $(STAMP)
	$(BIN)/ruff check annotator tests benchmarks
	$(BIN)/ruff format --check annotator tests benchmarks

format: $(STAMP)
	$(BIN)/ruff format annotator tests benchmarks
	$(BIN)/ruff check --fix annotator tests benchmarks

bench: $(STAMP)
	$(BIN)/python benchmarks/startup.py
	$(BIN)/python benchmarks/store_throughput.py
	$(BIN)/python benchmarks/ner_throughput.py
	QT_QPA_PLATFORM=offscreen $(BIN)/python benchmarks/window_speed.py
	QT_QPA_PLATFORM=offscreen $(BIN)/python benchmarks/relation_speed.py
	$(BIN)/python benchmarks/suggest_scaling.py
	$(BIN)/python benchmarks/search_speed.py
	$(BIN)/python benchmarks/learner_speed.py
	$(BIN)/python benchmarks/ner_targets.py
	QT_QPA_PLATFORM=offscreen $(BIN)/python benchmarks/keys_per_entity.py
	$(BIN)/python benchmarks/agreement_speed.py
	QT_QPA_PLATFORM=offscreen $(BIN)/python benchmarks/curation_speed.py

# The common-word list the cue rules use, rebuilt from the Wojood sample in resources/.
lexicon: $(STAMP)
	$(BIN)/python build_scripts/build_lexicon.py

# Short forms of country names for the gazetteer, measured on the Wojood sample (pycountry).
places: $(STAMP)
	$(BIN)/python build_scripts/build_places.py

# The built-in NER model (annotator/resources/models/builtin-ner/), trained from the
# Wojood sample in resources/wojood/: deterministic, its data hash in its metadata.
model: $(STAMP)
	$(BIN)/python build_scripts/train_model.py

# The standalone program (PyInstaller): dist/annotator/annotator, no Python needed.
package: $(STAMP) $(CATALOGUES)
	$(BIN)/python build_scripts/build.py

# The same with camel-tools' NER runtime (torch, transformers) inside: dist/annotator-ner/
package-ner: $(STAMP) $(CATALOGUES)
	$(BIN)/python build_scripts/build.py --with-ner

package-onefile: $(STAMP) $(CATALOGUES)
	$(BIN)/python build_scripts/build.py --onefile

# Self-test of the built bundle, then its window under Xvfb with a screenshot.
package-test: $(STAMP)
	test -x dist/annotator/annotator || $(MAKE) package
	$(BIN)/python build_scripts/package_test.py

clean:
	rm -rf build dist .pytest_cache
