"""What kpitrack sends beyond the workspace: messages to a WeCom or DingTalk group robot."""
