# The two commands of the README, plus conveniences. ARGS passes options to the app, e.g.
#   make run ARGS="--database postgresql://user@host/crm"
.PHONY: run demo test lint bench screenshots

run:
	scripts/run.sh $(ARGS)

demo:
	scripts/run.sh --demo $(ARGS)

test:
	scripts/test.sh $(ARGS)

lint:
	scripts/bootstrap.sh requirements-test.lock
	.venv/bin/python -m ruff check .
	.venv/bin/python -m mypy

bench:
	scripts/bootstrap.sh requirements-test.lock
	.venv/bin/python bench/startup.py
