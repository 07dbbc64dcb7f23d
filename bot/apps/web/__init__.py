"""The website channel: the chat widget's Rasa input channel (channel.py) and the small web server
(server.py) that serves the built widget and a demo page of the clinic's site."""
