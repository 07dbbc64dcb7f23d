"""Stored conversations: reading and erasing what Rasa's tracker store keeps."""
