-- error(nil) at load: still a file and line
scenario { id = "h", title = "H", turns = 2 }
error()
