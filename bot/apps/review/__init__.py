"""The staff review app: reading what patients told the assistant, following up, improving it."""
