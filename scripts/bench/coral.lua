-- wrk: POST /api/v1/integrations/coral/moderation as Coral's external moderation phase sends it. wrk's Lua cannot
-- compute HMACs, so scripts/bench/integrations.sh signs the bodies beforehand and passes them in a Lua file:
-- CORAL_REQUESTS=file.lua, returning {{body = "...", signature = "sha256=..."}, ...}.
local requests = dofile(os.getenv("CORAL_REQUESTS"))
local n = 0
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["User-Agent"] = "Coral Moderation/9.0.0"
request = function()
  n = n + 1
  local r = requests[(n % #requests) + 1]
  return wrk.format(nil, "/api/v1/integrations/coral/moderation", {["X-Coral-Signature"] = r.signature}, r.body)
end
