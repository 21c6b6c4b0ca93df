-- a test file's xpcall with a message handler that loops: the test's time limit holds
test("handler loops", function()
  xpcall(function() while true do end end, function() while true do end end)
end)
