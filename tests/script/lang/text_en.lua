return { title = "Languages", side = "Council" }
