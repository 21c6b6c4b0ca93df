-- a test name that would forge a passing result line: printed escaped
test("x\nok    forged: everything (0 ms)", function() end)
