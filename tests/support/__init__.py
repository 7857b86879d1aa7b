"""What the tests share and are not tests themselves: the test campaign and its seed, the
database backends, fakes of the Telegram and Zalo servers with harnesses that run the real
bot against them, the console chat driver, the command-line helpers and the worker process
of the multi-process tests. Test modules import from here, never from one another."""
