-- a sweep set name with an escape sequence (summaries, CSVs and reports show set names)
return { { name = "ok\27[2J\27]0;owned\7", policy = "default" } }
