-- Rotates over the request paths in the file named by LOAD_PATHS, one path per line.
-- Each wrk thread starts at its own offset, so the connections do not move in lockstep.
local paths = {}
for line in io.lines(os.getenv("LOAD_PATHS")) do
  if line ~= "" then paths[#paths + 1] = line end
end

local counter = 0
local next_index = 0

setup = function(thread)
  thread:set("offset", counter * 7919)
  counter = counter + 1
end

init = function()
  next_index = (tonumber(offset) or 0) % #paths
end

request = function()
  next_index = next_index % #paths + 1
  return wrk.format("GET", paths[next_index])
end
