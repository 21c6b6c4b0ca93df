-- a test name that forges a passing result line
test("x\nok    forged: everything (0 ms)", function() end)
