# Convenience targets; the README's two set-up commands are the supported way in.
.PHONY: test screenshots bench

test:
	bash scripts/setup.sh test

screenshots:
	xvfb-run -a -s "-screen 0 2600x1500x24" .venv/bin/python scripts/screenshots.py
	xvfb-run -a -s "-screen 0 2600x1500x24" .venv/bin/python scripts/bank_screenshots.py

bench:
	.venv/bin/python bench/speech_bench.py
	for n in 30 120 300; do .venv/bin/python bench/live_latency.py --seconds $$n --json; done
	.venv/bin/python bench/spontaneous.py
	.venv/bin/python bench/long_audio.py --minutes 20
	.venv/bin/python bench/keypoint_eval.py --audio
	.venv/bin/python bench/analysis_speed.py
	.venv/bin/python bench/history_scale.py
	.venv/bin/python bench/history_gui.py
	.venv/bin/python bench/voice_bench.py
