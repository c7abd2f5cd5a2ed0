-- wrk: POST /api/v1/check with a realistic mix of clean and dirty comments.
local texts = dofile("scripts/bench/texts.lua")
local bodies = {}
for i, t in ipairs(texts) do bodies[i] = '{"text":"' .. t .. '"}' end
local n = 0
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
request = function()
  n = n + 1
  return wrk.format(nil, "/api/v1/check", nil, bodies[(n % #bodies) + 1])
end
