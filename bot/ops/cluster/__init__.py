"""Several Rasa replicas and action servers on one host behind HAProxy (see README, "Running
several replicas")."""
