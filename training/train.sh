#!/usr/bin/env bash
# Rebuild attache's English pipeline from the shared open data, end to end:
#   bash training/train.sh
# 1. prepare.py   corpora -> training/corpus/ (gitignored)
# 2. spacy train  configs/pipeline.cfg -> training/output/main/ (gitignored)
# 3. assemble.py  model-best + news tokenizer rules -> src/attache/nlp/model/
# 4. evaluate.py  test-set scores + speed -> the model card
# Reads <repo>/../shared/data/nlp (override with ATTACHE_SHARED).
# Single-threaded BLAS and `nice`: the machine is shared and the speed bar is
# per core. Extra arguments go to `spacy train` (e.g.
# --training.max_steps=200 for a smoke run).
set -euo pipefail
cd "$(dirname "$0")/.."
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1
NICE="nice -n 10"

$NICE python training/prepare.py
$NICE python -m spacy train training/configs/pipeline.cfg --output training/output/main "$@"
python training/assemble.py training/output/main/model-best
$NICE python training/evaluate.py
du -sh src/attache/nlp/model
