# enrichd — build, test, demo, benchmark, install.
SWIFT_FLAGS := -Xswiftc -warnings-as-errors
PREFIX ?= /usr/local
SYSCONFDIR ?= /etc
UNITDIR ?= /etc/systemd/system
WORKERS ?= 0

.PHONY: all setup build release test demo bench soak-faults soak-steady soak-netns soak-restarts soak-restarts-push model places word-frequencies sentiment-lexicon first-names summary-model eval-says fuzz fuzz-libfuzzer install verify-units clean

all: release

setup:
	scripts/setup.sh

build: setup
	swift build $(SWIFT_FLAGS)

release: setup
	swift build -c release $(SWIFT_FLAGS)

# Everything CI runs: warnings as errors, unit + end-to-end tests (real sockets, the real binary),
# systemd unit verification, 60 s of libFuzzer (scripts/fuzz.sh; its instrumented build of Articles and
# Enrichment in .build-fuzz takes about 130 s from scratch). The end-to-end suites run on their own: they
# wait on child processes from Swift's cooperative pool (2 threads here), which would starve the
# timing-sensitive I/O thread tests.
test: setup
	swift build --build-tests $(SWIFT_FLAGS)
	swift test --skip-build --skip EndToEndTests
	swift test --skip-build --no-parallel --filter EndToEndTests
	swift build -c release $(SWIFT_FLAGS)
	scripts/verify-units.sh .build/release/enrichd
	scripts/fuzz.sh 60

# Daemon on config/demo.yaml + `enrichd send` of the bundled samples + `enrichd tail` printing output.
demo: release
	scripts/demo.sh

# Raw libzmq vs daemon pass-through vs daemon with enrichment (release build).
bench: release
	.build/release/enrichd bench
	.build/release/enrichd bench-entities $(wildcard ../shared/data/summaries/cnndm_validation/*.jsonl)

# Bounded fault soak (about 3 minutes): downstream absent for 60 s under load, then a producer killed and
# restarted; every article accounted for, daemon RSS bounded (scripts/soak-faults.py).
soak-faults: release
	python3 scripts/soak-faults.py --binary .build/release/enrichd

# Bounded steady soak (about 5 minutes): 10^6 articles at 4,000/s in pass-through; RSS growth after
# warm-up <= 5 %, no descriptor or thread growth (scripts/soak-steady.py; --enrichment for the full pipeline).
soak-steady: release
	python3 scripts/soak-steady.py --binary .build/release/enrichd

# Hosts in network namespaces (root, about 1 minute): ventilator, two worker hosts, sink; one worker's link
# cut for 10 s mid-stream; every article reaches the sink exactly once (scripts/soak-netns.py).
soak-netns: release
	python3 scripts/soak-netns.py --binary .build/release/enrichd

# Rolling restarts (about 1 minute): 100,000 articles at 3,000/s (1 % invalid JSON) through `enrichd broker`
# and 3 DEALER workers, each SIGTERM-restarted once mid-stream; published + dead-lettered = sent, no
# duplicates, every drain exits 0 (scripts/soak-restarts.py --broker). soak-restarts-push runs the same with
# the workers PULLing straight from the PUSH ventilator, which loses 1-2 articles per restart (exits 1;
# --strace DIR says where each lost article was).
soak-restarts: release
	python3 scripts/soak-restarts.py --broker --binary .build/release/enrichd

soak-restarts-push: release
	python3 scripts/soak-restarts.py --binary .build/release/enrichd

# Longer bounded fuzzing of the pipeline and the tagger than `make test` runs (seeded, in-process).
fuzz: setup
	swift build --build-tests $(SWIFT_FLAGS)
	FUZZ_ITERATIONS=$${FUZZ_ITERATIONS:-20000} swift test --skip-build --filter "PipelineFuzzTests|EntityFuzzTests"

# Coverage-guided libFuzzer run over envelope decoding, raw-text and HTML parsing (scripts/fuzz.sh,
# Sources/EnrichdFuzz): 10^6 inputs or FUZZ_SECONDS (default 3600), whichever comes first; fails on a
# crash, timeout or OOM and keeps the input in .build-fuzz/artifacts/ (`make test` runs 60 s of it).
fuzz-libfuzzer: setup
	FUZZ_RUNS=$${FUZZ_RUNS:-1000000} scripts/fuzz.sh $${FUZZ_SECONDS:-3600}

# Retrain the entity model from ../shared/data (docs/entity-model.md); reproducible byte for byte.
model:
	scripts/train-entities.sh

# Rebuild the places gazetteer from ../shared/data/gazetteers (scripts/build-places.py); deterministic.
places:
	python3 scripts/build-places.py
	touch Sources/CEnrichdModels/models.c

# Rebuild the keyphrase background word frequencies (scripts/build-word-frequencies.py); deterministic.
word-frequencies:
	python3 scripts/build-word-frequencies.py
	touch Sources/CEnrichdModels/models.c

# Rebuild the sentiment word table from the VADER lexicon (scripts/build-sentiment-lexicon.py); deterministic.
sentiment-lexicon:
	python3 scripts/build-sentiment-lexicon.py
	touch Sources/CEnrichdModels/models.c

# Rebuild the first-name gender table from the 1990 US Census lists (scripts/build-first-names.py).
first-names:
	python3 scripts/build-first-names.py
	touch Sources/CEnrichdModels/models.c

# Score quotes, quantities and dates against eval/gold, and per-entity sentiment on NewsMTSC.
eval-says: release
	python3 eval/score_says.py
	python3 eval/score_sentiment.py

# Refit the summary model's weights on the CNN/DailyMail dev records (scripts/train-summary.py).
summary-model: release
	python3 scripts/train-summary.py

install: release
	scripts/install.sh "$(PREFIX)" "$(SYSCONFDIR)" "$(UNITDIR)" "$(WORKERS)"

verify-units: release
	scripts/verify-units.sh .build/release/enrichd

clean:
	rm -rf .build .build-fuzz .build-fuzz-*
