"""Answer analysis: key points with evidence, scores, delivery coaching, follow-ups."""
