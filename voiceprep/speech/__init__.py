"""Speech I/O: speaking prompts (pyttsx3), recording (sounddevice), transcribing (faster-whisper).

Qt-free: the GUI wraps these in workers; callbacks arrive on background threads.
"""
