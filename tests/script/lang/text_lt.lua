return { title = "Kalbos", side = "Taryba" }
