"""kpitrack: track annual government targets against the calendar."""
