"""The Qt-free core: banks, analysis, history and the rehearsal flow. Never imports Qt."""
