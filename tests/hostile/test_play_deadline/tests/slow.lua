-- one play{} of a game that would run for minutes: flank test --timeout stops it
test("one long game", function()
  play{ seed = 1 }
end)
