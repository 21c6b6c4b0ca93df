scenario { id = "h", title = "H", turns = 2 }
side { id = "council" }
area { id = "a", ring = { {0, 0}, {1, 0}, {1, 1} } }
ending { id = "e", default = true }
-- a message that names another file: the printer must not open it
setup(function() error("/etc/passwd:1: boom", 0) end)
