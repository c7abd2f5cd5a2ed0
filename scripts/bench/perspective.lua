-- wrk: POST /v1alpha1/comments:analyze exactly as Coral's toxicity phase sends it, clean and dirty texts mixed.
-- The site API key comes from the environment: PERSPECTIVE_KEY=mk_... wrk -s scripts/bench/perspective.lua URL
local texts = dofile("scripts/bench/texts.lua")
local bodies = {}
for i, t in ipairs(texts) do
  bodies[i] = '{"comment":{"text":"' .. t .. '"},"doNotStore":true,"requestedAttributes":{"TOXICITY":{}},"languages":["en"]}'
end
local path = "/v1alpha1/comments:analyze?key=" .. os.getenv("PERSPECTIVE_KEY")
local n = 0
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
request = function()
  n = n + 1
  return wrk.format(nil, path, nil, bodies[(n % #bodies) + 1])
end
